"""Write the modules of the spec's operations, from the spec model (:mod:`specmodel`).

Three modules come out, each a runtime part that is a real module in ``templates/`` (so that ruff and
mypy check it as code) followed by what the template renders per operation:

* ``operations.py`` (standard library only): the :class:`Operation` and :class:`Parameter`
  descriptors, a typed request builder per operation, the documented statuses with their error
  types (``ERROR_TYPES``);
* ``transport.py`` (urllib3): :func:`send`, which sends one built request and never retries by
  itself, and a function per operation that builds and sends;
* ``methods.py``: the typed methods of the clients, a sync and an asyncio mixin with identical
  signatures, which hand every call to the client's hooks (``_invoke``, ``_page``, ``_iterate``).

What the typed methods are called comes from the spec: ``x-python-method`` names an operation's
method (else its operationId), ``x-python-iterator`` names the lazy walk of a paginated one,
``x-client-option`` marks a header set once on the client rather than per call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import jinja2
from specmodel import Operation, Parameter, Spec, SpecError

TEMPLATES = Path(__file__).resolve().parent / "templates"

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def _summary(description: Optional[str]) -> str:
    """The first sentence of a description, on one line."""
    text = " ".join((description or "").split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def _scalar_type(param: Parameter) -> str:
    kind = param.item_kind if param.kind == "array" else param.kind
    if kind not in _SCALARS:
        raise SpecError(f"openapi.yaml: {param.where}: type {kind!r} is not supported")
    return _SCALARS[kind]


def _builder_type(param: Parameter) -> str:
    """The type of a parameter in the standard-library builders (enum members are strings)."""
    scalar = _scalar_type(param)
    if param.kind == "array":
        if param.location != "query" or param.style not in (None, "form") or param.explode is False:
            raise SpecError(
                f"openapi.yaml: {param.where}: only query arrays in style form, explode, "
                "are supported"
            )
        return f"Union[{scalar}, Sequence[{scalar}]]"
    if param.location == "header" and scalar != "str":
        raise SpecError(f"openapi.yaml: {param.where}: a header parameter must be a string")
    return scalar


def _method_type(param: Parameter) -> str:
    """The type of a parameter in the clients' typed methods (an enum's class accepted too)."""
    scalar = _scalar_type(param)
    if param.enum_schema:
        scalar = f"models.{param.enum_schema}, {scalar}"
    if param.kind == "array":
        return f"Union[{scalar}, Sequence[Union[{scalar}]]]"
    return f"Union[{scalar}]" if param.enum_schema else scalar


def _bound(param: Parameter, value: Any) -> Any:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise SpecError(f"openapi.yaml: {param.where}: a bound must be a whole number, not {value!r}")


def _descriptor(param: Parameter) -> str:
    """A ``Parameter(...)`` literal: only the fields that differ from their defaults."""
    fields: list[tuple[str, Any]] = [
        ("name", param.name),
        ("python_name", param.python_name),
        ("location", param.location),
        ("kind", param.kind),
        ("required", param.required or None),
        ("item_kind", param.item_kind if param.kind == "array" else None),
        ("default", param.default),
        ("minimum", _bound(param, param.minimum)),
        ("maximum", _bound(param, param.maximum)),
        ("min_length", param.min_length),
        ("max_length", param.max_length),
        ("pattern", param.pattern),
        ("min_items", param.min_items),
        ("max_items", param.max_items),
        ("enum", tuple(param.enum) if param.enum is not None else None),
        ("client_option", True if param.extensions.get("x-client-option") else None),
        ("summary", _summary(param.description) or None),
    ]
    return "Parameter(" + ", ".join(f"{k}={v!r}" for k, v in fields if v is not None) + ")"


def _context(op: Operation) -> dict[str, Any]:
    success = [r.status for r in op.responses if isinstance(r.status, int) and r.status < 300]
    if len(success) != 1:
        raise SpecError(
            f"openapi.yaml: paths.{op.path}.{op.method.lower()}: one 2xx response is supported, "
            f"not {len(success)}"
        )
    response = next(r for r in op.responses if r.status == success[0])
    if response.schema is None:
        raise SpecError(
            f"openapi.yaml: {op.operation_id}: its {success[0]} response names no component schema"
        )
    params = [
        {
            "name": p.python_name,
            "location": p.location,
            "builder_type": _builder_type(p),
            "method_type": _method_type(p),
            "required": p.required,
            "summary": _summary(p.description),
            "client_option": bool(p.extensions.get("x-client-option")),
        }
        for p in op.parameters
    ]
    iterator = op.extensions.get("x-python-iterator")
    return {
        "id": op.operation_id,
        "const": op.operation_id.upper(),
        "method": op.method.upper(),
        "path": op.path,
        "summary": op.summary or op.operation_id,
        "description": (op.description or "").strip(),
        "descriptors": [_descriptor(p) for p in op.parameters],
        "success": success[0],
        "errors": [
            (r.status, r.error_type)
            for r in op.responses
            if isinstance(r.status, int) and r.status >= 400
        ],
        "params": params,
        "positional": [p for p in params if p["location"] == "path"],
        "keywords": [p for p in params if p["location"] != "path"],
        "per_call": [p for p in params if p["location"] != "path" and not p["client_option"]],
        "method_name": op.extensions.get("x-python-method", op.operation_id),
        "iterator": iterator,
        "result": f"models.{response.schema}",
        "item": _page_item(op, iterator),
    }


def _page_item(op: Operation, iterator: Any) -> Any:
    if iterator is None:
        return None
    item = op.extensions.get("x-python-item")
    if not isinstance(iterator, str) or not iterator.isidentifier() or not isinstance(item, str):
        raise SpecError(
            f"openapi.yaml: {op.operation_id}: x-python-iterator needs a method name and "
            "x-python-item the schema of the items it yields"
        )
    return f"models.{item}"


def _error_types(spec: Spec) -> dict[int, str]:
    """The error type of every status: the operations' examples, and ``x-api-error-types``."""
    types = dict(spec.error_types())
    more = spec.document.get("x-api-error-types", {})
    if not isinstance(more, dict):
        raise SpecError("openapi.yaml: x-api-error-types: a mapping of status to error type")
    for status, error_type in more.items():
        if (
            not isinstance(status, int)
            or not 400 <= status <= 599
            or not isinstance(error_type, str)
        ):
            raise SpecError(
                f"openapi.yaml: x-api-error-types: {status!r}: an error status and its type"
            )
        if status in types:
            raise SpecError(
                f"openapi.yaml: x-api-error-types: {status} is an operation's status already "
                f"(its example says {types[status]!r}): one source per fact"
            )
        types[status] = error_type
    return dict(sorted(types.items()))


def render_operations(spec: Spec, environment: jinja2.Environment) -> dict[str, str]:
    """The sources of operations.py, transport.py and methods.py (without their headers)."""
    operations = [_context(op) for op in spec.operations]
    names: dict[str, str] = {}
    for op in operations:
        for name in filter(None, (op["method_name"], op["iterator"])):
            if name in names:
                raise SpecError(
                    f"openapi.yaml: {op['id']}: method {name!r} is also {names[name]}'s"
                )
            names[name] = op["id"]
    error_types = _error_types(spec)
    out = {}
    for module in ("operations", "transport", "methods"):
        runtime = (TEMPLATES / f"{module}_runtime.py").read_text(encoding="utf-8")
        # The runtime imports what only the rendered code uses: in the output, it is used.
        runtime = runtime.replace("  # noqa: F401 (rendered code)", "")
        out[module] = environment.get_template(f"{module}.py.jinja2").render(
            runtime=runtime.rstrip("\n"),
            operations=operations,
            error_types=list(error_types.items()),
        )
    return out
