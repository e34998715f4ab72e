"""The kit's cap on an answer's body (the generated transport reads it), and what broke a request
in one line."""

from __future__ import annotations

__all__ = ["MAX_BODY_BYTES", "describe_error"]

MAX_BODY_BYTES = 8 * 1024 * 1024
"""The largest response body the kit reads (8 MiB): a larger one is reported as too large."""


def describe_error(exc: BaseException) -> str:
    """``Type: message`` of an exception (its urllib3 reason if it has one), at most 300 chars."""
    reason = getattr(exc, "reason", None)
    shown = reason if isinstance(reason, BaseException) else exc
    text = f"{type(shown).__name__}: {shown}"
    return text if len(text) <= 300 else text[:300] + "..."
