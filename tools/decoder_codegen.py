"""Write the decoders module: one straight-line function per model, parsed JSON -> attrs model.

The functions are computed from :mod:`specmodel` (each field's JSON name is the key read, its
Python name the attribute set; nothing is read back from ``models.py``), and laid out by
``templates/decoders.py.jinja2``. What a field can be is what :class:`specmodel.TypeRef` can say:
string (``date-time`` through the generated ``rfc3339`` module, ``date``), integer, number,
boolean, null, const, open enums, arrays, maps, objects, unions and defaults.

A model whose every field has a small finite set of values (booleans, consts, null, and such
models again: the capability trees) is shared: its decoder keeps the instances it built, keyed by
``marshal.dumps`` of their JSON, and answers an equal JSON with the same frozen instance, so that a
page of models with identical capability trees builds each tree once. ``marshal`` keeps ``True``
apart from ``1`` (``==`` does not) and refuses anything that is not plain data, so a hit is only
ever a value that decoded before, and a bad value always takes the checking path, which names it.
(Its bytes may differ for equal values, as its back-references follow reference counts: that
costs a miss, never a wrong hit, as the bytes always read back as the value they came from.)
Helpers and constants are named by their content, so that a regeneration diff shows what changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

import jinja2
from specmodel import Schema, Spec, SpecError, TypeRef


@dataclass
class Function:
    """One function of the module: its name, its return annotation, and its body's lines."""

    name: str
    returns: str
    lines: list[str] = field(default_factory=list)
    doc: str = ""


def describe(tp: TypeRef) -> str:
    """A short Python-like name of a type, for messages and helper names (no nullability)."""
    if tp.kind == "object":
        assert tp.ref is not None
        return tp.ref
    if tp.kind == "enum":
        return tp.ref or "enum"
    if tp.kind == "string":
        return {"date-time": "datetime", "date": "date"}.get(tp.format or "", "str")
    if tp.kind in ("array", "map"):
        assert tp.items is not None
        inner = describe(tp.items) + (" or None" if tp.items.nullable else "")
        return f"list[{inner}]" if tp.kind == "array" else f"dict[str, {inner}]"
    if tp.kind == "union":
        return " or ".join(describe(arm) for arm in tp.arms)
    return {
        "integer": "int",
        "number": "float",
        "boolean": "bool",
        "null": "None",
        "any": "Any",
        "const": "const",
    }[tp.kind]


def slug(text: str) -> str:
    """``text`` as the tail of a Python name; not lossless, so a short digest is added if needed."""
    cut = re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_")
    if cut == text:
        return cut
    return f"{cut}_{hashlib.sha256(text.encode()).hexdigest()[:6]}"


def finite(spec: Spec, schema: Schema) -> bool:
    """Whether every field of an object schema has a finite set of values, recursively."""

    def small(tp: TypeRef) -> bool:
        if tp.kind in ("boolean", "const", "null"):
            return True
        if tp.kind == "object":
            assert tp.ref is not None
            return finite(spec, spec.schemas[tp.ref])
        return False

    return (
        schema.kind == "object"
        and bool(schema.fields)
        and all(small(item.type) for item in schema.fields)
    )


@dataclass
class DecoderWriter:
    """Emits the statements of each decoder; shared helpers and constants are made once."""

    spec: Spec
    helpers: dict[str, Function] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    memos: dict[str, str] = field(default_factory=dict)

    def constant(self, name: str, literal: str) -> str:
        known = self.constants.setdefault(name, literal)
        assert known == literal, name
        return name

    def statements(self, var: str, tp: TypeRef, where: str, nullable: bool) -> list[str]:
        """Lines that check ``var`` against ``tp`` and rebind it to the decoded value.

        A failure raises ``_Failure`` without a path; the caller adds its part of the path.
        """
        body = self.check(var, tp, where)
        if not (nullable or tp.nullable) or not body:
            return body
        if body[0].startswith("if ") and all(line.startswith("    ") for line in body[1:]):
            # One `if` block: merged with the null test, as ruff (SIM102) would have it.
            return [f"if {var} is not None and {body[0][3:]}", *body[1:]]
        return [f"if {var} is not None:", *("    " + line for line in body)]

    def check(self, var: str, tp: TypeRef, where: str) -> list[str]:
        kind = tp.kind
        if kind == "string" and tp.format == "date-time":
            return [f"{var} = _datetime({var})"]
        if kind == "string" and tp.format == "date":
            return [f"{var} = _date({var})"]
        if kind in ("string", "boolean"):
            name, shown = ("str", "a string") if kind == "string" else ("bool", "a boolean")
            return [f"if type({var}) is not {name}:", f"    raise _wrong({shown!r}, {var})"]
        if kind == "integer":
            return [f"if type({var}) is not int:", f"    {var} = _integer({var})"]
        if kind == "number":
            return [f"if type({var}) is not float:", f"    {var} = _number({var})"]
        if kind == "null":
            return [f"if {var} is not None:", f"    raise _wrong('null', {var})"]
        if kind == "any":
            return []
        if kind == "const":
            allowed = self.constant(f"_CONST_{slug(str(tp.const))}", repr(frozenset([tp.const])))
            # Through an Any constant, so that mypy keeps the Literal the model wants.
            exact = self.constant(f"_TYPE_{type(tp.const).__name__}", type(tp.const).__name__)
            return [
                f"if type({var}) is not {exact} or {var} not in {allowed}:",
                f"    raise _not_one_of({json.dumps(tp.const)!r}, {var})",
            ]
        if kind == "enum":
            if tp.ref is None:  # pragma: no cover - specmodel refuses inline enums in fields
                raise SpecError(f"{where}: an inline enum is not supported")
            return [f"{var} = {self.enum(tp.ref)}({var})"]
        if kind == "object":
            return [f"{var} = decode_{tp.ref}({var})"]
        if kind == "array":
            assert tp.items is not None
            return [f"{var} = _list({var}, {self.helper(tp.items, where + '.items')})"]
        if kind == "map":
            assert tp.items is not None
            item = self.helper(tp.items, where + ".additionalProperties")
            return [f"{var} = _map({var}, {item})"]
        if kind == "union":
            return [f"{var} = {self.union(tp, where)}({var})"]
        raise SpecError(
            f"{where}: the decoders cannot express the type {kind!r}"
        )  # pragma: no cover

    def enum(self, name: str) -> str:
        helper = f"_open_{name}"
        if helper not in self.helpers:
            members = self.constant(f"_MEMBERS_{name}", f"{{m.value: m for m in models.{name}}}")
            known = ", ".join(sorted(self.spec.schemas[name].enum))
            self.helpers[helper] = Function(
                helper,
                "Any",
                [
                    f"    member = {members}.get(value) if type(value) is str else None",
                    "    if member is not None:",
                    "        return member",
                    "    if type(value) is str:",
                    "        return value  # a value newer than the spec, kept as it came",
                    f"    raise _not_one_of({('one of ' + known)!r}, value)",
                ],
            )
        return helper

    def union(self, tp: TypeRef, where: str) -> str:
        name = f"_union_{slug(describe(tp))}"
        if name not in self.helpers:
            self.helpers[name] = function = Function(name, "Any")
            decoders = [self.helper(arm, f"{where}.anyOf[{n}]") for n, arm in enumerate(tp.arms)]
            function.lines = [
                f"    for decode in ({', '.join(decoders)},):",
                "        try:",
                "            return decode(value)",
                "        except _Failure:",
                "            pass",
                f"    raise _wrong({describe(tp)!r}, value)",
            ]
        return name

    def helper(self, tp: TypeRef, where: str) -> str:
        """A function decoding one value of ``tp`` (a model's decoder, or a small helper)."""
        if tp.kind == "object" and not tp.nullable:
            return f"decode_{tp.ref}"
        name = f"_value_{slug(describe(tp))}" + ("_or_None" if tp.nullable else "")
        if name not in self.helpers:
            self.helpers[name] = function = Function(name, "Any")
            body = self.statements("value", tp, where, tp.nullable)
            function.lines = [*("    " + line for line in body), "    return value"]
        return name

    def model(self, schema: Schema) -> Function:
        cls = f"models.{schema.name}"
        function = Function(f"decode_{schema.name}", cls)
        function.doc = (
            f"A ``{cls}`` from parsed JSON; DecodeError says what and where if it does not fit."
        )
        shared = finite(self.spec, schema)
        memo = f"_SHARED_{schema.name}"
        lines = []
        if shared:
            self.memos[memo] = cls
            lines += [
                "    try:",
                f"        return {memo}[_marshal(value)]",
                "    except (KeyError, ValueError):",  # ValueError: not plain data
                "        pass",
            ]
        lines += ["    if type(value) is not dict:", "        raise _wrong('an object', value)"]
        arguments = []
        for number, item in enumerate(attribute_order(schema)):
            key, var = item.json_name, f"a{number}"
            if item.required:
                missing = f"missing required field {key!r}"
                lines += [
                    "    try:",
                    f"        {var} = value[{key!r}]",
                    "    except KeyError:",
                    f"        raise _Failure({missing!r}) from None",
                ]
            elif item.has_default and item.default is not None:
                if isinstance(item.default, (dict, list)):
                    raise SpecError(
                        f"{item.where}.default: an object or array default is not supported"
                    )
                lines.append(f"    {var} = value.get({key!r}, {item.default!r})")
            else:
                lines.append(f"    {var} = value.get({key!r})")
            checks = self.statements(var, item.type, item.where, nullable=not item.required)
            if checks:
                lines += [
                    "    try:",
                    *("        " + line for line in checks),
                    "    except _Failure as failure:",
                    f"        raise failure.at({('.' + key)!r}) from None",
                ]
            arguments.append(f"{item.python_name}={var}")
        built = f"{cls}({', '.join(arguments)})"
        if shared:
            lines += [
                f"    result = {built}",
                f"    if len({memo}) < _SHARED_MAX:",
                "        with contextlib.suppress(ValueError):",
                f"            {memo}[_marshal(value)] = result",
                "    return result",
            ]
        else:
            lines.append(f"    return {built}")
        function.lines = lines
        return function


def attribute_order(schema: Schema) -> list[Any]:
    """The fields in the models' attribute order: required ones first, each group in spec order.

    datamodel-code-generator orders them so; :func:`generate.check_models` checks that it did.
    """
    return [f for f in schema.fields if f.required] + [f for f in schema.fields if not f.required]


def object_schemas(spec: Spec) -> list[Schema]:
    """The object schemas, the models with a decoder and an encoder, in spec order."""
    return [schema for schema in spec.schemas.values() if schema.kind == "object"]


def render_decoders(spec: Spec, environment: jinja2.Environment) -> str:
    """The decoders module's source (without the DO NOT EDIT header)."""
    writer = DecoderWriter(spec)
    functions = [writer.model(schema) for schema in object_schemas(spec)]
    return environment.get_template("decoders.py.jinja2").render(
        functions=functions,
        helpers=sorted(writer.helpers.values(), key=lambda f: f.name),
        constants=dict(sorted(writer.constants.items())),
        memos=writer.memos,
        classes=[schema.name for schema in object_schemas(spec)],
    )
