"""The codec's decoder before the decoders were generated: the differential test's oracle.

Kept in the tests only (the package no longer has it): its checked, introspecting converters say
what every document should decode to, so that the generated decoders can be compared with them
while the two exist side by side.
"""

from __future__ import annotations

import json
import re
import sys
import typing
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any, Callable, Literal, Optional, Union

import attrs

_Converter = Callable[[Any], Any]

_RFC3339 = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?"
    r"(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))\Z"
)
# RFC 3339 section 5.6 as JSON Schema reads it: ASCII digits, "T" (either case), no space.
# "2025-09-29T00:00:00Z", ASCII digits, hour 00-23: what datetime.fromisoformat reads the same
# way on every supported Python (3.9 reads no "Z", so it is given "+00:00").
_UTC_SECONDS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-9]{2}:[0-9]{2}Z\Z")
_fromisoformat = datetime.fromisoformat
_NONE_TYPE = type(None)


class _Failure(Exception):
    """A decoding failure on its way up, collecting the path to the bad value."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.parts: list[str] = []

    def at(self, part: str) -> _Failure:
        self.parts.append(part)
        return self

    def path(self) -> str:
        return "$" + "".join(reversed(self.parts))


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def parse_datetime(text: str) -> datetime:
    """Parse an RFC 3339 date-time (an offset is required; ``Z`` means UTC).

    >>> parse_datetime("2025-09-29T00:00:00Z").isoformat()
    '2025-09-29T00:00:00+00:00'
    """
    if _UTC_SECONDS.match(text):
        # The usual form, in C; an impossible date falls through to the message below.
        try:
            return _fromisoformat(text[:19] + "+00:00")
        except ValueError:
            pass
    match = _RFC3339.match(text)
    if match is None:
        raise ValueError(f"not an RFC 3339 date-time: {text[:64]!r}")
    year, month, day, hour, minute, second, fraction, zulu, sign, off_h, off_m = match.groups()
    if zulu:
        tz = timezone.utc
    else:
        if int(off_h) >= 24 or int(off_m) >= 60:
            raise ValueError(f"offset out of range: {text[:64]!r}")
        offset = timedelta(hours=int(off_h), minutes=int(off_m))
        tz = timezone(-offset if sign == "-" else offset)
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    return datetime(
        int(year), int(month), int(day), int(hour), int(minute), int(second), micro, tzinfo=tz
    )


def _scalar(kind: type) -> _Converter:
    wanted = {bool: "a boolean", str: "a string"}[kind]

    def convert(value: Any) -> Any:
        if type(value) is kind:
            return value
        raise _Failure(f"expected {wanted}, got {_describe(value)}")

    return convert


def _integer(value: Any) -> int:
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    raise _Failure(f"expected an integer, got {_describe(value)}")


def _datetime(value: Any) -> datetime:
    if type(value) is not str:
        raise _Failure(f"expected an RFC 3339 date-time string, got {_describe(value)}")
    try:
        return parse_datetime(value)
    except ValueError as exc:
        raise _Failure(str(exc)) from None


def _any(value: Any) -> Any:
    return value


def _open_enum(args: tuple[Any, ...]) -> Optional[type[Enum]]:
    """The enum of ``Union[SomeEnum, str]`` (a field open to values newer than the spec)."""
    if (
        len(args) == 2
        and args[1] is str
        and isinstance(args[0], type)
        and issubclass(args[0], Enum)
    ):
        return args[0]
    return None


class _Compiler:
    """Builds (and caches) one converter per type, strict or lenient about unknown keys.

    Each type has two converters that accept exactly the same values and return equal results:
    the checked one (:meth:`get`) says what is wrong and where, the fast one (:meth:`fast`) only
    raises. :func:`structure` runs the fast one, and the checked one when the fast one raises.
    """

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.cache: dict[Any, _Converter] = {}

    def get(self, tp: Any) -> _Converter:
        try:
            return self.cache[tp]
        except KeyError:
            pass
        if attrs.has(tp):
            # Placeholder first, so that a recursive model refers to the finished converter.
            holder: list[_Converter] = []
            self.cache[tp] = lambda value: holder[0](value)
            holder.append(self._model(tp))
            self.cache[tp] = holder[0]
        else:
            self.cache[tp] = self._build(tp)
        return self.cache[tp]

    def _build(self, tp: Any) -> _Converter:
        if tp is Any:
            return _any
        if tp is bool or tp is str:
            return _scalar(tp)
        if tp is int:
            return _integer
        if tp is datetime:
            return _datetime
        if isinstance(tp, type) and issubclass(tp, Enum):
            return self._enum(tp)
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is Union and _open_enum(args) is not None:
            return self._open_enum(_open_enum(args))  # type: ignore[arg-type]
        if origin is Union:
            return self._optional(tp, args)
        if origin is Literal:
            return self._literal(args)
        if origin is list:
            return self._list(self.get(args[0]))
        if origin is dict and args[0] is str:
            return self._dict(self.get(args[1]))
        raise TypeError(f"the codec does not handle {tp!r}")

    def _optional(self, tp: Any, args: tuple[Any, ...]) -> _Converter:
        rest = tuple(arg for arg in args if arg is not _NONE_TYPE)
        if len(rest) == len(args):
            raise TypeError(f"the codec does not handle {tp!r}")
        inner = self.get(rest[0] if len(rest) == 1 else Union[rest])

        def convert(value: Any) -> Any:
            return None if value is None else inner(value)

        return convert

    @staticmethod
    def _literal(allowed: tuple[Any, ...]) -> _Converter:
        types = frozenset(type(a) for a in allowed)

        def convert(value: Any) -> Any:
            if value in allowed and type(value) in types:
                return value
            wanted = " or ".join(json.dumps(a) for a in allowed)
            raise _Failure(f"expected {wanted}, got {json.dumps(value)[:64]}")

        return convert

    def _open_enum(self, enum: type[Enum]) -> _Converter:
        """An enum that also takes a string newer than the spec (kept as it is), unless strict."""
        members = {member.value: member for member in enum}
        strict = self.strict

        def convert(value: Any) -> Any:
            if type(value) is str:
                if value in members:
                    return members[value]
                if not strict:
                    return value
                known = ", ".join(str(v) for v in members)
                raise _Failure(f"{json.dumps(value)[:64]} is newer than the spec (known: {known})")
            choices = ", ".join(sorted(str(v) for v in members))
            raise _Failure(f"expected one of {choices}, got {json.dumps(value)[:64]}")

        return convert

    @staticmethod
    def _enum(enum: type[Enum]) -> _Converter:
        members = {member.value: member for member in enum}

        def convert(value: Any) -> Any:
            if type(value) is str and value in members:
                return members[value]
            choices = ", ".join(sorted(str(v) for v in members))
            raise _Failure(f"expected one of {choices}, got {json.dumps(value)[:64]}")

        return convert

    @staticmethod
    def _list(item: _Converter) -> _Converter:
        def convert(value: Any) -> Any:
            if type(value) is not list:
                raise _Failure(f"expected an array, got {_describe(value)}")
            out = []
            for index, element in enumerate(value):
                try:
                    out.append(item(element))
                except _Failure as failure:
                    raise failure.at(f"[{index}]") from None
            return out

        return convert

    @staticmethod
    def _dict(item: _Converter) -> _Converter:
        def convert(value: Any) -> Any:
            if type(value) is not dict:
                raise _Failure(f"expected an object, got {_describe(value)}")
            out = {}
            for key, element in value.items():
                try:
                    out[key] = item(element)
                except _Failure as failure:
                    raise failure.at(f".{key}") from None
            return out

        return convert

    def _model(self, cls: type[Any]) -> _Converter:
        hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
        fields = [
            (field.name, self.get(hints[field.name]), field.default is attrs.NOTHING)
            for field in attrs.fields(cls)
        ]
        known = frozenset(name for name, _, _ in fields)
        strict = self.strict

        def convert(value: Any) -> Any:
            if type(value) is not dict:
                raise _Failure(f"expected an object, got {_describe(value)}")
            kwargs = {}
            for name, field_converter, required in fields:
                if name in value:
                    try:
                        kwargs[name] = field_converter(value[name])
                    except _Failure as failure:
                        raise failure.at(f".{name}") from None
                elif required:
                    raise _Failure(f"missing required field {name!r}")
            if strict and not known.issuperset(value):
                extra = sorted(set(value) - known)
                raise _Failure(f"unknown field(s) {', '.join(map(repr, extra))}")
            return cls(**kwargs)

        return convert


ORACLE = _Compiler(strict=False)


def checked(data: Any, cls: type[Any]) -> Any:
    """Decode with the old checked converter; (reason, path) of the failure, or the model."""
    try:
        return ORACLE.get(cls)(data)
    except _Failure as failure:
        return ("error", failure.reason, failure.path())
