# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 cb1e4d2b8113abd0c568db79b106b5961afaf376d1c50e6452560ca4dee26471
"""Attrs models of the schemas in openapi.yaml."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Literal, Optional, Union

import attrs


class Lifecycle(str, Enum):
    """Where a model stands. `active`: usable, open to new adopters, no retirement scheduled.
    `deprecated`: callable for organizations with existing access, closed to new adopters, headed
    for retirement. `retired`: no longer usable (inference naming it fails), kept in the catalogue as
    the record of its retirement."""

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
    low: CapabilitySupport
    medium: CapabilitySupport
    high: CapabilitySupport
    max: CapabilitySupport
    xhigh: Optional[CapabilitySupport] = None
    """Support for the `xhigh` level; absent or null on older servers."""


@attrs.frozen(kw_only=True)
class ThinkingTypes:
    """Which `thinking.type` values the model accepts; read each on its own (`enabled` can be false
    while `disabled` is true)."""

    adaptive: CapabilitySupport
    between_tools: CapabilitySupport
    disabled: CapabilitySupport
    enabled: CapabilitySupport


@attrs.frozen(kw_only=True)
class ThinkingCapability:
    """Support for extended thinking, and for each thinking type."""

    supported: bool
    """True when extended thinking is supported."""
    types: ThinkingTypes


@attrs.frozen(kw_only=True)
class ServerToolsCapability:
    """Support for the web search and code execution server tools."""

    supported: bool
    """True when the model supports at least one of the tools."""
    web_search: CapabilitySupport
    code_execution: CapabilitySupport


@attrs.frozen(kw_only=True)
class ContextManagementCapability:
    """Support for context management, and for each of its strategies."""

    supported: bool
    """True when context management is supported."""
    clear_thinking_20251015: Optional[CapabilitySupport] = None
    clear_tool_uses_20250919: Optional[CapabilitySupport] = None
    compact_20260112: Optional[CapabilitySupport] = None


@attrs.frozen(kw_only=True)
class CompactionCapability:
    """Beta. Support for the top-level `compaction` request parameter, and for each type."""

    supported: bool
    """True when compaction is supported."""
    summarize: CapabilitySupport


@attrs.frozen(kw_only=True)
class ModelCapabilities:
    """What the model can do. Every key below but `compaction` is always present; new capabilities
    appear over time, and clients ignore the ones they do not know."""

    batch: CapabilitySupport
    citations: CapabilitySupport
    code_execution: CapabilitySupport
    image_input: CapabilitySupport
    pdf_input: CapabilitySupport
    structured_outputs: CapabilitySupport
    effort: EffortCapability
    thinking: ThinkingCapability
    server_tools: ServerToolsCapability
    context_management: ContextManagementCapability
    compaction: Optional[CompactionCapability] = None
    """Beta (sent with an `anthropic-beta` header); absent from the stable API's answers."""


@attrs.frozen(kw_only=True)
class ErrorDetails:
    """An open object naming the precise error in `error_code` (for example `organization_on_hold`,
    which may carry an `appeal_url`); other keys depend on the code."""

    error_code: str
    """The precise error, such as `organization_on_hold`."""


@attrs.frozen(kw_only=True)
class ModelInfo:
    """A model. Fields beyond the required five are optional and may be null; servers add fields over
    time, and clients must ignore the ones they do not know."""

    id: str
    """Unique model identifier."""
    type: Literal["model"]
    """Object type; always `model`."""
    created_at: datetime
    """RFC 3339 release time; may be the epoch if the release date is unknown."""
    display_name: str
    """A human-readable name for the model."""
    lifecycle: Union[Lifecycle, str]
    deprecated_at: Optional[datetime] = None
    """The model's most recent deprecation; set for deprecated and retired models, null while the
    model is active."""
    retires_at: Optional[datetime] = None
    """Scheduled retirement, which can be revised until it happens; null while the model is active
    or while no retirement is scheduled. A past date on a deprecated model means retirement is
    overdue, not that it has happened: `lifecycle` is the signal."""
    line: Optional[str] = None
    """The model line: known values are `haiku`, `sonnet`, `opus`, `fable` and `mythos`, and more
    lines may be added (an open set). Null when the model belongs to no line; do not infer it
    from the id."""
    max_input_tokens: Optional[int] = None
    """The context window, in tokens."""
    max_tokens: Optional[int] = None
    """The largest accepted value of the `max_tokens` request parameter."""
    capabilities: Optional[ModelCapabilities] = None
    """What the model can do; null when unknown."""
    allowed_fallback_models: Optional[list[str]] = None
    """Beta (sent with an `anthropic-beta` header): ids of the models a request may fall back to.
    Optional; absent from the stable API's answers."""


@attrs.frozen(kw_only=True)
class ErrorDetail:
    """What went wrong."""

    type: str
    """The error type, an open string. Current values: `invalid_request_error` (400),
    `authentication_error` (401), `billing_error` (402), `permission_error` (403),
    `not_found_error` (404), `conflict_error` (409), `rate_limit_error` (429), `api_error` (500,
    503), `timeout_error` (504), `overloaded_error` (529); other endpoints add `memory_*` types."""
    message: str
    """A human-readable description of the error; its wording can change (do not match on it)."""
    details: Optional[ErrorDetails] = None
    """Machine-readable details, for some errors only."""


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


@attrs.frozen(kw_only=True)
class ErrorResponse:
    """Every error response has this shape."""

    type: Literal["error"]
    """Always `error`."""
    error: ErrorDetail
    request_id: Optional[str] = None
    """The request's id, the same as the `request-id` header."""
