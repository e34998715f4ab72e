"""JSON <-> generated attrs models: the one place where bodies become models and back.

Decoding is the generated decoders' (``anthropic_models_generated.decoders``, written from the
spec at generation time); this module parses, maps their failures to ResponseValidationError, and
encodes models back to JSON.

A large body (a page of models) is decoded with the cyclic garbage collector paused: its tens of
thousands of new objects are then scanned once after the decode instead of by every collection
the allocations would trigger during it, and those promoted objects no longer trigger a full
collection of the whole heap every few pages, whose cost grew with the heap. The pause
is scoped: the collector is enabled again when the last decode in flight ends, however it ends,
and only if a decode disabled it (a program that runs with ``gc.disable()`` keeps it disabled).
"""

from __future__ import annotations

import gc
import json
import threading
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar, Union

from anthropic_models.errors import ResponseValidationError
from anthropic_models_generated import decoders, encoders
from anthropic_models_generated.rfc3339 import format_datetime, parse_datetime

__all__ = [
    "decode",
    "encode",
    "enum_value",
    "format_datetime",
    "loads",
    "parse_datetime",
    "structure",
    "unstructure",
]

T = TypeVar("T")


def enum_value(value: Union[Enum, str]) -> str:
    """The wire value of an open enum field: a member's value, or the newer string as it came.

    >>> from anthropic_models_generated.models import Lifecycle
    >>> enum_value(Lifecycle.retired), enum_value("preview")
    ('retired', 'preview')
    """
    return str(value.value) if isinstance(value, Enum) else value


def structure(data: Any, cls: type[T]) -> T:
    """Turn parsed JSON into ``cls``; unknown keys are ignored, newer enum values kept.

    >>> from anthropic_models_generated import models
    >>> structure({"type": "error", "error": {"type": "x", "message": "m"}}, models.ErrorResponse)
    ErrorResponse(type='error', error=ErrorDetail(type='x', message='m', details=None), request_id=None)
    """
    try:
        return decoders.decode(data, cls)
    except decoders.DecodeError as failure:
        raise ResponseValidationError(failure.reason, path=failure.path()) from None


def loads(body: Union[bytes, str]) -> Any:
    """Parse a JSON body, raising ResponseValidationError if it is not JSON."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as exc:
        snippet = body[:80].decode("utf-8", "replace") if isinstance(body, bytes) else body[:80]
        raise ResponseValidationError(f"not JSON ({exc}): {snippet!r}") from None


PAUSE_GC_FROM = 64 * 1024
"""Bodies of at least this many bytes (about 30 models) decode with the collector paused."""


class _CollectorPause:
    """The cyclic collector paused while at least one large decode runs, in any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._disabled = False  # True when a decode disabled the collector (and must enable it)

    def enter(self) -> None:
        with self._lock:
            self._running += 1
            if self._running == 1 and gc.isenabled():
                gc.disable()
                self._disabled = True

    def exit(self) -> None:
        with self._lock:
            self._running -= 1
            if self._running == 0 and self._disabled:
                self._disabled = False
                gc.enable()


_PAUSE = _CollectorPause()


def decode(body: Union[bytes, str], cls: type[T]) -> T:
    """Parse a JSON body into ``cls`` (a large one with the collector paused, see above).

    >>> from anthropic_models_generated import models
    >>> decode(b'{"data": [], "first_id": null, "last_id": null, "has_more": false}',
    ...        models.ListModelsResponse).has_more
    False
    """
    if len(body) < PAUSE_GC_FROM:
        return structure(loads(body), cls)
    _PAUSE.enter()
    try:
        return structure(loads(body), cls)
    finally:
        _PAUSE.exit()


def unstructure(obj: Any) -> Any:
    """Turn models (also inside lists and dicts) into JSON-ready data under their JSON names.

    A model is written by its generated encoder (``anthropic_models_generated.encoders``):
    optional fields left unset are omitted, a property named ``class`` goes out as ``class``.

    >>> from anthropic_models_generated import models
    >>> unstructure({"data": [models.CapabilitySupport(supported=True)]})
    {'data': [{'supported': True}]}
    """
    if type(obj) in encoders.ENCODERS:
        return encoders.encode(obj)
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, datetime):
        return format_datetime(obj)
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [unstructure(item) for item in obj]
    if isinstance(obj, dict):
        return {key: unstructure(value) for key, value in obj.items()}
    return obj


def encode(obj: Any) -> bytes:
    """A model (or JSON-ready data) as compact UTF-8 JSON."""
    return json.dumps(unstructure(obj), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
