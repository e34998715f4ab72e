"""urllib3 set-up: the retry policy of the official SDK, timeouts, base URL checks, error mapping."""

from __future__ import annotations

import email.utils
import ipaddress
import math
import random
import time
from typing import Any, Optional, Union
from urllib.parse import urlsplit

from urllib3 import PoolManager, Timeout
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NewConnectionError,
    ReadTimeoutError,
    ResponseError,
)
from urllib3.exceptions import (
    TimeoutError as Urllib3TimeoutError,
)
from urllib3.util.retry import Retry

from anthropic_models.errors import APIConnectionError, APITimeoutError, InvalidArgumentError

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
RETRY_STATUSES = frozenset({408, 409, 429})
DEFAULT_TIMEOUT = Timeout(connect=5.0, read=60.0)

_sleep = time.sleep  # tests replace this to record waits instead of sleeping


def _header(response: Any, name: str) -> Optional[str]:
    value = response.headers.get(name)
    return value if isinstance(value, str) else None


class SDKRetry(Retry):
    """urllib3's Retry with the official SDK's policy.

    Retries connection errors, timeouts, 408, 409, 429 and every 5xx; ``x-should-retry: true`` or
    ``false`` overrides the status. Waits what ``retry-after-ms`` or ``retry-after`` (seconds or an
    HTTP date) says when that is between 0 and 60 s, else 0.5 s doubling up to 8 s, less up to 25 %
    jitter. A response that is not retried is handed back as it is.
    """

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        # The decision needs the response's headers (x-should-retry), which only increment() sees.
        return bool(self.total) and status_code >= 400 and self._is_method_retryable(method)

    def increment(  # type: ignore[override]
        self,
        method: Optional[str] = None,
        url: Optional[str] = None,
        response: Any = None,
        error: Optional[Exception] = None,
        _pool: Any = None,
        _stacktrace: Any = None,
    ) -> Retry:
        if error is None and response is not None and not should_retry(response):
            raise MaxRetryError(
                _pool, url or "", ResponseError(f"{response.status} is not retried")
            )
        return super().increment(method, url, response, error, _pool, _stacktrace)

    def get_retry_after(self, response: Any) -> Optional[float]:
        return retry_after(response)

    def get_backoff_time(self) -> float:
        attempts = max(len(self.history), 1)
        delay = min(INITIAL_RETRY_DELAY * 2 ** (attempts - 1), MAX_RETRY_DELAY)
        return float(delay * (1 - 0.25 * random.random()))

    def sleep(self, response: Any = None) -> None:
        wait = retry_after(response) if response is not None else None
        _sleep(self.get_backoff_time() if wait is None else wait)


def should_retry(response: Any) -> bool:
    """The SDK's rule: x-should-retry first, then 408, 409, 429 and 5xx."""
    hint = _header(response, "x-should-retry")
    if hint == "true":
        return True
    if hint == "false":
        return False
    status: int = response.status
    return status in RETRY_STATUSES or status >= 500


def retry_after(response: Any) -> Optional[float]:
    """Seconds to wait from retry-after-ms or retry-after, if given and within (0, 60]."""
    seconds: Optional[float] = None
    millis = _header(response, "retry-after-ms")
    if millis is not None:
        try:
            seconds = float(millis) / 1000
        except ValueError:
            seconds = None
    text = _header(response, "retry-after")
    if seconds is None and text is not None:
        try:
            seconds = float(text)
        except ValueError:
            parsed = email.utils.parsedate_tz(text)
            seconds = None if parsed is None else email.utils.mktime_tz(parsed) - time.time()
    if seconds is not None and 0 < seconds <= MAX_RETRY_AFTER:
        return seconds
    return None


def make_retry(max_retries: int) -> SDKRetry:
    """The retry state of one call: ``max_retries`` retries in all, redirects never followed."""
    return SDKRetry(
        total=max_retries,
        redirect=0,
        raise_on_redirect=False,
        raise_on_status=False,
        respect_retry_after_header=True,
    )


def make_timeout(timeout: Union[float, Timeout, None]) -> Timeout:
    """A float is both the connect and the read timeout; None is refused (never wait forever)."""
    if isinstance(timeout, Timeout):
        return timeout
    if (
        isinstance(timeout, (int, float))
        and not isinstance(timeout, bool)
        and math.isfinite(timeout)
        and timeout > 0
    ):
        return Timeout(connect=float(timeout), read=float(timeout))
    raise InvalidArgumentError(
        f"timeout must be a positive, finite number or a urllib3 Timeout, not {timeout!r}"
    )


def body_timeout(timeout: Timeout) -> Optional[float]:
    """How long the body may take once the headers are in: the read timeout."""
    read = timeout.read_timeout
    return float(read) if isinstance(read, (int, float)) else None


def make_pool(maxsize: int = 16) -> PoolManager:
    """A pool that keeps up to ``maxsize`` connections per host (one client, many threads)."""
    return PoolManager(num_pools=4, maxsize=maxsize, block=False)


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> str:
    """Refuse URLs that are not http(s), and plain http anywhere but loopback."""
    if not isinstance(base_url, str):
        raise InvalidArgumentError(f"base_url must be a string, not {type(base_url).__name__}")
    try:
        parts = urlsplit(base_url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise InvalidArgumentError(f"base_url {base_url!r} is not a valid URL: {exc}") from None
    if parts.scheme not in ("http", "https") or not host:
        raise InvalidArgumentError(f"base_url must be an http(s) URL with a host, not {base_url!r}")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise InvalidArgumentError(
            "base_url must not carry a query, fragment or credentials (use api_key=)"
        )
    if parts.scheme == "http" and not _is_loopback(host):
        raise InvalidArgumentError(
            f"refusing plain http to {host}: the API key would travel in clear; use https "
            "(plain http is allowed for loopback addresses only)"
        )
    return base_url.rstrip("/")


def connection_error(exc: BaseException, what: str) -> APIConnectionError:
    """The package's error for what urllib3 raised (after its retries, if any)."""
    reason = exc.reason if isinstance(exc, MaxRetryError) else exc
    # NewConnectionError subclasses ConnectTimeoutError in urllib3 2: test it first.
    if isinstance(reason, NewConnectionError):
        return APIConnectionError(f"{what}: cannot connect ({_short(reason)})")
    if isinstance(reason, (ConnectTimeoutError, ReadTimeoutError, Urllib3TimeoutError)):
        return APITimeoutError(f"{what}: timed out ({_short(reason)})")
    return APIConnectionError(f"{what}: {_short(reason)}")


def _short(exc: object) -> str:
    text = str(exc)
    return text if len(text) <= 300 else text[:300] + "..."
