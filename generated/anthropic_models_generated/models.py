# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 168a50e10bf3d18fce6240e07caf7cfeb2ae293dd87604e44ba9527fcdae913c
"""Attrs models of the schemas in openapi.yaml."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Literal, Optional

import attrs


class Lifecycle(str, Enum):
    """Where a model stands. `active`: open to everyone. `deprecated`: callable for existing users, closed
    to new adopters, headed for retirement. `retired`: no longer callable, kept in the catalogue as a record."""

    active = "active"
    deprecated = "deprecated"
    retired = "retired"


@attrs.frozen(kw_only=True)
class CapabilitySupport:
    """Whether the model supports a feature."""

    supported: bool
    """True when the feature is supported."""


@attrs.frozen(kw_only=True)
class EffortCapability:
    """Support for the `effort` parameter, and for each of its levels."""

    supported: bool
    """True when the `effort` parameter is supported."""

    low: Optional[CapabilitySupport] = None

    medium: Optional[CapabilitySupport] = None

    high: Optional[CapabilitySupport] = None

    max: Optional[CapabilitySupport] = None

    xhigh: Optional[CapabilitySupport] = None


@attrs.frozen(kw_only=True)
class ThinkingCapability:
    """Support for extended thinking, and for each thinking type."""

    supported: bool
    """True when extended thinking is supported."""

    types: Optional[dict[str, CapabilitySupport]] = None
    """Support for each thinking type (such as `enabled` or `adaptive`), by name."""


@attrs.frozen(kw_only=True)
class ServerToolsCapability:
    """Support for server-side tools."""

    supported: bool
    """True when server tools are supported."""

    web_search: Optional[CapabilitySupport] = None

    code_execution: Optional[CapabilitySupport] = None


@attrs.frozen(kw_only=True)
class ContextManagementCapability:
    """Support for context management, and for each of its strategies."""

    supported: bool
    """True when context management is supported."""

    clear_thinking_20251015: Optional[CapabilitySupport] = None

    clear_tool_uses_20250919: Optional[CapabilitySupport] = None

    compact_20260112: Optional[CapabilitySupport] = None


@attrs.frozen(kw_only=True)
class ModelCapabilities:
    """What the model can do. New capabilities appear over time; clients ignore unknown ones."""

    batch: Optional[CapabilitySupport] = None

    citations: Optional[CapabilitySupport] = None

    code_execution: Optional[CapabilitySupport] = None

    image_input: Optional[CapabilitySupport] = None

    pdf_input: Optional[CapabilitySupport] = None

    structured_outputs: Optional[CapabilitySupport] = None

    effort: Optional[EffortCapability] = None

    thinking: Optional[ThinkingCapability] = None

    server_tools: Optional[ServerToolsCapability] = None

    context_management: Optional[ContextManagementCapability] = None


@attrs.frozen(kw_only=True)
class ErrorDetail:
    """What went wrong."""

    type: str
    """The error type, an open string. Documented values: `invalid_request_error` (400),
    `authentication_error` (401), `billing_error`, `permission_error` (403), `not_found_error`
    (404), `request_too_large` (413), `rate_limit_error` (429), `api_error` (500),
    `timeout_error`, `overloaded_error` (529). Older documentation also shows `invalid_request`,
    `rate_limit_exceeded` and `server_error`."""

    message: str
    """A human-readable description of the error."""


@attrs.frozen(kw_only=True)
class ModelInfo:
    """A model. Fields beyond the required four are optional and may be null; servers add fields over
    time, and clients must ignore the ones they do not know."""

    id: str
    """Unique model identifier."""

    type: Literal["model"]
    """Object type; always `model`."""

    created_at: datetime
    """RFC 3339 release time; may be the epoch if the release date is unknown."""

    display_name: str
    """A human-readable name for the model."""

    lifecycle: Optional[Lifecycle] = None

    deprecated_at: Optional[datetime] = None
    """When the model was deprecated; set for deprecated and retired models."""

    retires_at: Optional[datetime] = None
    """Scheduled retirement. A past date on a deprecated model means it is overdue; `lifecycle` is
    the signal."""

    line: Optional[str] = None
    """The model line, such as `haiku`, `sonnet` or `opus` (an open set; do not infer it from the id)."""

    max_input_tokens: Optional[int] = None
    """The context window, in tokens."""

    max_tokens: Optional[int] = None
    """The largest accepted value of the `max_tokens` request parameter."""

    capabilities: Optional[ModelCapabilities] = None
    """What the model can do; null when unknown."""


@attrs.frozen(kw_only=True)
class ErrorResponse:
    """Every error response has this shape."""

    type: Literal["error"]
    """Always `error`."""

    error: ErrorDetail


@attrs.frozen(kw_only=True)
class ListModelsResponse:
    """One page of models, newest first."""

    data: list[ModelInfo]
    """The models of this page."""

    first_id: Optional[str]
    """Id of the page's first model (the `before_id` of the previous page); null on an empty page."""

    last_id: Optional[str]
    """Id of the page's last model (the `after_id` of the next page); null on an empty page."""

    has_more: bool
    """Whether more models exist beyond this page in the requested direction."""
