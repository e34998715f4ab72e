# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 cb1e4d2b8113abd0c568db79b106b5961afaf376d1c50e6452560ca4dee26471
"""Encoders: the attrs models of ``models.py`` -> JSON-ready data, one function each.

Written at generation time from the schemas of openapi.yaml (``tools/encoder_codegen.py``), the
mirror of the decoders: every attribute goes out under its JSON name. An optional field left
``None`` is omitted, a required one is kept as ``null``; date-times are RFC 3339 (``Z`` for UTC),
open enums their value or the newer string they came as.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any, Callable, Union

import attrs

from anthropic_models_generated import models
from anthropic_models_generated.rfc3339 import format_datetime


def _enum_value(value: Union[Enum, str]) -> str:
    return str(value.value) if isinstance(value, Enum) else value


def _encode_value(value: Any) -> Any:
    """Any value of a union or an untyped field, by what it is."""
    if attrs.has(type(value)):
        return encode(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_encode_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _encode_value(item) for key, item in value.items()}
    return value


def encode_ListModelsResponse(obj: models.ListModelsResponse) -> dict[str, Any]:
    """A ``models.ListModelsResponse`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "data": [encode_ModelInfo(v0) for v0 in obj.data],
        "first_id": obj.first_id,
        "last_id": obj.last_id,
        "has_more": obj.has_more,
    }
    return out


def encode_ModelInfo(obj: models.ModelInfo) -> dict[str, Any]:
    """A ``models.ModelInfo`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "id": obj.id,
        "type": obj.type,
        "created_at": format_datetime(obj.created_at),
        "display_name": obj.display_name,
        "lifecycle": _enum_value(obj.lifecycle),
    }
    if obj.deprecated_at is not None:
        out["deprecated_at"] = format_datetime(obj.deprecated_at)
    if obj.retires_at is not None:
        out["retires_at"] = format_datetime(obj.retires_at)
    if obj.line is not None:
        out["line"] = obj.line
    if obj.max_input_tokens is not None:
        out["max_input_tokens"] = obj.max_input_tokens
    if obj.max_tokens is not None:
        out["max_tokens"] = obj.max_tokens
    if obj.capabilities is not None:
        out["capabilities"] = encode_ModelCapabilities(obj.capabilities)
    if obj.allowed_fallback_models is not None:
        out["allowed_fallback_models"] = list(obj.allowed_fallback_models)
    return out


def encode_CapabilitySupport(obj: models.CapabilitySupport) -> dict[str, Any]:
    """A ``models.CapabilitySupport`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "supported": obj.supported,
    }
    return out


def encode_EffortCapability(obj: models.EffortCapability) -> dict[str, Any]:
    """A ``models.EffortCapability`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "supported": obj.supported,
        "low": encode_CapabilitySupport(obj.low),
        "medium": encode_CapabilitySupport(obj.medium),
        "high": encode_CapabilitySupport(obj.high),
        "max": encode_CapabilitySupport(obj.max),
    }
    if obj.xhigh is not None:
        out["xhigh"] = encode_CapabilitySupport(obj.xhigh)
    return out


def encode_ThinkingTypes(obj: models.ThinkingTypes) -> dict[str, Any]:
    """A ``models.ThinkingTypes`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "adaptive": encode_CapabilitySupport(obj.adaptive),
        "between_tools": encode_CapabilitySupport(obj.between_tools),
        "disabled": encode_CapabilitySupport(obj.disabled),
        "enabled": encode_CapabilitySupport(obj.enabled),
    }
    return out


def encode_ThinkingCapability(obj: models.ThinkingCapability) -> dict[str, Any]:
    """A ``models.ThinkingCapability`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "supported": obj.supported,
        "types": encode_ThinkingTypes(obj.types),
    }
    return out


def encode_ServerToolsCapability(obj: models.ServerToolsCapability) -> dict[str, Any]:
    """A ``models.ServerToolsCapability`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "supported": obj.supported,
        "web_search": encode_CapabilitySupport(obj.web_search),
        "code_execution": encode_CapabilitySupport(obj.code_execution),
    }
    return out


def encode_ContextManagementCapability(obj: models.ContextManagementCapability) -> dict[str, Any]:
    """A ``models.ContextManagementCapability`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "supported": obj.supported,
    }
    if obj.clear_thinking_20251015 is not None:
        out["clear_thinking_20251015"] = encode_CapabilitySupport(obj.clear_thinking_20251015)
    if obj.clear_tool_uses_20250919 is not None:
        out["clear_tool_uses_20250919"] = encode_CapabilitySupport(obj.clear_tool_uses_20250919)
    if obj.compact_20260112 is not None:
        out["compact_20260112"] = encode_CapabilitySupport(obj.compact_20260112)
    return out


def encode_CompactionCapability(obj: models.CompactionCapability) -> dict[str, Any]:
    """A ``models.CompactionCapability`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "supported": obj.supported,
        "summarize": encode_CapabilitySupport(obj.summarize),
    }
    return out


def encode_ModelCapabilities(obj: models.ModelCapabilities) -> dict[str, Any]:
    """A ``models.ModelCapabilities`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "batch": encode_CapabilitySupport(obj.batch),
        "citations": encode_CapabilitySupport(obj.citations),
        "code_execution": encode_CapabilitySupport(obj.code_execution),
        "image_input": encode_CapabilitySupport(obj.image_input),
        "pdf_input": encode_CapabilitySupport(obj.pdf_input),
        "structured_outputs": encode_CapabilitySupport(obj.structured_outputs),
        "effort": encode_EffortCapability(obj.effort),
        "thinking": encode_ThinkingCapability(obj.thinking),
        "server_tools": encode_ServerToolsCapability(obj.server_tools),
        "context_management": encode_ContextManagementCapability(obj.context_management),
    }
    if obj.compaction is not None:
        out["compaction"] = encode_CompactionCapability(obj.compaction)
    return out


def encode_ErrorResponse(obj: models.ErrorResponse) -> dict[str, Any]:
    """A ``models.ErrorResponse`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "type": obj.type,
        "error": encode_ErrorDetail(obj.error),
    }
    if obj.request_id is not None:
        out["request_id"] = obj.request_id
    return out


def encode_ErrorDetail(obj: models.ErrorDetail) -> dict[str, Any]:
    """A ``models.ErrorDetail`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "type": obj.type,
        "message": obj.message,
    }
    if obj.details is not None:
        out["details"] = encode_ErrorDetails(obj.details)
    return out


def encode_ErrorDetails(obj: models.ErrorDetails) -> dict[str, Any]:
    """A ``models.ErrorDetails`` as JSON-ready data, under its JSON names."""
    out: dict[str, Any] = {
        "error_code": obj.error_code,
    }
    return out


ENCODERS: dict[type[Any], Callable[[Any], dict[str, Any]]] = {
    models.ListModelsResponse: encode_ListModelsResponse,
    models.ModelInfo: encode_ModelInfo,
    models.CapabilitySupport: encode_CapabilitySupport,
    models.EffortCapability: encode_EffortCapability,
    models.ThinkingTypes: encode_ThinkingTypes,
    models.ThinkingCapability: encode_ThinkingCapability,
    models.ServerToolsCapability: encode_ServerToolsCapability,
    models.ContextManagementCapability: encode_ContextManagementCapability,
    models.CompactionCapability: encode_CompactionCapability,
    models.ModelCapabilities: encode_ModelCapabilities,
    models.ErrorResponse: encode_ErrorResponse,
    models.ErrorDetail: encode_ErrorDetail,
    models.ErrorDetails: encode_ErrorDetails,
}
"""The encoder of each model class."""


def encode(obj: Any) -> dict[str, Any]:
    """A model as JSON-ready data (a dict under the JSON names); TypeError for anything else.

    >>> encode(models.ErrorDetail(type="x", message="m"))
    {'type': 'x', 'message': 'm'}
    """
    try:
        encoder = ENCODERS[type(obj)]
    except KeyError:
        raise TypeError(f"not a model of this package: {type(obj).__name__}") from None
    return encoder(obj)


__all__ = ["ENCODERS", "encode", "format_datetime"]
