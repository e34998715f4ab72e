"""Reading pages and error bodies leniently, so that one broken field fails one check, not all."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

import attrs

from anthropic_models import _codec
from anthropic_models.conformance.outcomes import Failure
from anthropic_models.conformance.records import Exchange
from anthropic_models.errors import ResponseValidationError
from anthropic_models_generated.models import ErrorResponse
from anthropic_models_generated.operations import ERROR_TYPES as SPEC_ERROR_TYPES
from anthropic_models_generated.transport import LIST_MODELS

__all__ = [
    "DEFAULT_LIMIT",
    "ERROR_TYPES",
    "MAX_LIMIT",
    "MAX_STAGES",
    "MIN_LIMIT",
    "MISSING",
    "STAGES",
    "PageView",
    "instant",
    "read_error",
    "read_json",
    "read_page",
    "said",
    "show_ids",
    "spread",
]

_LIMIT = LIST_MODELS.parameter("limit")
_LIFECYCLE = LIST_MODELS.parameter("lifecycle")
MIN_LIMIT: int = _LIMIT.minimum if _LIMIT.minimum is not None else 1
MAX_LIMIT: int = _LIMIT.maximum if _LIMIT.maximum is not None else MIN_LIMIT
DEFAULT_LIMIT: int = int(_LIMIT.default) if isinstance(_LIMIT.default, int) else MAX_LIMIT
STAGES: tuple[str, ...] = _LIFECYCLE.enum or ()
"""The lifecycle stages, as the spec lists them."""
MAX_STAGES: int = _LIFECYCLE.max_items if _LIFECYCLE.max_items is not None else len(STAGES)


class _Missing:
    def __repr__(self) -> str:
        return "missing"


MISSING: Any = _Missing()
"""A field the body does not have."""

_LEGACY_NAMES: dict[str, tuple[str, ...]] = {
    "invalid_request_error": ("invalid_request",),
    "rate_limit_error": ("rate_limit_exceeded",),
    "api_error": ("server_error", "overloaded_error"),
}
"""Older names of an error type that the kit accepts too (the kit's leniency, not the spec's)."""

ERROR_TYPES: dict[int, tuple[str, ...]] = {
    status: (error_type, *_LEGACY_NAMES.get(error_type, ()))
    for status, error_type in SPEC_ERROR_TYPES.items()
}
"""The error ``type`` of each status (the spec's, generated), and its older names."""


def show_ids(ids: Any, limit: int = 6) -> str:
    """A short rendering of a list of ids for a reason."""
    ids = list(ids)
    shown = ", ".join(str(i) for i in ids[:limit])
    more = f", ... ({len(ids)} in all)" if len(ids) > limit else ""
    return f"[{shown}{more}]"


def said(exchange: Exchange) -> str:
    """``: message`` of an error body (or the start of any other body), for a reason."""
    try:
        data = exchange.json()
        message = data["error"]["message"]
    except (ValueError, KeyError, TypeError, IndexError):
        snippet = exchange.body[:80].decode("utf-8", "replace")
        return f": {snippet!r}" if snippet else ""
    return f": {message}" if isinstance(message, str) else ""


@attrs.frozen
class PageView:
    """The parts of a list response the pagination rules are about."""

    exchange: Exchange
    ids: tuple[str, ...]
    items: tuple[dict[str, Any], ...]
    first_id: Any
    last_id: Any
    has_more: bool

    def expect_ids(self, expected: Any, what: str) -> None:
        """Failure unless the page holds exactly ``expected``, in order."""
        expected = tuple(expected)
        if self.ids != expected:
            raise Failure(
                f"{what}: expected {show_ids(expected)}, got {show_ids(self.ids)}", self.exchange
            )


def read_json(exchange: Exchange) -> Any:
    """The body parsed as JSON; Failure saying why it cannot be (not JSON, nested too deep)."""
    try:
        return exchange.json()
    except ValueError as exc:
        raise Failure(str(exc), exchange) from None


def read_page(exchange: Exchange) -> PageView:
    """A 200 list response as a :class:`PageView`; Failure when it is not one."""
    if exchange.status != 200:
        raise Failure(f"expected 200, got {exchange.status}{said(exchange)}", exchange)
    data = read_json(exchange)
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        raise Failure("the body is not a page: no `data` array", exchange)
    items = data["data"]
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise Failure(f"data[{index}] is not a model with a string id", exchange)
    has_more = data.get("has_more", MISSING)
    if not isinstance(has_more, bool):
        raise Failure(f"has_more is {has_more!r}, not a boolean", exchange)
    return PageView(
        exchange=exchange,
        ids=tuple(item["id"] for item in items),
        items=tuple(items),
        first_id=data.get("first_id", MISSING),
        last_id=data.get("last_id", MISSING),
        has_more=has_more,
    )


def read_error(exchange: Exchange, status: Optional[int] = None) -> ErrorResponse:
    """An error response in the spec's shape with the expected status and type; Failure otherwise.

    ``status`` None accepts any 4xx or 5xx status.
    """
    if status is not None and exchange.status != status:
        raise Failure(f"expected {status}, got {exchange.status}{said(exchange)}", exchange)
    if exchange.status < 400:
        raise Failure(f"expected an error status, got {exchange.status}", exchange)
    try:
        error = _codec.decode(exchange.body, ErrorResponse)
    except ResponseValidationError as exc:
        raise Failure(
            f'the error body is not {{"type":"error","error":{{"type","message"}}}} ({exc})',
            exchange,
        ) from None
    documented = ERROR_TYPES.get(exchange.status)
    if documented and error.error.type not in documented:
        raise Failure(
            f"a {exchange.status} has error type {error.error.type!r}, expected {documented[0]!r}",
            exchange,
        )
    return error


def spread(size: int, count: int) -> list[int]:
    """``count`` positions from 0 to ``size - 1``, evenly spread, in order, without repeats.

    >>> spread(10, 3), spread(2, 5)
    ([0, 4, 9], [0, 1])
    """
    if size <= count:
        return list(range(size))
    return sorted({round(i * (size - 1) / (count - 1)) for i in range(count)})


def instant(value: Any) -> Optional[datetime]:
    """An RFC 3339 date-time as a datetime; None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        return _codec.parse_datetime(value)
    except ValueError:
        return None
