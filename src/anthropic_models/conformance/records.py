"""The records of a run: each request as a report shows it, and the answer it got."""

from __future__ import annotations

import json
from typing import Any, Optional

import attrs

__all__ = ["Exchange", "RetryNote", "SentRequest", "UnreadableBody"]

_SHOWN_TARGET = 160


class UnreadableBody(ValueError):
    """A body that cannot be read as JSON; the message says why, as a report shows it."""


@attrs.frozen
class SentRequest:
    """One request as a report shows it: method, path and query relative to the base URL, credential."""

    method: str
    target: str
    auth: str

    def __str__(self) -> str:
        shown = self.target
        if len(shown) > _SHOWN_TARGET:
            shown = shown[:_SHOWN_TARGET] + f"...({len(self.target)} chars)"
        return f"{self.method} {shown} ({self.auth})"

    def to_dict(self) -> dict[str, str]:
        """The request as JSON-ready data."""
        return {"method": self.method, "target": self.target, "auth": self.auth}


@attrs.frozen
class RetryNote:
    """A request that met a dropped connection before any answer and was sent once more."""

    request: SentRequest
    reason: str
    """What the first attempt met (redacted)."""

    def __str__(self) -> str:
        return f"{self.request} retried once on a fresh connection after {self.reason}"


@attrs.frozen
class Exchange:
    """A request and the answer it got."""

    request: SentRequest
    operation: str
    """The spec's operationId the request was meant for (``list_models`` or ``get_model``)."""
    status: int
    headers: Any
    body: bytes
    seconds: float
    retried: Optional[str] = None
    """Why the request was sent a second time (None when the first attempt was answered)."""

    def header(self, name: str) -> Optional[str]:
        """A response header (case-insensitive), or None."""
        value = self.headers.get(name)
        return value if isinstance(value, str) else None

    def json(self) -> Any:
        """The body parsed as JSON; :class:`UnreadableBody` (a ValueError) saying why it is not."""
        try:
            return json.loads(self.body)
        except RecursionError:
            raise UnreadableBody("the body is JSON nested too deep to parse") from None
        except ValueError:
            raise UnreadableBody("the body is not JSON") from None

    def __str__(self) -> str:
        return f"{self.request} -> {self.status}"
