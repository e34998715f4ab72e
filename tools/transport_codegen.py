"""Write the urllib3 transport module: one function per operation of the spec.

The runtime part every operation shares is a real module, ``templates/transport_runtime.py`` (so
that ruff and mypy check it as code), copied in verbatim; ``templates/transport.py.jinja2`` then
renders each operation: a descriptor (its parameters' metadata: names, places, types, bounds, defaults, enum values, which the
hand-written surfaces read instead of repeating the spec's numbers) and a function built from its
method, path template and parameters. Parameters of type string, integer or boolean are supported, and
query arrays of those (``style: form, explode: true``, a ``name[]`` name sent as the official SDK
sends it); anything else stops the generator with a message naming the parameter.
"""

from __future__ import annotations

import keyword
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"


_SCALARS = {"string": "str", "integer": "int", "boolean": "bool"}


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise SystemExit(f"only local $refs are supported, not {ref}")
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def _identifier(name: str) -> str:
    ident = name.removesuffix("[]").replace("-", "_").replace(".", "_")
    if not ident.isidentifier() or keyword.iskeyword(ident):
        raise SystemExit(f"parameter {name!r} has no usable Python name")
    return ident


def _python_type(param: dict[str, Any]) -> str:
    schema = param.get("schema", {})
    kind = schema.get("type")
    if kind == "array":
        if (
            param["in"] != "query"
            or param.get("style", "form") != "form"
            or not param.get("explode", True)
        ):
            raise SystemExit(
                f"parameter {param['name']!r}: only query arrays in style form, explode, are supported"
            )
        item = schema.get("items", {}).get("type")
        if item not in _SCALARS:
            raise SystemExit(
                f"parameter {param['name']!r}: array items of type {item!r} are not supported"
            )
        return f"Sequence[{_SCALARS[item]}]"
    if kind not in _SCALARS:
        raise SystemExit(f"parameter {param['name']!r}: type {kind!r} is not supported")
    return _SCALARS[kind]


def _resolved_schema(spec: dict[str, Any], param: dict[str, Any]) -> dict[str, Any]:
    """The parameter's schema with its ``$ref``s (and its items' ones) resolved."""
    schema = dict(_resolve(spec, param.get("schema", {})))
    if "items" in schema:
        schema["items"] = _resolve(spec, schema["items"])
    return schema


def _parameter(spec: dict[str, Any], param: dict[str, Any]) -> str:
    """A ``Parameter(...)`` literal for one parameter."""
    schema = _resolved_schema(spec, param)
    items = schema.get("items", {})
    enum = items.get("enum") if schema.get("type") == "array" else schema.get("enum")
    fields: list[tuple[str, Any]] = [
        ("name", param["name"]),
        ("python_name", _identifier(param["name"])),
        ("location", param["in"]),
        ("kind", schema.get("type")),
        ("required", bool(param.get("required", False))),
        ("item_kind", items.get("type")),
        ("default", schema.get("default")),
        ("minimum", schema.get("minimum")),
        ("maximum", schema.get("maximum")),
        ("min_length", schema.get("minLength")),
        ("pattern", schema.get("pattern")),
        ("min_items", schema.get("minItems")),
        ("max_items", schema.get("maxItems")),
        ("enum", tuple(enum) if enum is not None else None),
    ]
    args = ", ".join(
        f"{key}={value!r}"
        for key, value in fields
        if value is not None and not (key == "required" and value is False)
    )
    return f"Parameter({args})"


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    ops = []
    for path, item in spec["paths"].items():
        shared = [_resolve(spec, p) for p in item.get("parameters", [])]
        for method in ("get", "put", "post", "delete", "patch", "head", "options"):
            if method not in item:
                continue
            op = item[method]
            declared = shared + [_resolve(spec, p) for p in op.get("parameters", [])]
            # Copies: the spec itself is also written out (spec.py) and must stay as it is.
            params = [{**p, "schema": _resolved_schema(spec, p)} for p in declared]
            ops.append(
                {
                    "id": op["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                }
            )
    return ops


def _operation_context(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, Any]:
    """What the template needs of one operation, checked: every error exit names its cause."""
    by_place: dict[str, list[dict[str, Any]]] = {"path": [], "query": [], "header": []}
    for param in op["params"]:
        if param["in"] not in by_place:
            raise SystemExit(f"{op['id']}: parameters in {param['in']!r} are not supported")
        by_place[param["in"]].append(param)

    def described(param: dict[str, Any]) -> dict[str, str]:
        kind = _python_type(param)
        if param["in"] == "header" and kind != "str":
            raise SystemExit(f"header {param['name']!r} must be a string")
        return {"name": param["name"], "ident": _identifier(param["name"]), "type": kind}

    path_expr = op["path"]
    for param in by_place["path"]:
        ident = _identifier(param["name"])
        path_expr = path_expr.replace(
            "{" + param["name"] + "}", "{_segment(" + repr(param["name"]) + ", " + ident + ")}"
        )
    query = [described(p) for p in by_place["query"]]
    headers = [described(p) for p in by_place["header"]]
    return {
        "id": op["id"],
        "const": op["id"].upper(),
        "method": op["method"],
        "path": op["path"],
        "summary": op["summary"],
        "description": op["description"].strip(),
        "names": {place: repr(tuple(p["name"] for p in ps)) for place, ps in by_place.items()},
        "parameters": [_parameter(spec, p) for p in op["params"]],
        "path_params": [described(p) for p in by_place["path"]],
        "query_params": query,
        "header_params": headers,
        "keyword_params": query + headers,
        "path_expr": ("f" if by_place["path"] else "") + repr(path_expr),
    }


def render_transport(spec: dict[str, Any]) -> str:
    """The transport module's source (without the DO NOT EDIT header)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True, autoescape=False
    )
    runtime = (TEMPLATES / "transport_runtime.py").read_text(encoding="utf-8")
    operations = [_operation_context(spec, op) for op in _operations(spec)]
    return environment.get_template("transport.py.jinja2").render(
        runtime=runtime.rstrip("\n"), operations=operations
    )
