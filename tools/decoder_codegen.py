"""Write the decoders module: one straight-line function per model, JSON (parsed) -> attrs model.

The decoders are written at generation time from the schemas of openapi.yaml, as the models are,
and read by nothing else at import: no type introspection, no code compiled at run time. Each
schema's Python types are read off the freshly generated ``models.py`` (so that names agree with
datamodel-code-generator's), and its JSON keys off the schema. What a schema can say is covered:
string (``date-time`` and ``date`` formats too), integer, number, boolean, null, arrays (nested),
objects, maps (``additionalProperties``), enums (open to values newer than the spec), const,
nullable unions, ``anyOf``/``oneOf`` of objects or scalars, ``$ref`` chains and defaults. A type
the generator cannot decode stops the generation with a message naming its schema path.

The module's layout and its runtime come from ``tools/templates/decoders.py.jinja2``; this module
computes the statements of each function.
"""

from __future__ import annotations

import enum
import importlib.util
import json
import sys
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Union

import attrs
import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"
_NONE = type(None)


class Unsupported(SystemExit):
    """A schema the decoders cannot express; the message names its path."""


def load_models(path: Path) -> types.ModuleType:
    """Import a generated models.py from its file, as ``anthropic_models_generated.models``."""
    name = "anthropic_models_generated.models"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


@dataclass
class _Function:
    """One decoder: its name, the model class it builds, and its body's lines."""

    name: str
    cls: str
    lines: list[str] = field(default_factory=list)


@dataclass
class _Writer:
    """Emits decoding statements for type hints; shared helpers are made once and reused."""

    models: types.ModuleType
    schemas: dict[str, Any]
    helpers: dict[str, _Function] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    memos: dict[str, str] = field(default_factory=dict)
    counter: int = 0

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    # -- one value -------------------------------------------------------------------------------

    def statements(self, var: str, tp: Any, where: str) -> list[str]:
        """Unindented lines that check ``var`` against ``tp`` and rebind it to the decoded value.

        A failure raises ``_Failure`` without a path; the caller adds its part of the path.
        """
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp is str or tp is bool:
            kind = "a string" if tp is str else "a boolean"
            return [f"if type({var}) is not {tp.__name__}:", f"    raise _wrong({kind!r}, {var})"]
        if tp is int:
            return [f"if type({var}) is not int:", f"    {var} = _integer({var})"]
        if tp is float:
            return [f"if type({var}) is not float:", f"    {var} = _number({var})"]
        if tp is _NONE:
            return [f"if {var} is not None:", f"    raise _wrong('null', {var})"]
        if tp is datetime:
            return [f"{var} = _datetime({var})"]
        if tp is date:
            return [f"{var} = _date({var})"]
        if tp is Any:
            return []
        if origin is typing.Literal:
            kinds = sorted({type(arg).__name__ for arg in args})
            allowed = self.constant("_ALLOWED", repr(frozenset(args)))
            wanted = self.constant("_TYPES", "(" + "".join(f"{k}, " for k in kinds) + ")")
            shown = " or ".join(json.dumps(arg) for arg in args)
            return [
                f"if type({var}) not in {wanted} or {var} not in {allowed}:",
                f"    raise _not_one_of({shown!r}, {var})",
            ]
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return [f"{var} = {self.enum(tp, open_=False)}({var})"]
        if origin is Union:
            rest = tuple(arg for arg in args if arg is not _NONE)
            if len(rest) == 2 and rest[1] is str and _is_enum(rest[0]):
                body = [f"{var} = {self.enum(rest[0], open_=True)}({var})"]
            elif len(rest) == 1:
                body = self.statements(var, rest[0], where)
            else:
                body = [f"{var} = {self.union(rest, where)}({var})"]
            if len(rest) == len(args) or not body:
                return body
            if body[0].startswith("if ") and all(line.startswith("    ") for line in body[1:]):
                # One `if` block: merged with the null test, as ruff (SIM102) would have it.
                return [f"if {var} is not None and {body[0][3:]}", *body[1:]]
            return [f"if {var} is not None:", *("    " + line for line in body)]
        if origin is list:
            item = self.helper_for(args[0], where + "/items")
            return [f"{var} = _list({var}, {item})"]
        if origin is dict and args and args[0] is str:
            item = self.helper_for(args[1], where + "/additionalProperties")
            return [f"{var} = _map({var}, {item})"]
        if isinstance(tp, type) and attrs.has(tp):
            return [f"{var} = decode_{tp.__name__}({var})"]
        raise Unsupported(f"{where}: the decoders cannot express the type {tp!r}")

    def constant(self, prefix: str, literal: str) -> str:
        for name, value in self.constants.items():
            if value == literal and name.startswith(prefix):
                return name
        name = self.fresh(prefix)
        self.constants[name] = literal
        return name

    def enum(self, tp: type[enum.Enum], *, open_: bool) -> str:
        name = f"_{'open' if open_ else 'closed'}_{tp.__name__}"
        if name not in self.helpers:
            members = self.constant("_MEMBERS", f"{{m.value: m for m in models.{tp.__name__}}}")
            known = ", ".join(sorted(str(member.value) for member in tp))
            function = _Function(name=name, cls="Any")
            function.lines = [
                f"    member = {members}.get(value) if type(value) is str else None",
                "    if member is not None:",
                "        return member",
            ]
            if open_:
                function.lines += [
                    "    if type(value) is str:",
                    "        return value  # a value newer than the spec, kept as it came",
                ]
            function.lines.append(f"    raise _not_one_of({('one of ' + known)!r}, value)")
            self.helpers[name] = function
        return name

    def union(self, arms: tuple[Any, ...], where: str) -> str:
        decoders = [self.helper_for(arm, where + f"/anyOf/{n}") for n, arm in enumerate(arms)]
        name = self.fresh("_union")
        shown = " or ".join(getattr(arm, "__name__", str(arm)) for arm in arms)
        function = _Function(name=name, cls="Any")
        function.lines = [
            f"    for decode in ({', '.join(decoders)},):",
            "        try:",
            "            return decode(value)",
            "        except _Failure:",
            "            pass",
            f"    raise _wrong({shown!r}, value)",
        ]
        self.helpers[name] = function
        return name

    def helper_for(self, tp: Any, where: str) -> str:
        """A function decoding one value of ``tp`` (a model's decoder, or a small helper)."""
        if attrs.has(tp):
            return f"decode_{tp.__name__}"
        key = f"_value_{_slug(tp)}"
        if key not in self.helpers:
            function = _Function(name=key, cls="Any")
            self.helpers[key] = function
            body = self.statements("value", tp, where)
            function.lines = [*("    " + line for line in body), "    return value"]
        return key

    # -- one model -------------------------------------------------------------------------------

    def model(self, cls: type[Any]) -> _Function:
        schema_path = f"#/components/schemas/{cls.__name__}"
        schema = self.schemas.get(cls.__name__, {})
        keys = {_python_name(key): key for key in schema.get("properties", {})}
        hints = typing.get_type_hints(cls, vars(self.models))
        function = _Function(name=f"decode_{cls.__name__}", cls=f"models.{cls.__name__}")
        shared = all(_is_finite(hints[a.name]) for a in attrs.fields(cls))
        memo = f"_SHARED_{cls.__name__}"
        lines = []
        fields = attrs.fields(cls)
        single = len(fields) == 1
        if shared:
            # Every field has a finite set of values (booleans, consts, enums): equal inputs
            # share one frozen instance, at most _SHARED_MAX of them. It is found by the one
            # field's value when the input holds only that field, else by the input's items. The
            # exact types are checked first, so that 1 never finds the instance of True.
            self.memos[memo] = f"models.{cls.__name__}"
            if single:
                key = keys.get(fields[0].name, fields[0].name)
                exact = _exact_type("found", hints[fields[0].name])
                lines += [
                    "    if type(value) is dict and len(value) == 1:",
                    f"        found = value.get({key!r})",
                    f"        found = {memo}.get(found) if {exact} else None",
                    "        if found is not None:",
                    "            return found",
                ]
            else:
                exact = " and ".join(
                    _exact_type(f"value.get({keys.get(a.name, a.name)!r})", hints[a.name])
                    for a in fields
                )
                lines += [
                    f"    if type(value) is dict and {exact}:",
                    "        try:",
                    f"            return {memo}[tuple(value.items())]",
                    "        except (KeyError, TypeError):",
                    "            pass",
                ]
        lines += ["    if type(value) is not dict:", "        raise _wrong('an object', value)"]
        arguments = []
        for number, attribute in enumerate(attrs.fields(cls)):
            key = keys.get(attribute.name, attribute.name)
            var = f"a{number}"
            where = f"{schema_path}/properties/{key}"
            if attribute.default is attrs.NOTHING:
                missing = f"missing required field {key!r}"
                lines += [
                    "    try:",
                    f"        {var} = value[{key!r}]",
                    "    except KeyError:",
                    f"        raise _Failure({missing!r}) from None",
                ]
            elif attribute.default is None:
                lines.append(f"    {var} = value.get({key!r})")
            elif isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
                raise Unsupported(f"{where}: a default built by a factory is not supported")
            else:
                default = self.constant(
                    "_DEFAULT", f"attrs.fields(models.{cls.__name__}).{attribute.name}.default"
                )
                lines.append(f"    {var} = value.get({key!r}, {default})")
            checks = self.statements(var, hints[attribute.name], where)
            if checks:
                lines += [
                    "    try:",
                    *("        " + line for line in checks),
                    "    except _Failure as failure:",
                    f"        raise failure.at({('.' + key)!r}) from None",
                ]
            arguments.append(f"{attribute.name}={var}")
        built = f"models.{cls.__name__}({', '.join(arguments)})"
        if shared and single:
            lines += [
                f"    result = {built}",
                f"    if len(value) == 1 and len({memo}) < _SHARED_MAX:",
                f"        {memo}[a0] = result",
                "    return result",
            ]
        elif shared:
            lines += [
                f"    result = {built}",
                f"    if len({memo}) < _SHARED_MAX:",
                "        with contextlib.suppress(TypeError):",
                f"            {memo}[tuple(value.items())] = result",
                "    return result",
            ]
        else:
            lines.append(f"    return {built}")
        function.lines = lines
        return function


def _exact_type(expr: str, tp: Any) -> str:
    """A condition true when ``expr`` has exactly a type ``tp`` allows (for the shared instances)."""
    kinds: set[str] = set()
    for arg in typing.get_args(tp) if typing.get_origin(tp) is Union else (tp,):
        if arg is _NONE:
            kinds.add("type(None)")
        elif typing.get_origin(arg) is typing.Literal:
            kinds.update(type(value).__name__ for value in typing.get_args(arg))
        else:  # bool, or an enum (whose values are strings)
            kinds.add("bool" if arg is bool else "str")
    ordered = sorted(kinds)
    if len(ordered) == 1:
        return f"type({expr}) is {ordered[0]}"
    return f"type({expr}) in ({', '.join(ordered)})"


def _is_finite(tp: Any) -> bool:
    """Whether a type has a small finite set of values: bool, a Literal, an enum, or Optional."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) is Union:
        return all(arg is _NONE or _is_finite(arg) for arg in args) and not (
            len(args) == 2 and str in args
        )
    return (
        tp is bool
        or typing.get_origin(tp) is typing.Literal
        or (_is_enum(tp) and typing.get_origin(tp) is None)
    )


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _python_name(key: str) -> str:
    return key.replace("-", "_").replace(".", "_").replace("[]", "")


def _slug(tp: Any) -> str:
    text = repr(tp)
    for old in ("typing.", "datetime.", "anthropic_models_generated.models.", "<class '", "'>"):
        text = text.replace(old, "")
    return "".join(char if char.isalnum() else "_" for char in text).strip("_")


def render_decoders(spec: dict[str, Any], models_path: Path) -> str:
    """The decoders module's source (without the DO NOT EDIT header)."""
    module = load_models(models_path)
    writer = _Writer(models=module, schemas=spec.get("components", {}).get("schemas", {}))
    classes = [
        obj
        for obj in vars(module).values()
        if isinstance(obj, type) and attrs.has(obj) and obj.__module__ == module.__name__
    ]
    functions = [writer.model(cls) for cls in classes]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True, autoescape=False
    )
    return environment.get_template("decoders.py.jinja2").render(
        functions=functions,
        helpers=list(writer.helpers.values()),
        constants=writer.constants,
        memos=writer.memos,
        classes=[cls.__name__ for cls in classes],
    )
