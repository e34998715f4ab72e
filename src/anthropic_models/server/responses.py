"""What every response of the reference server shares: request ids, error bodies, status lines."""

from __future__ import annotations

import http
import json
import secrets
from typing import Any, Optional

from anthropic_models_generated.operations import ERROR_TYPES

__all__ = ["ERROR_TYPES", "error_body", "error_type_for", "new_request_id", "status_line"]

_PHRASES = {529: "Overloaded"}


def new_request_id() -> str:
    """A fresh request id: ``req_`` and 24 hex digits (96 random bits).

    >>> rid = new_request_id()
    >>> rid.startswith("req_"), len(rid)
    (True, 28)
    """
    return "req_" + secrets.token_hex(12)


def error_type_for(status: int) -> str:
    """The error ``type`` for a status: the spec's (:data:`ERROR_TYPES`), else by range.

    >>> error_type_for(404), error_type_for(405), error_type_for(502)
    ('not_found_error', 'invalid_request_error', 'api_error')
    """
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
