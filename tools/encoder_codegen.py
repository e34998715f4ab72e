"""Write the encoders module: one function per model, attrs model -> JSON-ready data.

The mirror of :mod:`decoder_codegen`, from the same :mod:`specmodel`: each attribute goes out
under its field's JSON name. An optional field left ``None`` is omitted, a required one is kept
(``null``); date-times are formatted by the generated ``rfc3339`` module, dates in ISO form, open
enums as their value (or the newer string they came as); nested models, lists and maps recurse.
"""

from __future__ import annotations

import jinja2
from decoder_codegen import Function, attribute_order, object_schemas
from specmodel import Schema, Spec, TypeRef


def expression(var: str, tp: TypeRef, depth: int = 0) -> str:
    """A Python expression giving the JSON-ready form of ``var``, a value of ``tp`` (not None)."""
    kind = tp.kind
    if kind == "string" and tp.format == "date-time":
        return f"format_datetime({var})"
    if kind == "string" and tp.format == "date":
        return f"{var}.isoformat()"
    if kind == "enum":
        return f"_enum_value({var})"
    if kind == "object":
        return f"encode_{tp.ref}({var})"
    if kind in ("array", "map"):
        assert tp.items is not None
        item = f"v{depth}"
        inner = expression(item, tp.items, depth + 1)
        if tp.items.nullable and inner != item:
            inner = f"None if {item} is None else {inner}"
        if kind == "array":
            return f"list({var})" if inner == item else f"[{inner} for {item} in {var}]"
        if inner == item:
            return f"dict({var})"
        return f"{{k{depth}: {inner} for k{depth}, {item} in {var}.items()}}"
    if kind in ("union", "any"):
        return f"_encode_value({var})"
    return var  # str, int, float, bool, null, const: JSON already


def model(schema: Schema) -> Function:
    cls = f"models.{schema.name}"
    function = Function(f"encode_{schema.name}", "dict[str, Any]")
    function.doc = f"A ``{cls}`` as JSON-ready data, under its JSON names."
    required = [f for f in attribute_order(schema) if f.required]
    optional = [f for f in attribute_order(schema) if not f.required]
    entries = []
    for item in required:
        value = f"obj.{item.python_name}"
        out = expression(value, item.type)
        if item.type.nullable and out != value:
            out = f"None if {value} is None else {out}"
        entries.append(f"        {item.json_name!r}: {out},")
    lines = (
        ["    out: dict[str, Any] = {", *entries, "    }"]
        if entries
        else ["    out: dict[str, Any] = {}"]
    )
    for item in optional:
        lines += [
            f"    if obj.{item.python_name} is not None:",
            f"        out[{item.json_name!r}] = {expression('obj.' + item.python_name, item.type)}",
        ]
    function.lines = [*lines, "    return out"]
    return function


def render_encoders(spec: Spec, environment: jinja2.Environment) -> str:
    """The encoders module's source (without the DO NOT EDIT header)."""
    schemas = object_schemas(spec)
    return environment.get_template("encoders.py.jinja2").render(
        functions=[model(schema) for schema in schemas],
        classes=[schema.name for schema in schemas],
    )
