"""Reading an answer's body within the kit's cap, and saying what broke a request in one line."""

from __future__ import annotations

from typing import Any

from urllib3.exceptions import HTTPError

from anthropic_models_generated.transport import ResponseTooLarge, TransportError

__all__ = ["MAX_BODY_BYTES", "AnswerCut", "describe_error", "read_capped"]

MAX_BODY_BYTES = 8 * 1024 * 1024
"""The largest response body the kit reads (8 MiB): a larger one is reported as too large."""


class AnswerCut(TransportError):
    """The answer started (its status line arrived) and then broke."""


def read_capped(response: Any) -> bytes:
    read = getattr(response, "read1", None) or response.read
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            try:
                chunk = read(64 * 1024)
            except (HTTPError, OSError) as exc:
                raise AnswerCut(f"the body was cut off ({describe_error(exc)})") from None
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise ResponseTooLarge(f"body larger than {MAX_BODY_BYTES} bytes")
            chunks.append(chunk)
    finally:
        response.release_conn()
    return b"".join(chunks)


def describe_error(exc: BaseException) -> str:
    """``Type: message`` of an exception (its urllib3 reason if it has one), at most 300 chars."""
    reason = getattr(exc, "reason", None)
    shown = reason if isinstance(reason, BaseException) else exc
    text = f"{type(shown).__name__}: {shown}"
    return text if len(text) <= 300 else text[:300] + "..."
