"""What the codec cannot see of a model against openapi.yaml: nulls, minimums, date-time syntax."""

from __future__ import annotations

from typing import Any, Callable, Mapping

from anthropic_models_generated.rfc3339 import parse_datetime
from anthropic_models_generated.spec import SPEC

__all__ = ["SchemaProblem", "check_model"]

_SCHEMAS: Mapping[str, Any] = SPEC["components"]["schemas"]


class SchemaProblem(Exception):
    """A value the spec refuses, on its way up, collecting the path to it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.parts: list[str] = []

    def path(self) -> str:
        """The JSON path of the refused value, from ``$``."""
        return "$" + "".join(reversed(self.parts))


def _resolve_ref(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        schema = _SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _is_null_schema(schema: Mapping[str, Any]) -> bool:
    return _resolve_ref(schema).get("type") == "null"


def _allows_null(schema: Mapping[str, Any]) -> bool:
    types = schema.get("type")
    if types == "null" or (isinstance(types, list) and "null" in types):
        return True
    return any(_is_null_schema(branch) for branch in schema.get("anyOf", ()))


_Check = Callable[[Any], None]
_CHECKS: dict[int, _Check] = {}


def _compile_check(schema: Mapping[str, Any]) -> _Check:
    """A check built once per schema of the spec (recursive schemas share their check)."""
    schema = _resolve_ref(schema)
    if id(schema) in _CHECKS:
        return _CHECKS[id(schema)]
    holder: list[_Check] = []
    _CHECKS[id(schema)] = lambda value: holder[0](value)
    nullable = _allows_null(schema)
    branches = [_compile_check(b) for b in schema.get("anyOf", ()) if not _is_null_schema(b)]
    properties = {key: _compile_check(sub) for key, sub in schema.get("properties", {}).items()}
    extra_schema = schema.get("additionalProperties")
    extra = _compile_check(extra_schema) if isinstance(extra_schema, dict) else None
    minimum = schema.get("minimum")
    enum = tuple(schema.get("enum", ()))
    date_time = schema.get("format") == "date-time"

    def check(value: Any) -> None:
        if value is None:
            if nullable:
                return
            raise SchemaProblem("null is not allowed here")
        for branch in branches:
            branch(value)
        if type(value) is dict and (properties or extra):
            for key, item in value.items():
                sub = properties.get(key, extra)
                if sub is not None:
                    try:
                        sub(item)
                    except SchemaProblem as problem:
                        problem.parts.append(f".{key}")
                        raise
        if enum and value not in enum:
            shown = value if len(repr(value)) <= 64 else str(value)[:64] + "..."
            raise SchemaProblem(f"expected one of {', '.join(enum)}, got {shown!r}")
        if minimum is not None and type(value) in (int, float) and value < minimum:
            raise SchemaProblem(f"expected at least {minimum}, got {value}")
        if date_time and type(value) is str:
            try:
                parse_datetime(value)
            except ValueError as exc:
                raise SchemaProblem(str(exc)) from None

    holder.append(check)
    _CHECKS[id(schema)] = check
    return check


_MODEL_CHECK = _compile_check(_SCHEMAS["ModelInfo"])


def check_model(data: Any) -> None:
    """Raise :class:`SchemaProblem` where a decoded model breaks what the codec does not check.

    The codec checks types and required fields; this adds a null where the spec allows none (the
    codec reads an explicit null as an absent field), ``enum`` (the lenient codec keeps a value
    newer than the spec, which a server must not serve), ``minimum``, and strict date-time syntax.

    >>> check_model({"id": "m", "max_tokens": -1})
    Traceback (most recent call last):
    anthropic_models.server.schema_check.SchemaProblem: expected at least 0, got -1
    """
    _MODEL_CHECK(data)
