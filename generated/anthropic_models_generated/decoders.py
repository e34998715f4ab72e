# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 cb1e4d2b8113abd0c568db79b106b5961afaf376d1c50e6452560ca4dee26471
"""Decoders: parsed JSON -> the attrs models of ``models.py``, one straight-line function each.

Written at generation time from the schemas of openapi.yaml (``tools/decoder_codegen.py``). They
are lenient as a client must be: unknown keys are ignored, and an enum value newer than the spec
is kept as the plain string it came as. Anything else that breaks the schema raises
:class:`DecodeError`, which names the JSON path of the bad value. Checking against the whole spec
(unknown keys, newer values) is the validation extra's job, not the decoders'. A model whose
fields have finitely many values (the capability trees) is built once per distinct JSON value
and shared: equal inputs, told apart by ``marshal`` (which keeps ``true`` apart from ``1``), give
the same frozen instance.
"""

from __future__ import annotations

import contextlib
import json
import marshal
import re
from datetime import date, datetime
from typing import Any, Callable, TypeVar

from anthropic_models_generated import models
from anthropic_models_generated.rfc3339 import parse_datetime

T = TypeVar("T")

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_marshal = marshal.dumps
_SHARED_MAX = 256
"""How many distinct instances of a finite-valued model are shared (see the decoders)."""


class DecodeError(Exception):
    """A value that does not fit its schema; ``path()`` is where, ``reason`` what is wrong."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.parts: list[str] = []

    def at(self, part: str) -> DecodeError:
        """Add one step of the path, from the inside out."""
        self.parts.append(part)
        return self

    def path(self) -> str:
        """The JSON path of the bad value, such as ``$.data[3].created_at``."""
        return "$" + "".join(reversed(self.parts))


_Failure = DecodeError


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


def _wrong(wanted: str, value: object) -> DecodeError:
    return DecodeError(f"expected {wanted}, got {_describe(value)}")


def _not_one_of(wanted: str, value: object) -> DecodeError:
    try:
        shown = json.dumps(value)[:64]
    except (TypeError, ValueError):
        shown = _describe(value)
    return DecodeError(f"expected {wanted}, got {shown}")


def _integer(value: Any) -> int:
    if type(value) is float and value.is_integer():
        return int(value)
    raise _wrong("an integer", value)


def _number(value: Any) -> float:
    if type(value) is int:
        return float(value)
    raise _wrong("a number", value)


def _datetime(value: Any) -> datetime:
    if type(value) is not str:
        raise DecodeError(f"expected an RFC 3339 date-time string, got {_describe(value)}")
    try:
        return parse_datetime(value)
    except ValueError as exc:
        raise DecodeError(str(exc)) from None


def _date(value: Any) -> date:
    if type(value) is not str or not _DATE.match(value):
        raise DecodeError(f"expected an RFC 3339 full-date (YYYY-MM-DD), got {_describe(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise DecodeError(f"{exc}: {value!r}") from None


def _list(value: Any, item: Callable[[Any], T]) -> list[T]:
    if type(value) is not list:
        raise _wrong("an array", value)
    try:
        return [item(element) for element in value]
    except DecodeError:
        pass
    for index, element in enumerate(value):  # again, slowly, to say where
        try:
            item(element)
        except DecodeError as failure:
            raise failure.at(f"[{index}]") from None
    raise AssertionError("unreachable")  # pragma: no cover


def _map(value: Any, item: Callable[[Any], T]) -> dict[str, T]:
    if type(value) is not dict:
        raise _wrong("an object", value)
    out = {}
    for key, element in value.items():
        try:
            out[key] = item(element)
        except DecodeError as failure:
            raise failure.at(f".{key}") from None
    return out


_CONST_error: Any = frozenset({"error"})
_CONST_model: Any = frozenset({"model"})
_MEMBERS_Lifecycle: Any = {m.value: m for m in models.Lifecycle}
_TYPE_str: Any = str

_SHARED_CapabilitySupport: dict[bytes, models.CapabilitySupport] = {}
_SHARED_EffortCapability: dict[bytes, models.EffortCapability] = {}
_SHARED_ThinkingTypes: dict[bytes, models.ThinkingTypes] = {}
_SHARED_ThinkingCapability: dict[bytes, models.ThinkingCapability] = {}
_SHARED_ServerToolsCapability: dict[bytes, models.ServerToolsCapability] = {}
_SHARED_ContextManagementCapability: dict[bytes, models.ContextManagementCapability] = {}
_SHARED_CompactionCapability: dict[bytes, models.CompactionCapability] = {}
_SHARED_ModelCapabilities: dict[bytes, models.ModelCapabilities] = {}


def _open_Lifecycle(value: Any) -> Any:
    member = _MEMBERS_Lifecycle.get(value) if type(value) is str else None
    if member is not None:
        return member
    if type(value) is str:
        return value  # a value newer than the spec, kept as it came
    raise _not_one_of("one of active, deprecated, retired", value)


def _value_str(value: Any) -> Any:
    if type(value) is not str:
        raise _wrong("a string", value)
    return value


def decode_ListModelsResponse(value: Any) -> models.ListModelsResponse:
    """A ``models.ListModelsResponse`` from parsed JSON; DecodeError says what and where if it does not fit."""
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["data"]
    except KeyError:
        raise _Failure("missing required field 'data'") from None
    try:
        a0 = _list(a0, decode_ModelInfo)
    except _Failure as failure:
        raise failure.at(".data") from None
    try:
        a1 = value["first_id"]
    except KeyError:
        raise _Failure("missing required field 'first_id'") from None
    try:
        if a1 is not None and type(a1) is not str:
            raise _wrong("a string", a1)
    except _Failure as failure:
        raise failure.at(".first_id") from None
    try:
        a2 = value["last_id"]
    except KeyError:
        raise _Failure("missing required field 'last_id'") from None
    try:
        if a2 is not None and type(a2) is not str:
            raise _wrong("a string", a2)
    except _Failure as failure:
        raise failure.at(".last_id") from None
    try:
        a3 = value["has_more"]
    except KeyError:
        raise _Failure("missing required field 'has_more'") from None
    try:
        if type(a3) is not bool:
            raise _wrong("a boolean", a3)
    except _Failure as failure:
        raise failure.at(".has_more") from None
    return models.ListModelsResponse(data=a0, first_id=a1, last_id=a2, has_more=a3)


def decode_ModelInfo(value: Any) -> models.ModelInfo:
    """A ``models.ModelInfo`` from parsed JSON; DecodeError says what and where if it does not fit."""
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["id"]
    except KeyError:
        raise _Failure("missing required field 'id'") from None
    try:
        if type(a0) is not str:
            raise _wrong("a string", a0)
    except _Failure as failure:
        raise failure.at(".id") from None
    try:
        a1 = value["type"]
    except KeyError:
        raise _Failure("missing required field 'type'") from None
    try:
        if type(a1) is not _TYPE_str or a1 not in _CONST_model:
            raise _not_one_of('"model"', a1)
    except _Failure as failure:
        raise failure.at(".type") from None
    try:
        a2 = value["created_at"]
    except KeyError:
        raise _Failure("missing required field 'created_at'") from None
    try:
        a2 = _datetime(a2)
    except _Failure as failure:
        raise failure.at(".created_at") from None
    try:
        a3 = value["display_name"]
    except KeyError:
        raise _Failure("missing required field 'display_name'") from None
    try:
        if type(a3) is not str:
            raise _wrong("a string", a3)
    except _Failure as failure:
        raise failure.at(".display_name") from None
    try:
        a4 = value["lifecycle"]
    except KeyError:
        raise _Failure("missing required field 'lifecycle'") from None
    try:
        a4 = _open_Lifecycle(a4)
    except _Failure as failure:
        raise failure.at(".lifecycle") from None
    a5 = value.get("deprecated_at")
    try:
        if a5 is not None:
            a5 = _datetime(a5)
    except _Failure as failure:
        raise failure.at(".deprecated_at") from None
    a6 = value.get("retires_at")
    try:
        if a6 is not None:
            a6 = _datetime(a6)
    except _Failure as failure:
        raise failure.at(".retires_at") from None
    a7 = value.get("line")
    try:
        if a7 is not None and type(a7) is not str:
            raise _wrong("a string", a7)
    except _Failure as failure:
        raise failure.at(".line") from None
    a8 = value.get("max_input_tokens")
    try:
        if a8 is not None and type(a8) is not int:
            a8 = _integer(a8)
    except _Failure as failure:
        raise failure.at(".max_input_tokens") from None
    a9 = value.get("max_tokens")
    try:
        if a9 is not None and type(a9) is not int:
            a9 = _integer(a9)
    except _Failure as failure:
        raise failure.at(".max_tokens") from None
    a10 = value.get("capabilities")
    try:
        if a10 is not None:
            a10 = decode_ModelCapabilities(a10)
    except _Failure as failure:
        raise failure.at(".capabilities") from None
    a11 = value.get("allowed_fallback_models")
    try:
        if a11 is not None:
            a11 = _list(a11, _value_str)
    except _Failure as failure:
        raise failure.at(".allowed_fallback_models") from None
    return models.ModelInfo(
        id=a0,
        type=a1,
        created_at=a2,
        display_name=a3,
        lifecycle=a4,
        deprecated_at=a5,
        retires_at=a6,
        line=a7,
        max_input_tokens=a8,
        max_tokens=a9,
        capabilities=a10,
        allowed_fallback_models=a11,
    )


def decode_CapabilitySupport(value: Any) -> models.CapabilitySupport:
    """A ``models.CapabilitySupport`` from parsed JSON; DecodeError says what and where if it does not fit."""
    try:
        return _SHARED_CapabilitySupport[_marshal(value)]
    except (KeyError, ValueError):
        pass
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["supported"]
    except KeyError:
        raise _Failure("missing required field 'supported'") from None
    try:
        if type(a0) is not bool:
            raise _wrong("a boolean", a0)
    except _Failure as failure:
        raise failure.at(".supported") from None
    result = models.CapabilitySupport(supported=a0)
    if len(_SHARED_CapabilitySupport) < _SHARED_MAX:
        with contextlib.suppress(ValueError):
            _SHARED_CapabilitySupport[_marshal(value)] = result
    return result


def decode_EffortCapability(value: Any) -> models.EffortCapability:
    """A ``models.EffortCapability`` from parsed JSON; DecodeError says what and where if it does not fit."""
    try:
        return _SHARED_EffortCapability[_marshal(value)]
    except (KeyError, ValueError):
        pass
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["supported"]
    except KeyError:
        raise _Failure("missing required field 'supported'") from None
    try:
        if type(a0) is not bool:
            raise _wrong("a boolean", a0)
    except _Failure as failure:
        raise failure.at(".supported") from None
    try:
        a1 = value["low"]
    except KeyError:
        raise _Failure("missing required field 'low'") from None
    try:
        a1 = decode_CapabilitySupport(a1)
    except _Failure as failure:
        raise failure.at(".low") from None
    try:
        a2 = value["medium"]
    except KeyError:
        raise _Failure("missing required field 'medium'") from None
    try:
        a2 = decode_CapabilitySupport(a2)
    except _Failure as failure:
        raise failure.at(".medium") from None
    try:
        a3 = value["high"]
    except KeyError:
        raise _Failure("missing required field 'high'") from None
    try:
        a3 = decode_CapabilitySupport(a3)
    except _Failure as failure:
        raise failure.at(".high") from None
    try:
        a4 = value["max"]
    except KeyError:
        raise _Failure("missing required field 'max'") from None
    try:
        a4 = decode_CapabilitySupport(a4)
    except _Failure as failure:
        raise failure.at(".max") from None
    a5 = value.get("xhigh")
    try:
        if a5 is not None:
            a5 = decode_CapabilitySupport(a5)
    except _Failure as failure:
        raise failure.at(".xhigh") from None
    result = models.EffortCapability(supported=a0, low=a1, medium=a2, high=a3, max=a4, xhigh=a5)
    if len(_SHARED_EffortCapability) < _SHARED_MAX:
        with contextlib.suppress(ValueError):
            _SHARED_EffortCapability[_marshal(value)] = result
    return result


def decode_ThinkingTypes(value: Any) -> models.ThinkingTypes:
    """A ``models.ThinkingTypes`` from parsed JSON; DecodeError says what and where if it does not fit."""
    try:
        return _SHARED_ThinkingTypes[_marshal(value)]
    except (KeyError, ValueError):
        pass
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["adaptive"]
    except KeyError:
        raise _Failure("missing required field 'adaptive'") from None
    try:
        a0 = decode_CapabilitySupport(a0)
    except _Failure as failure:
        raise failure.at(".adaptive") from None
    try:
        a1 = value["between_tools"]
    except KeyError:
        raise _Failure("missing required field 'between_tools'") from None
    try:
        a1 = decode_CapabilitySupport(a1)
    except _Failure as failure:
        raise failure.at(".between_tools") from None
    try:
        a2 = value["disabled"]
    except KeyError:
        raise _Failure("missing required field 'disabled'") from None
    try:
        a2 = decode_CapabilitySupport(a2)
    except _Failure as failure:
        raise failure.at(".disabled") from None
    try:
        a3 = value["enabled"]
    except KeyError:
        raise _Failure("missing required field 'enabled'") from None
    try:
        a3 = decode_CapabilitySupport(a3)
    except _Failure as failure:
        raise failure.at(".enabled") from None
    result = models.ThinkingTypes(adaptive=a0, between_tools=a1, disabled=a2, enabled=a3)
    if len(_SHARED_ThinkingTypes) < _SHARED_MAX:
        with contextlib.suppress(ValueError):
            _SHARED_ThinkingTypes[_marshal(value)] = result
    return result


def decode_ThinkingCapability(value: Any) -> models.ThinkingCapability:
    """A ``models.ThinkingCapability`` from parsed JSON; DecodeError says what and where if it does not fit."""
    try:
        return _SHARED_ThinkingCapability[_marshal(value)]
    except (KeyError, ValueError):
        pass
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["supported"]
    except KeyError:
        raise _Failure("missing required field 'supported'") from None
    try:
        if type(a0) is not bool:
            raise _wrong("a boolean", a0)
    except _Failure as failure:
        raise failure.at(".supported") from None
    try:
        a1 = value["types"]
    except KeyError:
        raise _Failure("missing required field 'types'") from None
    try:
        a1 = decode_ThinkingTypes(a1)
    except _Failure as failure:
        raise failure.at(".types") from None
    result = models.ThinkingCapability(supported=a0, types=a1)
    if len(_SHARED_ThinkingCapability) < _SHARED_MAX:
        with contextlib.suppress(ValueError):
            _SHARED_ThinkingCapability[_marshal(value)] = result
    return result


def decode_ServerToolsCapability(value: Any) -> models.ServerToolsCapability:
    """A ``models.ServerToolsCapability`` from parsed JSON; DecodeError says what and where if it does not fit."""
    try:
        return _SHARED_ServerToolsCapability[_marshal(value)]
    except (KeyError, ValueError):
        pass
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["supported"]
    except KeyError:
        raise _Failure("missing required field 'supported'") from None
    try:
        if type(a0) is not bool:
            raise _wrong("a boolean", a0)
    except _Failure as failure:
        raise failure.at(".supported") from None
    try:
        a1 = value["web_search"]
    except KeyError:
        raise _Failure("missing required field 'web_search'") from None
    try:
        a1 = decode_CapabilitySupport(a1)
    except _Failure as failure:
        raise failure.at(".web_search") from None
    try:
        a2 = value["code_execution"]
    except KeyError:
        raise _Failure("missing required field 'code_execution'") from None
    try:
        a2 = decode_CapabilitySupport(a2)
    except _Failure as failure:
        raise failure.at(".code_execution") from None
    result = models.ServerToolsCapability(supported=a0, web_search=a1, code_execution=a2)
    if len(_SHARED_ServerToolsCapability) < _SHARED_MAX:
        with contextlib.suppress(ValueError):
            _SHARED_ServerToolsCapability[_marshal(value)] = result
    return result


def decode_ContextManagementCapability(value: Any) -> models.ContextManagementCapability:
    """A ``models.ContextManagementCapability`` from parsed JSON; DecodeError says what and where if it does not fit."""
    try:
        return _SHARED_ContextManagementCapability[_marshal(value)]
    except (KeyError, ValueError):
        pass
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["supported"]
    except KeyError:
        raise _Failure("missing required field 'supported'") from None
    try:
        if type(a0) is not bool:
            raise _wrong("a boolean", a0)
    except _Failure as failure:
        raise failure.at(".supported") from None
    a1 = value.get("clear_thinking_20251015")
    try:
        if a1 is not None:
            a1 = decode_CapabilitySupport(a1)
    except _Failure as failure:
        raise failure.at(".clear_thinking_20251015") from None
    a2 = value.get("clear_tool_uses_20250919")
    try:
        if a2 is not None:
            a2 = decode_CapabilitySupport(a2)
    except _Failure as failure:
        raise failure.at(".clear_tool_uses_20250919") from None
    a3 = value.get("compact_20260112")
    try:
        if a3 is not None:
            a3 = decode_CapabilitySupport(a3)
    except _Failure as failure:
        raise failure.at(".compact_20260112") from None
    result = models.ContextManagementCapability(
        supported=a0, clear_thinking_20251015=a1, clear_tool_uses_20250919=a2, compact_20260112=a3
    )
    if len(_SHARED_ContextManagementCapability) < _SHARED_MAX:
        with contextlib.suppress(ValueError):
            _SHARED_ContextManagementCapability[_marshal(value)] = result
    return result


def decode_CompactionCapability(value: Any) -> models.CompactionCapability:
    """A ``models.CompactionCapability`` from parsed JSON; DecodeError says what and where if it does not fit."""
    try:
        return _SHARED_CompactionCapability[_marshal(value)]
    except (KeyError, ValueError):
        pass
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["supported"]
    except KeyError:
        raise _Failure("missing required field 'supported'") from None
    try:
        if type(a0) is not bool:
            raise _wrong("a boolean", a0)
    except _Failure as failure:
        raise failure.at(".supported") from None
    try:
        a1 = value["summarize"]
    except KeyError:
        raise _Failure("missing required field 'summarize'") from None
    try:
        a1 = decode_CapabilitySupport(a1)
    except _Failure as failure:
        raise failure.at(".summarize") from None
    result = models.CompactionCapability(supported=a0, summarize=a1)
    if len(_SHARED_CompactionCapability) < _SHARED_MAX:
        with contextlib.suppress(ValueError):
            _SHARED_CompactionCapability[_marshal(value)] = result
    return result


def decode_ModelCapabilities(value: Any) -> models.ModelCapabilities:
    """A ``models.ModelCapabilities`` from parsed JSON; DecodeError says what and where if it does not fit."""
    try:
        return _SHARED_ModelCapabilities[_marshal(value)]
    except (KeyError, ValueError):
        pass
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["batch"]
    except KeyError:
        raise _Failure("missing required field 'batch'") from None
    try:
        a0 = decode_CapabilitySupport(a0)
    except _Failure as failure:
        raise failure.at(".batch") from None
    try:
        a1 = value["citations"]
    except KeyError:
        raise _Failure("missing required field 'citations'") from None
    try:
        a1 = decode_CapabilitySupport(a1)
    except _Failure as failure:
        raise failure.at(".citations") from None
    try:
        a2 = value["code_execution"]
    except KeyError:
        raise _Failure("missing required field 'code_execution'") from None
    try:
        a2 = decode_CapabilitySupport(a2)
    except _Failure as failure:
        raise failure.at(".code_execution") from None
    try:
        a3 = value["image_input"]
    except KeyError:
        raise _Failure("missing required field 'image_input'") from None
    try:
        a3 = decode_CapabilitySupport(a3)
    except _Failure as failure:
        raise failure.at(".image_input") from None
    try:
        a4 = value["pdf_input"]
    except KeyError:
        raise _Failure("missing required field 'pdf_input'") from None
    try:
        a4 = decode_CapabilitySupport(a4)
    except _Failure as failure:
        raise failure.at(".pdf_input") from None
    try:
        a5 = value["structured_outputs"]
    except KeyError:
        raise _Failure("missing required field 'structured_outputs'") from None
    try:
        a5 = decode_CapabilitySupport(a5)
    except _Failure as failure:
        raise failure.at(".structured_outputs") from None
    try:
        a6 = value["effort"]
    except KeyError:
        raise _Failure("missing required field 'effort'") from None
    try:
        a6 = decode_EffortCapability(a6)
    except _Failure as failure:
        raise failure.at(".effort") from None
    try:
        a7 = value["thinking"]
    except KeyError:
        raise _Failure("missing required field 'thinking'") from None
    try:
        a7 = decode_ThinkingCapability(a7)
    except _Failure as failure:
        raise failure.at(".thinking") from None
    try:
        a8 = value["server_tools"]
    except KeyError:
        raise _Failure("missing required field 'server_tools'") from None
    try:
        a8 = decode_ServerToolsCapability(a8)
    except _Failure as failure:
        raise failure.at(".server_tools") from None
    try:
        a9 = value["context_management"]
    except KeyError:
        raise _Failure("missing required field 'context_management'") from None
    try:
        a9 = decode_ContextManagementCapability(a9)
    except _Failure as failure:
        raise failure.at(".context_management") from None
    a10 = value.get("compaction")
    try:
        if a10 is not None:
            a10 = decode_CompactionCapability(a10)
    except _Failure as failure:
        raise failure.at(".compaction") from None
    result = models.ModelCapabilities(
        batch=a0,
        citations=a1,
        code_execution=a2,
        image_input=a3,
        pdf_input=a4,
        structured_outputs=a5,
        effort=a6,
        thinking=a7,
        server_tools=a8,
        context_management=a9,
        compaction=a10,
    )
    if len(_SHARED_ModelCapabilities) < _SHARED_MAX:
        with contextlib.suppress(ValueError):
            _SHARED_ModelCapabilities[_marshal(value)] = result
    return result


def decode_ErrorResponse(value: Any) -> models.ErrorResponse:
    """A ``models.ErrorResponse`` from parsed JSON; DecodeError says what and where if it does not fit."""
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["type"]
    except KeyError:
        raise _Failure("missing required field 'type'") from None
    try:
        if type(a0) is not _TYPE_str or a0 not in _CONST_error:
            raise _not_one_of('"error"', a0)
    except _Failure as failure:
        raise failure.at(".type") from None
    try:
        a1 = value["error"]
    except KeyError:
        raise _Failure("missing required field 'error'") from None
    try:
        a1 = decode_ErrorDetail(a1)
    except _Failure as failure:
        raise failure.at(".error") from None
    a2 = value.get("request_id")
    try:
        if a2 is not None and type(a2) is not str:
            raise _wrong("a string", a2)
    except _Failure as failure:
        raise failure.at(".request_id") from None
    return models.ErrorResponse(type=a0, error=a1, request_id=a2)


def decode_ErrorDetail(value: Any) -> models.ErrorDetail:
    """A ``models.ErrorDetail`` from parsed JSON; DecodeError says what and where if it does not fit."""
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["type"]
    except KeyError:
        raise _Failure("missing required field 'type'") from None
    try:
        if type(a0) is not str:
            raise _wrong("a string", a0)
    except _Failure as failure:
        raise failure.at(".type") from None
    try:
        a1 = value["message"]
    except KeyError:
        raise _Failure("missing required field 'message'") from None
    try:
        if type(a1) is not str:
            raise _wrong("a string", a1)
    except _Failure as failure:
        raise failure.at(".message") from None
    a2 = value.get("details")
    try:
        if a2 is not None:
            a2 = decode_ErrorDetails(a2)
    except _Failure as failure:
        raise failure.at(".details") from None
    return models.ErrorDetail(type=a0, message=a1, details=a2)


def decode_ErrorDetails(value: Any) -> models.ErrorDetails:
    """A ``models.ErrorDetails`` from parsed JSON; DecodeError says what and where if it does not fit."""
    if type(value) is not dict:
        raise _wrong("an object", value)
    try:
        a0 = value["error_code"]
    except KeyError:
        raise _Failure("missing required field 'error_code'") from None
    try:
        if type(a0) is not str:
            raise _wrong("a string", a0)
    except _Failure as failure:
        raise failure.at(".error_code") from None
    return models.ErrorDetails(error_code=a0)


DECODERS: dict[type[Any], Callable[[Any], Any]] = {
    models.ListModelsResponse: decode_ListModelsResponse,
    models.ModelInfo: decode_ModelInfo,
    models.CapabilitySupport: decode_CapabilitySupport,
    models.EffortCapability: decode_EffortCapability,
    models.ThinkingTypes: decode_ThinkingTypes,
    models.ThinkingCapability: decode_ThinkingCapability,
    models.ServerToolsCapability: decode_ServerToolsCapability,
    models.ContextManagementCapability: decode_ContextManagementCapability,
    models.CompactionCapability: decode_CompactionCapability,
    models.ModelCapabilities: decode_ModelCapabilities,
    models.ErrorResponse: decode_ErrorResponse,
    models.ErrorDetail: decode_ErrorDetail,
    models.ErrorDetails: decode_ErrorDetails,
}
"""The decoder of each model class."""


def decode(data: Any, cls: type[T]) -> T:
    """Parsed JSON as a ``cls``; DecodeError if it does not fit.

    >>> decode({"type": "error", "error": {"type": "x", "message": "m"}}, models.ErrorResponse).error.type
    'x'
    """
    result: T = DECODERS[cls](data)
    return result


__all__ = ["DECODERS", "DecodeError", "decode", "parse_datetime"]
