"""What every response of the reference server shares: request ids, error bodies, status lines."""

from __future__ import annotations

import http
import json
import secrets
from typing import Any, Optional

__all__ = ["ERROR_TYPES", "error_body", "error_type_for", "new_request_id", "status_line"]

ERROR_TYPES: dict[int, str] = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "billing_error",
    403: "permission_error",
    404: "not_found_error",
    405: "invalid_request_error",
    409: "conflict_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    503: "api_error",
    504: "timeout_error",
    529: "overloaded_error",
}
"""The error ``type`` of each status the server can answer; others fall back by range."""

_PHRASES = {529: "Overloaded"}


def new_request_id() -> str:
    """A fresh request id: ``req_`` and 24 hex digits (96 random bits).

    >>> rid = new_request_id()
    >>> rid.startswith("req_"), len(rid)
    (True, 28)
    """
    return "req_" + secrets.token_hex(12)


def error_type_for(status: int) -> str:
    """The error ``type`` for a status: documented ones first, then by range."""
    return ERROR_TYPES.get(status, "api_error" if status >= 500 else "invalid_request_error")


def error_body(
    error_type: str,
    message: str,
    request_id: Optional[str] = None,
    *,
    error_code: Optional[str] = None,
) -> bytes:
    """The spec's error body, compact UTF-8 JSON, with the id of the ``request-id`` header if given
    and ``details.error_code`` if given.

    >>> error_body("not_found_error", "no such path", "req_0")
    b'{"type":"error","error":{"type":"not_found_error","message":"no such path"},"request_id":"req_0"}'
    """
    error: dict[str, Any] = {"type": error_type, "message": message}
    if error_code is not None:
        error["details"] = {"error_code": error_code}
    body: dict[str, Any] = {"type": "error", "error": error}
    if request_id is not None:
        body["request_id"] = request_id
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def status_line(status: int) -> str:
    """``"404 Not Found"``; 529 and unknown codes get a phrase too."""
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = _PHRASES.get(status, "Error" if status >= 400 else "Unknown")
    return f"{status} {phrase}"
