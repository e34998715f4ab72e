"""What the newest official SDK knows that openapi.yaml and the built-in catalogue do not.

Run by ``nox -s sdk-drift`` (on demand), inside a venv that holds the newest ``anthropic`` from
PyPI, PyYAML and this package: ``python tools/sdk_drift.py [--spec openapi.yaml]``. It imports
the SDK and reads its facts by introspection (``typing.get_type_hints``, pydantic model fields,
``Literal`` arguments, the resource methods' sources), reads ours from the spec (PyYAML) and the
built-in catalogue (``Catalogue.builtin()``), and prints one line per finding, grouped::

    model ids: + claude-new-6 (the SDK names it; our default view does not)
    model ids: - claude-old-4 (our default view names it; the SDK does not)

Groups: the model ids (the SDK's ``Model`` literal against the ids and aliases of the catalogue's
default view), the deprecated ones (``DEPRECATED_MODELS``), the fields of ``ModelInfo`` (with
``ModelCapabilities`` and everything nested; the spec's ``Beta`` fields aside) and of
``BetaModelInfo``, the values of their ``Literal`` fields, the list parameters
(``ModelListParams``), the request headers, the ``error_code`` values the models operations raise
(their ``Raises:`` classes, keyed in the SDK's ``ERROR_CLASSES``), the error types, the statuses of
the spec's error responses (each must have an SDK class; the SDK's other classes serve other
endpoints and are not drift), and the default API version.

Exit status: 0 no drift, 1 drift, 2 the SDK could not be read (one line says why).

How a team follows an API release:

1. ``nox -s sdk-drift``: the report lists what changed.
2. Edit the source of each fact: ``openapi.yaml`` for fields, values, parameters, headers, errors
   and the API version; ``src/anthropic_models/server/builtin_catalog.json`` for models (a model
   the SDK no longer names becomes ``retired``, keeps being retrievable, gets a past
   ``retires_at``; deprecation follows ``DEPRECATED_MODELS``).
3. ``nox -s generate`` after a spec change (``nox -s check-generated`` confirms).
4. Pin the new SDK in the ``test`` and ``bench`` groups of pyproject.toml and run the tests: they
   read catalogue facts from the catalogue and the installed SDK, so no test literal changes.
5. ``nox -s sdk-drift`` again: no drift, exit 0.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import re
import sys
import typing
from fnmatch import fnmatchcase
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable, Iterator, Mapping, Sequence

Facts = Mapping[str, frozenset[str]]
"""A side's facts: for each group, its items (an item with ``*`` is a pattern, e.g. ``memory_*``)."""

GROUPS: tuple[str, ...] = (
    "model ids",
    "deprecated",
    "ModelInfo fields",
    "BetaModelInfo fields",
    "field values",
    "list parameters",
    "headers",
    "error codes",
    "error types",
    "error statuses",
    "API version",
)
"""The groups, in report order."""

ONE_WAY: frozenset[str] = frozenset({"error statuses"})
"""Groups where only our extras are drift (the SDK's status classes cover every endpoint)."""

ROOT = Path(__file__).resolve().parent.parent
_HEADER_PARAM = re.compile(r'"(anthropic-[a-z-]+)":\s*([a-z_]+)\b')
_HEADER = re.compile(r'"(anthropic-[a-z-]+)"')
_RAISED = re.compile(r"^\s+(\w+):", re.MULTILINE)
_BACKTICKED = re.compile(r"`([a-z_*]+_error|[a-z]+_\*)`")


class SdkUnreadable(Exception):
    """The SDK is missing or lacks a piece this script reads."""


def _covered(item: str, items: Iterable[str]) -> bool:
    """Whether ``item`` is among ``items``, an item or a pattern on either side matching."""
    return any(
        item == other or fnmatchcase(item, other) or fnmatchcase(other, item) for other in items
    )


def compare(sdk: Facts, ours: Facts) -> list[str]:
    """One line per finding, grouped in GROUPS order: ``+`` the SDK's extra, ``-`` ours."""
    lines = []
    for group in GROUPS:
        theirs, mine = sdk.get(group, frozenset()), ours.get(group, frozenset())
        if group not in ONE_WAY:
            lines += [
                f"{group}: + {item} (the SDK has it; we do not)"
                for item in sorted(theirs)
                if not _covered(item, mine)
            ]
        lines += [
            f"{group}: - {item} (we have it; the SDK does not)"
            for item in sorted(mine)
            if not _covered(item, theirs)
        ]
    return lines


# The SDK's side ---------------------------------------------------------------------------------


def literal_values(annotation: Any) -> list[str]:
    """The string values of every ``Literal`` in an annotation (through Union, Optional, List)."""
    if typing.get_origin(annotation) is typing.Literal:
        return [value for value in typing.get_args(annotation) if isinstance(value, str)]
    return [value for arg in typing.get_args(annotation) for value in literal_values(arg)]


def _model_classes(annotation: Any) -> list[type]:
    """The pydantic models an annotation names (through Union, Optional, List)."""
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _model_classes(arg)]


def _walk_model(model: type, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every field path of a pydantic model and its nested models, with its annotation."""
    for name, field in getattr(model, "model_fields", {}).items():
        annotation, path = field.annotation, prefix + name
        yield path, annotation
        for nested in _model_classes(annotation):
            yield from _walk_model(nested, path + ".")


def _model_facts(model: type) -> tuple[frozenset[str], frozenset[str]]:
    """A model's field paths, and its ``path=value`` Literal values."""
    fields = dict(_walk_model(model))
    values = {f"{path}={value}" for path, hint in fields.items() for value in literal_values(hint)}
    return frozenset(fields), frozenset(values)


def _raised_classes(method: Any) -> list[str]:
    """The class names under ``Raises:`` in a method's docstring."""
    _, marker, raises = (inspect.getdoc(method) or "").partition("Raises:")
    return _RAISED.findall(raises) if marker else []


def model_names(sdk: ModuleType) -> frozenset[str]:
    """The ids and aliases the SDK's ``Model`` literal names."""
    return frozenset(literal_values(importlib.import_module(f"{sdk.__name__}.types.model").Model))


def deprecated_names(sdk: ModuleType) -> frozenset[str]:
    """The ids and aliases in the SDK's ``DEPRECATED_MODELS``."""
    return frozenset(
        importlib.import_module(f"{sdk.__name__}._data.deprecated_models").DEPRECATED_MODELS
    )


def sdk_facts(sdk: ModuleType) -> dict[str, frozenset[str]]:
    """The installed SDK's facts about the Models API. SdkUnreadable when a piece is missing."""
    name = sdk.__name__
    try:
        types = importlib.import_module(f"{name}.types")
        beta_info = importlib.import_module(f"{name}.types.beta.beta_model_info").BetaModelInfo
        params = importlib.import_module(f"{name}.types.model_list_params").ModelListParams
        stable = importlib.import_module(f"{name}.resources.models")
        beta = importlib.import_module(f"{name}.resources.beta.models")
        error_classes = importlib.import_module(f"{name}._error_classes").ERROR_CLASSES
        version = importlib.import_module(f"{name}._constants").ANTHROPIC_API_VERSION
        error_type = importlib.import_module(f"{name}.types.shared.error_type").ErrorType
        facts = {"model ids": model_names(sdk), "deprecated": deprecated_names(sdk)}
        fields, values = _model_facts(types.ModelInfo)
        beta_fields, _ = _model_facts(beta_info)
        operations = [
            getattr(resource, operation)
            for resource in (stable.Models, beta.Models)
            for operation in ("list", "retrieve")
        ]
        sources = "\n".join(inspect.getsource(operation) for operation in operations)
        default_headers = sdk.Anthropic(api_key="sdk-drift").default_headers
        params_named = frozenset(typing.get_type_hints(params))
    except (ImportError, AttributeError, OSError, TypeError, NameError) as error:
        raise SdkUnreadable(f"{type(error).__name__}: {error}") from error
    header_params = {param for _, param in _HEADER_PARAM.findall(sources)}
    raised = {cls for operation in operations for cls in _raised_classes(operation)}
    codes = {code for (_, code), cls in error_classes.items() if code and cls.__name__ in raised}
    statuses = {status for status, code in error_classes if code is None}
    if hasattr(sdk, "InternalServerError"):  # the class of every status >= 500 without its own
        statuses.add(500)
    facts.update(
        {
            "ModelInfo fields": fields,
            "BetaModelInfo fields": beta_fields,
            "field values": values,
            "list parameters": params_named - header_params,
            "headers": frozenset(
                {header.lower() for header in _HEADER.findall(sources)}
                | {h.lower() for h in default_headers if h.lower().startswith("anthropic-")}
            ),
            "error codes": frozenset(codes),
            "error types": frozenset(literal_values(error_type)),
            "error statuses": frozenset(str(status) for status in statuses),
            "API version": frozenset({version}),
        }
    )
    return facts


# Our side ---------------------------------------------------------------------------------------


def _resolve(spec: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        node = spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _object_schemas(spec: Mapping[str, Any], node: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The object schemas a property may hold (through $ref and anyOf)."""
    node = _resolve(spec, node)
    found = [node] if "properties" in node else []
    return found + [s for option in node.get("anyOf", ()) for s in _object_schemas(spec, option)]


def _spec_values(spec: Mapping[str, Any], node: Mapping[str, Any]) -> list[str]:
    """A leaf's named values: its enum, its const, or (an open string) its examples."""
    node = _resolve(spec, node)
    if "const" in node:
        return [node["const"]]
    return [str(value) for value in node.get("enum") or node.get("examples") or ()]


def _walk_schema(
    spec: Mapping[str, Any], schema: Mapping[str, Any], prefix: str = ""
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for name, node in schema.get("properties", {}).items():
        yield prefix + name, node
        for nested in _object_schemas(spec, node):
            yield from _walk_schema(spec, nested, prefix + name + ".")


def _is_beta(node: Mapping[str, Any]) -> bool:
    return str(node.get("description", "")).startswith("Beta")


def _operations(spec: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [operation for path in spec["paths"].values() for operation in path.values()]


def _parameters(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    params = spec["components"]["parameters"]
    return [
        params[p["$ref"].rsplit("/", 1)[-1]] if "$ref" in p else p
        for p in operation.get("parameters", ())
    ]


def spec_facts(spec: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """openapi.yaml's facts in the groups of :func:`sdk_facts` (the models aside)."""
    schemas = spec["components"]["schemas"]
    walked = dict(_walk_schema(spec, schemas["ModelInfo"]))
    beta = {path for path in walked if any(_is_beta(walked[p]) for p in _prefixes(path))}
    operations = _operations(spec)
    listing = next(op for op in operations if op["operationId"] == "list_models")
    headers = {p["name"] for op in operations for p in _parameters(spec, op) if p["in"] == "header"}
    version = next(
        p["schema"]["default"]
        for op in operations
        for p in _parameters(spec, op)
        if p["name"] == "anthropic-version"
    )
    detail = schemas["ErrorDetail"]["properties"]["type"]
    codes = schemas["ErrorDetails"]["properties"]["error_code"].get("examples", ())
    return {
        "ModelInfo fields": frozenset(set(walked) - beta),
        "BetaModelInfo fields": frozenset(walked),
        "field values": frozenset(
            f"{path}={value}"
            for path, node in walked.items()
            if path not in beta
            for value in _spec_values(spec, node)
        ),
        "list parameters": frozenset(
            p["name"].removesuffix("[]") for p in _parameters(spec, listing) if p["in"] == "query"
        ),
        "headers": frozenset(headers),
        "error codes": frozenset(codes),
        "error types": frozenset(_BACKTICKED.findall(detail.get("description", ""))),
        "error statuses": frozenset(
            status for op in operations for status in op["responses"] if status[0] in "45"
        ),
        "API version": frozenset({version}),
    }


def _prefixes(path: str) -> list[str]:
    parts = path.split(".")
    return [".".join(parts[: n + 1]) for n in range(len(parts))]


def our_facts(spec: Mapping[str, Any], named: Iterable[str], deprecated: Iterable[str]) -> Facts:
    """The spec's facts and the catalogue's names (default view, deprecated), for :func:`compare`."""
    facts = spec_facts(spec)
    facts["model ids"] = frozenset(named)
    facts["deprecated"] = frozenset(deprecated)
    return facts


def main(argv: Sequence[str] | None = None) -> int:
    """Print the drift report; 0 no drift, 1 drift, 2 the SDK could not be read."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    args = parser.parse_args(argv)
    try:
        sdk = importlib.import_module("anthropic")
        theirs = sdk_facts(sdk)
    except (ImportError, SdkUnreadable) as error:
        print(f"sdk-drift: could not read the official SDK: {error}")
        return 2
    import yaml

    from anthropic_models.server.catalog import Catalogue
    from anthropic_models.server.catalog_names import view_names

    spec = yaml.safe_load(args.spec.read_text(encoding="utf-8"))
    catalog = Catalogue.builtin()
    ours = our_facts(spec, view_names(catalog), view_names(catalog, ["deprecated"]))
    lines = compare(theirs, ours)
    version = getattr(sdk, "__version__", "?")
    for line in lines:
        print(line)
    verdict = f"{len(lines)} finding(s)" if lines else "no drift"
    print(
        f"sdk-drift: anthropic {version} against openapi.yaml and the built-in catalogue: {verdict}"
    )
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
