"""Fault injection, for testing a client's retries: a random failure rate and per-request controls.

A random failure (``fail_rate`` P): each authenticated request to an operation fails with
probability P, as 429 ``rate_limit_error``, 503 ``api_error`` or 529 ``overloaded_error`` (one
third each), with ``retry-after: 0`` by default. The draws come from one ``random.Random(seed)``:
with a seed, the same sequence of requests meets the same failures.

Control headers, read only when the server runs with ``faults=True`` (``--faults``); a faithful
server must not react to them otherwise. They act on authenticated requests to an operation:

``x-mock-status: NNN``
    Answer NNN (400..599) with the spec's error body for that status.
``x-mock-fail-times: N`` with ``x-mock-key: K``
    The first N requests carrying key K fail (with ``x-mock-status``, 529 by default); the
    following ones go through. A key is a name of your choosing, one per test.
``x-mock-retry-after: S``
    The ``retry-after`` header of the injected failure, in seconds (0..3600).
``x-mock-delay-ms: MS``
    Wait MS milliseconds (0..60000) before answering.
``x-mock-error-code: CODE``
    With a failure, the error body carries ``"details": {"error_code": CODE}`` (CODE: 1 to 64
    characters of ``a-z0-9_``), as the API does for errors with a precise cause
    (``organization_on_hold``...): SDKs pick their error class by it.

A bad control value is a 400 ``invalid_request_error`` naming the header.
"""

from __future__ import annotations

import random
import re
import threading
from collections import OrderedDict
from typing import Any, Mapping, Optional

import attrs

from anthropic_models._retry import should_retry_status
from anthropic_models.server.request import BadRequest
from anthropic_models.server.responses import status_line

__all__ = ["CONTROL_HEADERS", "RANDOM_FAULT_STATUSES", "Fault", "FaultInjector", "FaultPlan"]

RANDOM_FAULT_STATUSES = (429, 503, 529)  # not the spec's: the server's choice
"""The statuses a random failure picks from, with equal chances."""

CONTROL_HEADERS = (
    "x-mock-status",
    "x-mock-fail-times",
    "x-mock-key",
    "x-mock-retry-after",
    "x-mock-delay-ms",
    "x-mock-error-code",
)
"""The request headers that control faults when they are enabled."""

_MAX_KEYS = 10_000
_ERROR_CODE = re.compile(r"[a-z0-9_]{1,64}\Z")


@attrs.frozen
class Fault:
    """An injected failure: its status, its retry-after header (if any) and its message."""

    status: int
    retry_after: Optional[str]
    message: str
    error_code: Optional[str] = None


@attrs.frozen
class FaultPlan:
    """What fault injection does to one request: wait, then maybe fail."""

    delay_seconds: float = 0.0
    fault: Optional[Fault] = None


_NO_FAULT = FaultPlan()


def _header(environ: Mapping[str, Any], name: str) -> Optional[str]:
    value = environ.get("HTTP_" + name.upper().replace("-", "_"))
    return None if value is None else str(value).strip(" \t")


def _int_header(environ: Mapping[str, Any], name: str, low: int, high: int) -> Optional[int]:
    text = _header(environ, name)
    if text is None:
        return None
    if not (text.isascii() and text.isdigit() and len(text) <= 8 and low <= int(text) <= high):
        raise BadRequest(f"{name}: expected an integer from {low} to {high}, got {text[:32]!r}")
    return int(text)


class FaultInjector:
    """Decides, per request, the injected delay and failure (thread-safe)."""

    def __init__(
        self,
        *,
        fail_rate: float = 0.0,
        seed: Optional[int] = None,
        controls: bool = False,
        retry_after: int = 0,
    ) -> None:
        if not 0.0 <= fail_rate <= 1.0:
            raise ValueError(f"fail_rate must be within 0..1, got {fail_rate!r}")
        if retry_after < 0:
            raise ValueError(f"retry_after must not be negative, got {retry_after!r}")
        self.fail_rate = fail_rate
        self.controls = controls
        self.retry_after = retry_after
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._seen: OrderedDict[str, int] = OrderedDict()

    @property
    def active(self) -> bool:
        """Whether any request can be delayed or failed."""
        return self.controls or self.fail_rate > 0

    def plan(self, environ: Mapping[str, Any]) -> FaultPlan:
        """The delay and failure for this request; BadRequest for a bad control header."""
        if not self.active:
            return _NO_FAULT
        delay = 0.0
        retry_after: Optional[int] = None
        if self.controls:
            code = _header(environ, "x-mock-error-code")
            if code is not None and not _ERROR_CODE.match(code):
                raise BadRequest(
                    f"x-mock-error-code: expected 1 to 64 characters of a-z, 0-9 and _, "
                    f"got {code[:32]!r}"
                )
            delay = (_int_header(environ, "x-mock-delay-ms", 0, 60_000) or 0) / 1000
            status = _int_header(environ, "x-mock-status", 400, 599)
            retry_after = _int_header(environ, "x-mock-retry-after", 0, 3600)
            times = _int_header(environ, "x-mock-fail-times", 0, 1_000_000)
            if times is not None:
                key = _header(environ, "x-mock-key")
                if not key:
                    raise BadRequest("x-mock-fail-times: needs an x-mock-key header naming the key")
                count = self._count(key)
                if count <= times:
                    note = f"failure {count} of {times} for x-mock-key {key[:64]!r}"
                    fault = self._fault(status or 529, retry_after, note, code)
                    return FaultPlan(delay, fault)
            elif status is not None:
                return FaultPlan(delay, self._fault(status, retry_after, "x-mock-status", code))
        if self.fail_rate > 0:
            with self._lock:
                draw = self._rng.random()
            if draw < self.fail_rate:
                pick = RANDOM_FAULT_STATUSES[
                    int(draw / self.fail_rate * len(RANDOM_FAULT_STATUSES))
                ]
                return FaultPlan(delay, self._fault(pick, retry_after, "random failure"))
        return FaultPlan(delay) if delay else _NO_FAULT

    def _count(self, key: str) -> int:
        with self._lock:
            count = self._seen.pop(key, 0) + 1
            self._seen[key] = count
            if len(self._seen) > _MAX_KEYS:
                self._seen.popitem(last=False)
            return count

    def _fault(
        self, status: int, retry_after: Optional[int], why: str, error_code: Optional[str] = None
    ) -> Fault:
        if retry_after is None and should_retry_status(status, {}):
            retry_after = self.retry_after
        phrase = status_line(status).split(" ", 1)[1]
        return Fault(
            status=status,
            retry_after=None if retry_after is None else str(retry_after),
            message=f"{phrase} (injected by the reference server: {why})",
            error_code=error_code,
        )
