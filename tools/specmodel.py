"""One model of openapi.yaml for every generator: parsed once, resolved, validated.

:func:`load` reads the document and returns a :class:`Spec`: its operations (parameters with their
location, type, bounds, default, enum and pattern, ``$ref`` resolved; responses with their status,
body schema, error type and example), and its component schemas (fields with their JSON name and
Python name, required, nullable, type). Everything a generator renders comes from this model, so
that a fact of the spec has one reading.

Validation happens here, before anything is written: every ``$ref`` must resolve, every JSON name
must map to a usable Python name (:func:`python_name`, the one mapping), and a construct the
generators cannot express stops the load. Each problem is one :class:`SpecError` line,
``openapi.yaml: <location>: <what>``. Doubtful but expressible things (an array whose ``maxItems``
is below the size of its enum) are kept in :attr:`Spec.warnings` for the generator to print.
"""

from __future__ import annotations

import hashlib
import keyword
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Union, cast

import yaml

__all__ = [
    "Field",
    "Operation",
    "Parameter",
    "Response",
    "Schema",
    "Spec",
    "SpecError",
    "TypeRef",
    "load",
    "parse",
    "python_name",
]

_SCALARS = ("string", "integer", "number", "boolean")
_LOCATIONS = ("path", "query", "header")
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_FORMATS = (None, "date-time", "date")
_JSON_KIND = {"map": "object", "union": "anyOf"}  # a TypeRef kind as the spec writes it
# Names a generated attrs class cannot take as an attribute (its __init__ has a `self`).
_RESERVED = frozenset({"self"})


class SpecError(Exception):
    """A spec the generators cannot use; the message is one line naming the file and location."""


def python_name(json_name: str) -> str:
    """The Python name of a JSON property or parameter name: THE one mapping of the generators.

    A trailing ``[]`` goes, every character that cannot be in a name becomes ``_``, a keyword
    gains a trailing ``_``, a leading digit gains ``n`` (a leading ``_`` would make an attrs
    attribute private). An ``x-python-name`` extension, where given, is used instead (the model
    applies it; this function is the default).

    >>> [python_name(n) for n in ("lifecycle[]", "anthropic-workspace-id", "class", "family-name")]
    ['lifecycle', 'anthropic_workspace_id', 'class_', 'family_name']
    """
    name = json_name[:-2] if json_name.endswith("[]") else json_name
    name = re.sub(r"[^0-9A-Za-z_]", "_", name).lstrip("_")
    if not name:
        raise SpecError(f"the name {json_name!r} has no Python name; give it an x-python-name")
    if name[0].isdigit():
        name = "n" + name
    if keyword.iskeyword(name) or name in _RESERVED:
        name += "_"
    return name


def _check_identifier(name: str, where: str) -> str:
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
        raise SpecError(f"{where}: x-python-name {name!r} is not a usable Python name")
    return name


@dataclass(frozen=True)
class TypeRef:
    """The type of a field (or of an item of an array, a value of a map, an arm of a union).

    ``kind`` is one of ``string``, ``integer``, ``number``, ``boolean``, ``null``, ``const``,
    ``enum``, ``object`` (a component schema, named by ``ref``), ``array`` (of ``items``), ``map``
    (string keys, values ``items``), ``union`` (of ``arms``, none of them null) or ``any``.
    ``nullable`` says whether null is allowed besides it.
    """

    kind: str
    nullable: bool = False
    ref: str | None = None
    format: str | None = None
    items: TypeRef | None = None
    arms: tuple[TypeRef, ...] = ()
    enum: tuple[Any, ...] | None = None
    const: Any = None
    minimum: float | None = None
    maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    min_items: int | None = None
    max_items: int | None = None

    def walk(self) -> Iterator[TypeRef]:
        """This type and every type inside it, depth first."""
        yield self
        if self.items is not None:
            yield from self.items.walk()
        for arm in self.arms:
            yield from arm.walk()

    def refs(self) -> Iterator[str]:
        """The component schemas this type names, depth first."""
        if self.ref is not None:
            yield self.ref
        if self.items is not None:
            yield from self.items.refs()
        for arm in self.arms:
            yield from arm.refs()


@dataclass(frozen=True)
class Field:
    """One property of an object schema."""

    json_name: str
    python_name: str
    required: bool
    nullable: bool
    description: str | None
    type: TypeRef
    has_default: bool = False
    default: Any = None
    where: str = ""
    extensions: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Schema:
    """One component schema: an object (``fields``) or a string enum (``enum``)."""

    name: str
    description: str | None
    kind: Literal["object", "enum"]
    fields: tuple[Field, ...] = ()
    enum: tuple[str, ...] = ()
    additional_properties: bool = True
    where: str = ""
    extensions: Mapping[str, Any] = field(default_factory=dict)

    def by_json_name(self, json_name: str) -> Field:
        """The field of this JSON name (KeyError if none)."""
        for candidate in self.fields:
            if candidate.json_name == json_name:
                return candidate
        raise KeyError(json_name)


_ParameterKind = Literal["string", "integer", "number", "boolean", "array"]


@dataclass(frozen=True)
class Parameter:
    """One parameter of an operation, ``$ref`` resolved."""

    name: str
    python_name: str
    location: Literal["path", "query", "header"]
    required: bool
    description: str | None
    kind: _ParameterKind
    item_kind: str | None
    default: Any
    minimum: float | None
    maximum: float | None
    min_length: int | None
    max_length: int | None
    pattern: str | None
    min_items: int | None
    max_items: int | None
    enum: tuple[str, ...] | None
    enum_schema: str | None
    style: str | None
    explode: bool | None
    extensions: Mapping[str, Any]
    where: str


@dataclass(frozen=True)
class Response:
    """One response of an operation."""

    status: Union[int, Literal["default"]]
    description: str | None
    schema: str | None
    error_type: str | None
    example: Any
    headers: tuple[str, ...]
    where: str = ""


@dataclass(frozen=True)
class Operation:
    """One operation (a method on a path)."""

    operation_id: str
    method: str
    path: str
    summary: str | None
    description: str | None
    parameters: tuple[Parameter, ...]
    responses: tuple[Response, ...]
    extensions: Mapping[str, Any]
    where: str = ""

    @property
    def success(self) -> Response:
        """The 2xx response (the first, if several)."""
        for response in self.responses:
            if isinstance(response.status, int) and 200 <= response.status < 300:
                return response
        raise SpecError(f"openapi.yaml: {self.where}: no 2xx response")

    @property
    def error_statuses(self) -> tuple[int, ...]:
        """The statuses of 4xx and 5xx responses, ascending."""
        return tuple(
            r.status for r in self.responses if isinstance(r.status, int) and r.status >= 400
        )


@dataclass(frozen=True)
class Spec:
    """The whole document, modelled."""

    title: str
    version: str
    description: str | None
    operations: tuple[Operation, ...]
    schemas: Mapping[str, Schema]
    document: Mapping[str, Any]
    sha256: str
    warnings: tuple[str, ...] = ()

    def operation(self, operation_id: str) -> Operation:
        """The operation of this id (KeyError if none)."""
        for candidate in self.operations:
            if candidate.operation_id == operation_id:
                return candidate
        raise KeyError(operation_id)

    def error_types(self) -> dict[int, str]:
        """The ``error.type`` of each error status, over every operation, ascending by status."""
        found: dict[int, tuple[str, str]] = {}
        for operation in self.operations:
            for response in operation.responses:
                if not isinstance(response.status, int) or response.error_type is None:
                    continue
                known = found.setdefault(response.status, (response.error_type, response.where))
                if known[0] != response.error_type:
                    raise SpecError(
                        f"openapi.yaml: {response.where}: error type {response.error_type!r} "
                        f"disagrees with {known[0]!r} at {known[1]}"
                    )
        return {status: found[status][0] for status in sorted(found)}


# -- reading ---------------------------------------------------------------------------------------


def load(path: Path) -> Spec:
    """Read, resolve and validate an OpenAPI document; SpecError (one line) if it cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SpecError(f"{path.name}: cannot be read: {exc.strerror}") from None
    return parse(raw, path.name)


def parse(raw: bytes, filename: str = "openapi.yaml") -> Spec:
    """:func:`load` from the document's bytes."""
    try:
        document = yaml.safe_load(raw)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        what = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        raise SpecError(f"{filename}: {where}: invalid YAML: {what}") from None
    except yaml.YAMLError as exc:
        raise SpecError(f"{filename}: invalid YAML: {' '.join(str(exc).split())}") from None
    if not isinstance(document, dict):
        raise SpecError(f"{filename}: the document is not a mapping")
    try:
        return _Reader(document, filename).spec(hashlib.sha256(raw).hexdigest())
    except SpecError as exc:
        message = str(exc)
        if not message.startswith(f"{filename}: "):
            raise SpecError(f"{filename}: {message}") from None
        raise


def _loc(where: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def _extensions(node: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if str(key).startswith("x-")}


class _Reader:
    """Walks the document once; every problem is a SpecError naming its location."""

    def __init__(self, document: dict[str, Any], filename: str) -> None:
        self.document = document
        self.filename = filename
        self.warnings: list[str] = []

    # -- helpers -----------------------------------------------------------------------------

    def fail(self, where: str, what: str) -> SpecError:
        return SpecError(f"{self.filename}: {where}: {what}")

    def mapping(self, node: Any, where: str) -> dict[str, Any]:
        if not isinstance(node, dict):
            raise self.fail(where, "expected a mapping")
        return node

    def target(self, ref: Any, where: str) -> tuple[Any, str]:
        """The node a ``$ref`` points to, and its location; SpecError if it points to nothing."""
        if not isinstance(ref, str) or not ref.startswith("#/"):
            raise self.fail(where, f"only local $refs (#/...) are supported, not {ref!r}")
        node: Any = self.document
        parts = [p.replace("~1", "/").replace("~0", "~") for p in ref[2:].split("/")]
        for part in parts:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                raise self.fail(where, f"$ref {ref!r} resolves to nothing")
        return node, ".".join(parts)

    def resolve(self, node: Any, where: str) -> tuple[dict[str, Any], str]:
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise self.fail(where, f"$ref {ref!r} refers to itself")
            seen.add(ref)
            node, where = self.target(ref, _loc(where, "$ref"))
        return self.mapping(node, where), where

    def check_refs(self, node: Any, where: str) -> None:
        """Every ``$ref`` in the document resolves (also those no generator reads)."""
        if isinstance(node, dict):
            if "$ref" in node:
                self.target(node["$ref"], _loc(where, "$ref"))
            for key, value in node.items():
                if key not in ("example", "examples", "default", "const", "enum"):
                    self.check_refs(value, _loc(where, str(key)))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                self.check_refs(value, _loc(where, index))

    # -- the document ------------------------------------------------------------------------

    def spec(self, sha256: str) -> Spec:
        self.check_refs(self.document, "")
        info = self.mapping(self.document.get("info"), "info")
        components = self.mapping(self.document.get("components", {}), "components")
        raw_schemas = self.mapping(components.get("schemas", {}), "components.schemas")
        schemas = {
            name: self.schema(name, node, f"components.schemas.{name}")
            for name, node in raw_schemas.items()
        }
        self.schemas = schemas
        for schema in schemas.values():
            for item in schema.fields:
                for ref in item.type.refs():
                    if ref not in schemas:  # pragma: no cover - refs are checked above
                        raise self.fail(item.where, f"no schema {ref!r}")
        operations = tuple(self.operations())
        ids = [operation.operation_id for operation in operations]
        for operation in operations:
            if ids.count(operation.operation_id) > 1:
                raise self.fail(operation.where, f"operationId {operation.operation_id!r} twice")
        return Spec(
            title=str(info.get("title", "")),
            version=str(info.get("version", "")),
            description=info.get("description"),
            operations=operations,
            schemas=schemas,
            document=self.document,
            sha256=sha256,
            warnings=tuple(self.warnings),
        )

    # -- schemas -----------------------------------------------------------------------------

    def schema(self, name: str, node: Any, where: str) -> Schema:
        node = self.mapping(node, where)
        if not name.isidentifier() or keyword.iskeyword(name):
            raise self.fail(where, f"the schema name {name!r} is not a Python class name")
        description = node.get("description")
        if "enum" in node:
            values = node["enum"]
            if node.get("type") != "string" or not all(isinstance(v, str) for v in values):
                raise self.fail(where, "only string enums are supported as component schemas")
            return Schema(
                name, description, "enum", enum=tuple(values), where=where,
                extensions=_extensions(node),
            )  # fmt: skip
        if node.get("type") != "object" or "properties" not in node:
            raise self.fail(
                where, "a component schema must be an object with properties or a string enum"
            )
        for construct in ("allOf", "oneOf", "anyOf", "not", "patternProperties"):
            if construct in node:
                raise self.fail(
                    _loc(where, construct), f"{construct} on an object is not supported"
                )
        required = node.get("required", [])
        properties = self.mapping(node["properties"], _loc(where, "properties"))
        for name_ in required:
            if name_ not in properties:
                raise self.fail(
                    _loc(where, "required"), f"{name_!r} is required but not a property"
                )
        fields = []
        by_python: dict[str, str] = {}
        for json_name, prop in properties.items():
            at = _loc(_loc(where, "properties"), json_name)
            prop = self.mapping(prop, at)
            given = prop.get("x-python-name")
            py = _check_identifier(given, at) if given is not None else self.name_of(json_name, at)
            if py in by_python:
                raise self.fail(at, f"its Python name {py!r} is also that of {by_python[py]!r}")
            by_python[py] = json_name
            tp = self.type(prop, at)
            if any(part.kind == "enum" and part.ref is None for part in tp.walk()):
                raise self.fail(
                    at, "an inline enum is not supported: name it in components.schemas"
                )
            fields.append(
                Field(
                    json_name=json_name,
                    python_name=py,
                    required=json_name in required,
                    nullable=tp.nullable,
                    description=prop.get("description"),
                    type=tp,
                    has_default="default" in prop,
                    default=prop.get("default"),
                    where=at,
                    extensions=_extensions(prop),
                )
            )
        extra = node.get("additionalProperties", True)
        return Schema(
            name, description, "object", fields=tuple(fields),
            additional_properties=extra is not False, where=where, extensions=_extensions(node),
        )  # fmt: skip

    def name_of(self, json_name: str, where: str) -> str:
        try:
            return python_name(json_name)
        except SpecError as exc:
            raise self.fail(where, str(exc)) from None

    def type(self, node: dict[str, Any], where: str) -> TypeRef:
        """The type a (property) schema describes."""
        if "$ref" in node:
            ref = node["$ref"]
            prefix = "#/components/schemas/"
            if not str(ref).startswith(prefix) or "/" in ref[len(prefix) :]:
                raise self.fail(_loc(where, "$ref"), f"$ref {ref!r} is not a component schema")
            name = ref[len(prefix) :]
            target, _ = self.target(ref, _loc(where, "$ref"))
            if isinstance(target, dict) and "enum" in target:
                return TypeRef("enum", ref=name, enum=tuple(target["enum"]))
            return TypeRef("object", ref=name)
        for construct in ("allOf", "not", "if", "patternProperties", "prefixItems"):
            if construct in node:
                raise self.fail(_loc(where, construct), f"{construct} is not supported")
        for union in ("anyOf", "oneOf"):
            if union in node:
                arms = []
                for index, arm in enumerate(node[union]):
                    arms.append(
                        self.type(
                            self.mapping(arm, _loc(where, index)), _loc(_loc(where, union), index)
                        )
                    )
                nullable = any(arm.kind == "null" for arm in arms)
                rest = tuple(arm for arm in arms if arm.kind != "null")
                if not rest:
                    return TypeRef("null")
                if len(rest) == 1:
                    return _with(rest[0], nullable=nullable or rest[0].nullable)
                return TypeRef("union", nullable=nullable, arms=rest)
        declared = node.get("type")
        kinds = list(declared) if isinstance(declared, list) else [declared]
        nullable = "null" in kinds and len(kinds) > 1
        kinds = [kind for kind in kinds if kind != "null"] or ["null"]
        if len(kinds) > 1:
            raise self.fail(_loc(where, "type"), f"several types {kinds} are not supported")
        kind = kinds[0]
        bounds: dict[str, Any] = {
            "minimum": node.get("minimum"),
            "maximum": node.get("maximum"),
            "min_length": node.get("minLength"),
            "max_length": node.get("maxLength"),
            "pattern": node.get("pattern"),
            "min_items": node.get("minItems"),
            "max_items": node.get("maxItems"),
        }
        if "const" in node:
            return TypeRef("const", nullable=nullable, const=node["const"])
        if "enum" in node:
            values = tuple(value for value in node["enum"] if value is not None)
            if not all(isinstance(value, str) for value in values):
                raise self.fail(_loc(where, "enum"), "only string enums are supported")
            return TypeRef("enum", nullable=nullable or None in node["enum"], enum=values)
        if kind is None:
            if "items" in node:
                kind = "array"
            elif "properties" in node or "additionalProperties" in node:
                kind = "object"
            else:
                return TypeRef("any")
        if kind == "string":
            fmt = node.get("format")
            if fmt not in _FORMATS:
                raise self.fail(
                    _loc(where, "format"), f"strings of format {fmt!r} are not supported"
                )
            return TypeRef("string", nullable=nullable, format=fmt, **bounds)
        if kind in ("integer", "number", "boolean", "null"):
            return TypeRef(kind, nullable=nullable, **bounds)
        if kind == "array":
            items = node.get("items")
            if items is None:
                return TypeRef("array", nullable=nullable, items=TypeRef("any"), **bounds)
            item = self.type(self.mapping(items, _loc(where, "items")), _loc(where, "items"))
            self.warn_items(item, bounds["max_items"], where)
            return TypeRef("array", nullable=nullable, items=item, **bounds)
        if kind == "object":
            if node.get("properties"):
                raise self.fail(
                    where,
                    "an inline object with properties is not supported: name it in components.schemas",
                )
            extra = node.get("additionalProperties", True)
            if extra is True or extra == {}:
                value = TypeRef("any")
            elif isinstance(extra, dict):
                value = self.type(extra, _loc(where, "additionalProperties"))
            else:
                raise self.fail(
                    where, "an object without properties or additionalProperties is not supported"
                )
            return TypeRef("map", nullable=nullable, items=value)
        raise self.fail(_loc(where, "type"), f"the type {kind!r} is not supported")

    def warn_items(self, item: TypeRef, max_items: int | None, where: str) -> None:
        if item.enum is not None and max_items is not None and max_items < len(item.enum):
            self.warnings.append(
                f"{self.filename}: {where}: maxItems {max_items} is below the {len(item.enum)} "
                "values of its enum (a request cannot name them all)"
            )

    # -- operations --------------------------------------------------------------------------

    def operations(self) -> Iterator[Operation]:
        paths = self.mapping(self.document.get("paths", {}), "paths")
        for path, item in paths.items():
            at_path = _loc("paths", path)
            item, at_path = self.resolve(item, at_path)
            shared = item.get("parameters", [])
            for method, node in item.items():
                if method not in _METHODS:
                    continue
                where = _loc(at_path, method)
                node = self.mapping(node, where)
                operation_id = node.get("operationId")
                if not isinstance(operation_id, str) or not operation_id.isidentifier():
                    raise self.fail(where, f"operationId {operation_id!r} is not a Python name")
                parameters = self.parameters([*shared, *node.get("parameters", [])], where)
                responses = self.responses(
                    self.mapping(node.get("responses", {}), _loc(where, "responses")), where
                )
                yield Operation(
                    operation_id=operation_id,
                    method=method.upper(),
                    path=path,
                    summary=node.get("summary"),
                    description=node.get("description"),
                    parameters=parameters,
                    responses=responses,
                    extensions=_extensions(node),
                    where=where,
                )

    def parameters(self, nodes: list[Any], where: str) -> tuple[Parameter, ...]:
        found: dict[tuple[str, str], Parameter] = {}
        names: dict[str, str] = {}
        for index, raw in enumerate(nodes):
            node, at = self.resolve(raw, _loc(_loc(where, "parameters"), index))
            parameter = self.parameter(node, at)
            key = (parameter.location, parameter.name)
            if parameter.python_name in names and key not in found:
                raise self.fail(
                    at,
                    f"parameter {parameter.name!r}: its Python name {parameter.python_name!r} is also that of {names[parameter.python_name]!r}",
                )
            names[parameter.python_name] = parameter.name
            found[key] = parameter  # an operation's parameter overrides the path's
        return tuple(found.values())

    def parameter(self, node: dict[str, Any], where: str) -> Parameter:
        name = node.get("name")
        if not isinstance(name, str) or not name:
            raise self.fail(where, "a parameter needs a name")
        location = node.get("in")
        if location not in _LOCATIONS:
            raise self.fail(_loc(where, "in"), f"parameters in {location!r} are not supported")
        if "content" in node or "schema" not in node:
            raise self.fail(
                where, f"parameter {name!r}: only parameters with a schema are supported"
            )
        schema, at_schema = self.resolve(node["schema"], _loc(where, "schema"))
        tp = self.type(schema, at_schema)
        if tp.kind == "enum" or (tp.kind == "const" and isinstance(tp.const, str)):
            kind = "string"
        else:
            kind = tp.kind
        item_kind = None
        enum = tp.enum
        enum_schema = tp.ref if tp.kind == "enum" else None
        if kind == "array":
            assert tp.items is not None
            if location != "query":
                raise self.fail(
                    where, f"parameter {name!r}: arrays are supported in the query only"
                )
            style, explode = node.get("style", "form"), node.get("explode", True)
            if style != "form" or explode is not True:
                raise self.fail(
                    where,
                    f"parameter {name!r}: only query arrays in style form, explode, are supported",
                )
            item_kind = "string" if tp.items.kind == "enum" else tp.items.kind
            if item_kind not in _SCALARS:
                raise self.fail(
                    where,
                    f"parameter {name!r}: array items of type {_JSON_KIND.get(tp.items.kind, tp.items.kind)!r} are not supported",
                )
            enum = tp.items.enum
            enum_schema = tp.items.ref if tp.items.kind == "enum" else None
        elif kind not in _SCALARS:
            raise self.fail(
                where,
                f"parameter {name!r}: parameters of type {_JSON_KIND.get(kind, kind)!r} are not supported",
            )
        given = node.get("x-python-name")
        py = _check_identifier(given, where) if given is not None else self.name_of(name, where)
        if location == "path" and node.get("required") is not True:
            raise self.fail(where, f"path parameter {name!r} must be required")
        return Parameter(
            name=name,
            python_name=py,
            location=location,
            required=bool(node.get("required", False)),
            description=node.get("description"),
            kind=cast(_ParameterKind, kind),
            item_kind=item_kind,
            default=schema.get("default"),
            minimum=tp.minimum,
            maximum=tp.maximum,
            min_length=tp.min_length,
            max_length=tp.max_length,
            pattern=tp.pattern,
            min_items=tp.min_items,
            max_items=tp.max_items,
            enum=tuple(enum) if enum is not None else None,
            enum_schema=enum_schema,
            style=node.get("style"),
            explode=node.get("explode"),
            extensions=_extensions(node),
            where=where,
        )

    def responses(self, nodes: dict[str, Any], where: str) -> tuple[Response, ...]:
        out = []
        for key, raw in nodes.items():
            at = _loc(_loc(where, "responses"), str(key))
            if str(key) == "default":
                status: Union[int, Literal["default"]] = "default"
            elif str(key).isdigit() and 100 <= int(key) <= 599:
                status = int(key)
            else:
                raise self.fail(at, f"the status {key!r} is not supported (a number or default)")
            node, at = self.resolve(raw, at)
            schema_name = None
            example = None
            content = self.mapping(node.get("content", {}), _loc(at, "content"))
            if content:
                media = content.get("application/json")
                if media is None:
                    raise self.fail(
                        _loc(at, "content"), "only application/json bodies are supported"
                    )
                media = self.mapping(media, _loc(_loc(at, "content"), "application/json"))
                body = media.get("schema")
                if body is not None:
                    tp = self.type(self.mapping(body, at), _loc(at, "schema"))
                    if tp.kind != "object":
                        raise self.fail(
                            at, "a response body must be a component object schema ($ref)"
                        )
                    schema_name = tp.ref
                example = media.get("example")
                if example is None and isinstance(media.get("examples"), dict):
                    first = next(iter(media["examples"].values()), None)
                    if isinstance(first, dict):
                        example = first.get("value")
            error = example.get("error") if isinstance(example, dict) else None
            error_type = error.get("type") if isinstance(error, dict) else None
            headers = tuple(self.mapping(node.get("headers", {}), _loc(at, "headers")))
            out.append(
                Response(
                    status=status,
                    description=node.get("description"),
                    schema=schema_name,
                    error_type=error_type if isinstance(error_type, str) else None,
                    example=example,
                    headers=headers,
                    where=at,
                )
            )
        out.sort(key=lambda response: (response.status == "default", str(response.status)))
        return tuple(out)


def _with(tp: TypeRef, **changes: Any) -> TypeRef:
    values = {name: getattr(tp, name) for name in TypeRef.__dataclass_fields__}
    values.update(changes)
    return TypeRef(**values)
