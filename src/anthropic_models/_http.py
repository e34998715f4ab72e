"""urllib3 set-up: timeouts, base URL checks, and urllib3 errors as the package's own."""

from __future__ import annotations

import math
import re
import socket
from typing import Optional, Union
from urllib.parse import urlsplit

from urllib3 import Timeout
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
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
MAX_WAIT = 1_000_000.0
"""The longest wait, in seconds, any setting may ask for (about 11.6 days): a timeout, a retry wait.

Sockets, timers and ``time.sleep`` overflow somewhere above 9e9 s; a round bound far below that is
refused up front with this number in the message, instead of an ``OverflowError`` mid-call.
"""


def seconds(name: str, value: object, maximum: Optional[float] = MAX_WAIT) -> float:
    """A positive, finite number of seconds up to ``maximum``, or InvalidArgumentError saying so.

    >>> seconds("timeout", 10**400)
    Traceback (most recent call last):
    anthropic_models.errors.InvalidArgumentError: timeout must be a positive, finite number of seconds up to 1000000, not a number that large
    """
    number = math.nan
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:  # an int beyond any float
            number = math.inf
    if 0 < number < math.inf and (maximum is None or number <= maximum):
        return number
    bound = "" if maximum is None else f" up to {maximum:.0f}"
    shown = "a number that large" if number > 1e15 else repr(value)
    raise InvalidArgumentError(
        f"{name} must be a positive, finite number of seconds{bound}, not {shown}"
    )


def _number(value: object) -> Optional[float]:
    """A urllib3 Timeout field as a number, or None when unset (its DEFAULT sentinel or None)."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def make_timeout(timeout: Union[float, Timeout, None]) -> Timeout:
    """A number is both the connect and the read timeout; a Timeout is checked and normalised.

    None is refused, and so is a Timeout that leaves the connect or the read unbounded: never
    wait forever. ``total`` bounds both (``Timeout(total=5)`` is connect 5, read 5, total 5); no
    bound may exceed :data:`MAX_WAIT`.

    >>> make_timeout(Timeout(total=5, read=30))
    Timeout(connect=5.0, read=5.0, total=5.0)
    >>> make_timeout(Timeout(connect=None, read=None))
    Traceback (most recent call last):
    anthropic_models.errors.InvalidArgumentError: timeout leaves the connect unbounded: give connect and read (or total) as numbers of seconds; never wait forever
    """
    if not isinstance(timeout, Timeout):
        value = seconds("timeout", timeout)
        return Timeout(connect=value, read=value)
    total = _number(timeout.total)
    bounds: dict[str, float] = {}
    for name, own in (("connect", _number(timeout._connect)), ("read", _number(timeout._read))):
        given = [bound for bound in (own, total) if bound is not None]
        if not given:
            raise InvalidArgumentError(
                f"timeout leaves the {name} unbounded: give connect and read (or total) as "
                "numbers of seconds; never wait forever"
            )
        bounds[name] = seconds(f"the {name} timeout", min(given))
    if total is not None:
        total = seconds("the total timeout", total)
    return Timeout(connect=bounds["connect"], read=bounds["read"], total=total)


def read_timeout(timeout: Timeout) -> float:
    """The read bound of a timeout :func:`make_timeout` made, without starting its timer."""
    bounds = [b for b in (_number(timeout._read), _number(timeout.total)) if b is not None]
    return min(bounds) if bounds else DEFAULT_TIMEOUT.read_timeout  # type: ignore[return-value]


def body_timeout(timeout: Timeout) -> Optional[float]:
    """How long the body may take once the headers are in: the read timeout."""
    return read_timeout(timeout)


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


def host_of(url: str) -> str:
    """The host (and port) of a URL, for messages: never its userinfo, path or query.

    >>> host_of("https://user:pw@api.example.com:8443/v1/models?after_id=x")
    'api.example.com:8443'
    """
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return "the server"
    host = f"[{host}]" if ":" in host else host
    return f"{host}:{port}" if port else host or "the server"


def connection_error(
    exc: BaseException, url: str, timeout: Optional[Timeout] = None
) -> APIConnectionError:
    """The package's error for what urllib3 raised, in the official SDK's words.

    ``Connection to HOST failed: REASON`` for a connection that failed, ``Request to HOST timed
    out after Ns`` for a timeout (N, the connect or read timeout that ran out). HOST is the host
    and port of ``url``: never a credential, a path or a query string.
    """
    host = host_of(url)
    reason = (exc.reason or exc) if isinstance(exc, MaxRetryError) else exc
    failed = f"Connection to {host} failed"
    via = ""
    if isinstance(reason, ProxyError):
        inner = reason.args[1] if len(reason.args) > 1 else reason
        if not isinstance(inner, _TIMEOUTS) or isinstance(inner, NewConnectionError):
            return APIConnectionError(f"{failed}: the proxy failed ({_reason(inner)})")
        reason, via = inner, " (through the proxy)"  # urllib3 2 wraps a tunnelled read timeout
    if isinstance(reason, SSLError) or isinstance(getattr(reason, "__cause__", None), SSLError):
        return APIConnectionError(
            f"{failed}: TLS failed ({_reason(reason)}); if a private CA signs this server's "
            "certificate, set SSL_CERT_FILE (or pass ca_certs= or ssl_context=)"
        )
    # NewConnectionError subclasses ConnectTimeoutError in urllib3 2: test it first.
    if isinstance(reason, NewConnectionError):
        return APIConnectionError(f"{failed}: cannot connect ({_reason(reason)})")
    if isinstance(reason, _TIMEOUTS):
        after = ""
        if timeout is not None:
            connecting = isinstance(reason, ConnectTimeoutError)
            bound = timeout.connect_timeout if connecting else read_timeout(timeout)
            after = f" after {bound:g}s" if isinstance(bound, (int, float)) else ""
        return APITimeoutError(f"Request to {host} timed out{after}{via}")
    return APIConnectionError(f"{failed}: {_reason(reason)}")


_TIMEOUTS = (ConnectTimeoutError, ReadTimeoutError, Urllib3TimeoutError, socket.timeout)


def _reason(exc: BaseException) -> str:
    """Why: the operating system's words if an OSError is in the chain, else urllib3's message
    without the pool or connection object it starts with."""
    seen: Optional[BaseException] = exc
    while seen is not None:
        if isinstance(seen, OSError) and not isinstance(seen, HTTPError) and seen.strerror:
            return _short(seen.strerror)
        seen = seen.__cause__ or seen.__context__
    return _short(re.sub(r"^(?:<[^>]*>|\w+\([^)]*\)): ", "", str(exc)))


def _short(text: str) -> str:
    return text if len(text) <= 300 else text[:300] + "..."
