"""urllib3 set-up: pools, timeouts, base URL checks, and urllib3 errors as the package's own."""

from __future__ import annotations

import math
from typing import Optional, Union
from urllib.parse import urlsplit

from urllib3 import Timeout
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NewConnectionError,
    ProxyError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.exceptions import (
    TimeoutError as Urllib3TimeoutError,
)

from anthropic_models._network import is_loopback
from anthropic_models.errors import APIConnectionError, APITimeoutError, InvalidArgumentError

DEFAULT_TIMEOUT = Timeout(connect=5.0, read=60.0)


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
    if parts.scheme == "http" and not is_loopback(host):
        raise InvalidArgumentError(
            f"refusing plain http to {host}: the API key would travel in clear; use https "
            "(plain http is allowed for loopback addresses only)"
        )
    return base_url.rstrip("/")


def connection_error(exc: BaseException, what: str) -> APIConnectionError:
    """The package's error for what urllib3 raised (after its retries, if any)."""
    reason = exc.reason if isinstance(exc, MaxRetryError) else exc
    if isinstance(reason, ProxyError):
        inner = reason.args[1] if len(reason.args) > 1 else reason
        return APIConnectionError(f"{what}: the proxy failed ({_short(inner)})")
    if isinstance(reason, SSLError) or isinstance(getattr(reason, "__cause__", None), SSLError):
        return APIConnectionError(
            f"{what}: TLS failed ({_short(reason)}); if a private CA signs this server's "
            "certificate, set SSL_CERT_FILE (or pass ca_certs= or ssl_context=)"
        )
    # NewConnectionError subclasses ConnectTimeoutError in urllib3 2: test it first.
    if isinstance(reason, NewConnectionError):
        return APIConnectionError(f"{what}: cannot connect ({_short(reason)})")
    if isinstance(reason, (ConnectTimeoutError, ReadTimeoutError, Urllib3TimeoutError)):
        return APITimeoutError(f"{what}: timed out ({_short(reason)})")
    return APIConnectionError(f"{what}: {_short(reason)}")


def _short(exc: object) -> str:
    text = str(exc)
    return text if len(text) <= 300 else text[:300] + "..."
