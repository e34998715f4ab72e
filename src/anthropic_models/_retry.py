"""When a request is retried, and how long to wait: one decision for statuses and failures alike.

The policy is the official SDK's, made safer in one way. Connection failures, timeouts, bodies cut
short, 408, 409, 429 and every 5xx are retried (``x-should-retry: true|false`` overrides the
status), ``max_retries`` times at most. The wait is what ``retry-after-ms`` or ``retry-after``
(seconds or an HTTP date) asks for, else 0.5 s doubling up to 8 s, less up to 25 % jitter. A server
that asks for a longer wait than ``max_retry_wait`` is not hammered with a short backoff instead:
the call gives up at once, and the error carries the server's ``retry_after``.

An absurd ``retry-after`` never overflows: ``1e200`` is a wait longer than any ``max_retry_wait``
(itself at most ``MAX_WAIT``, about 11.6 days), so the call stops; a date no clock can hold (the
year 10**20) is ignored, as a value that is not a date.

>>> policy = RetryPolicy(max_retries=2, max_retry_wait=60.0)
>>> policy.decide(0, status=503, headers={"retry-after": "2"})
Decision(retry=True, wait=2.0, retry_after=2.0)
>>> policy.decide(0, status=429, headers={"retry-after": "3600"})
Decision(retry=False, wait=0.0, retry_after=3600.0)
>>> policy.decide(2, status=503, headers={})
Decision(retry=False, wait=0.0, retry_after=None)
"""

from __future__ import annotations

import email.utils
import math
import random
import time
from typing import Callable, Mapping, Optional

import attrs

from anthropic_models._http import MAX_WAIT

__all__ = ["Decision", "RetryPolicy", "retry_after", "should_retry_status", "sleep"]

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
DEFAULT_MAX_RETRY_WAIT = 60.0
RETRY_STATUSES = frozenset({408, 409, 429})  # not the spec's: the SDK's retry policy

_sleep = time.sleep  # tests replace this to record waits instead of sleeping


def sleep(seconds: float) -> None:
    """Wait between two attempts."""
    if seconds > 0:
        _sleep(min(seconds, MAX_WAIT))


@attrs.frozen
class Decision:
    """What to do after one attempt: retry after ``wait`` seconds, or stop."""

    retry: bool
    wait: float = 0.0
    retry_after: Optional[float] = None
    """The wait the server asked for (retry-after-ms / retry-after), if it gave a valid one."""


def should_retry_status(status: int, headers: Mapping[str, str]) -> bool:
    """The SDK's rule for a status: ``x-should-retry`` first, then 408, 409, 429 and 5xx."""
    hint = headers.get("x-should-retry")
    if hint == "true":
        return True
    if hint == "false":
        return False
    return status in RETRY_STATUSES or status >= 500


def retry_after(
    headers: Mapping[str, str], now: Callable[[], float] = time.time
) -> Optional[float]:
    """Seconds the server asks to wait (``retry-after-ms``, then ``retry-after``), if positive.

    >>> retry_after({"retry-after-ms": "1500", "retry-after": "9"})
    1.5
    >>> retry_after({"retry-after": "soon"}) is None
    True
    """
    seconds: Optional[float] = None
    millis = headers.get("retry-after-ms")
    if millis is not None:
        seconds = _number(millis)
        seconds = None if seconds is None else seconds / 1000
    text = headers.get("retry-after")
    if seconds is None and text is not None:
        seconds = _number(text)
        if seconds is None:
            seconds = _date(text, now)
    if seconds is not None and seconds > 0:
        return seconds
    return None


def _date(text: str, now: Callable[[], float]) -> Optional[float]:
    """Seconds until an HTTP date; a date no clock can hold is ignored, as text that is no date."""
    parsed = email.utils.parsedate_tz(text)
    if parsed is None:
        return None
    try:
        return email.utils.mktime_tz(parsed) - now()
    except (OverflowError, ValueError):
        return None


def _number(text: str) -> Optional[float]:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """The one place that decides whether an attempt is retried, and after how long.

    ``attempt`` counts the attempts already retried (0 after the first try). ``random`` is the
    jitter source, replaceable for tests.
    """

    max_retries: int = 2
    max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT
    random: Callable[[], float] = attrs.field(default=random.random, repr=False)

    def backoff(self, attempt: int) -> float:
        """0.5 s doubling per attempt up to 8 s, less up to 25 % jitter."""
        delay = min(INITIAL_RETRY_DELAY * 2**attempt, MAX_RETRY_DELAY)
        return float(delay * (1 - 0.25 * self.random()))

    def decide(
        self,
        attempt: int,
        *,
        status: Optional[int] = None,
        headers: Optional[Mapping[str, str]] = None,
        failed: bool = False,
    ) -> Decision:
        """After an answer (``status`` and ``headers``) or a failure (``failed=True``): retry or stop.

        A failure is a connection refused or reset, a timeout, or a body cut short: worth
        another try while retries remain, unless the answer's headers (when they had arrived) said
        ``x-should-retry: false`` (the server's word wins over the failure, as in the SDK 2.16+).
        """
        if failed:
            refused = headers is not None and headers.get("x-should-retry") == "false"
            if attempt < self.max_retries and not refused:
                return Decision(retry=True, wait=self.backoff(attempt))
            return Decision(retry=False)
        assert status is not None
        headers = headers or {}
        asked = retry_after(headers)
        if not should_retry_status(status, headers) or attempt >= self.max_retries:
            return Decision(retry=False, retry_after=asked)
        if asked is None:
            return Decision(retry=True, wait=self.backoff(attempt))
        if asked > min(self.max_retry_wait, MAX_WAIT):
            return Decision(retry=False, retry_after=asked)
        return Decision(retry=True, wait=asked, retry_after=asked)
