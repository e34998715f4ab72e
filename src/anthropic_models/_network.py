"""Where requests go on a real network: the proxy to use (or none), and the certificates to trust.

Proxies are read the way curl, requests and httpx read them: ``HTTPS_PROXY`` for https URLs,
``HTTP_PROXY`` for http ones, ``ALL_PROXY`` for either, each also in lower case (the lower-case
name wins), and ``NO_PROXY`` listing hosts that go direct: ``*``, host names (matching their
subdomains too, with or without a leading dot), IP addresses and CIDR ranges, each optionally with
``:port``. Loopback targets (``localhost``, ``127.0.0.0/8``, ``::1``) never use a proxy from the
environment, as Go's ``ProxyFromEnvironment``: plain http is allowed there only because the key
stays on this machine. An explicit ``proxy=`` is always used, loopback or not. ``SSL_CERT_FILE``
and ``SSL_CERT_DIR`` name the certificates to trust instead of the system's; they are read only
when TLS is used (an https URL or a proxy), so a stale one does not break a plain-http loopback
call. ``trust_env=False`` ignores all of these variables.

A bad setting is an ``InvalidArgumentError`` naming it (``proxy``, ``HTTPS_PROXY``,
``SSL_CERT_FILE``...), never showing its value: a proxy URL may hold a password. A proxy URL
urllib3 could not parse (a space, a control character) is refused here, not as a traceback later.

Every pool :func:`make_pool` builds bounds the whole response: the status line and headers must
arrive within the read timeout of the request (see ``_Watchdog`` below), as the transport bounds
the body.

>>> settings = NetworkSettings.build("https://api.anthropic.com", proxy="http://u:p@proxy:3128",
...                                  trust_env=False)
>>> settings.proxy_url, settings
('http://proxy:3128', NetworkSettings(proxy='http://proxy:3128', proxy_auth=<set>, ca_certs=None, ca_dir=None, ssl_context=None))
"""

from __future__ import annotations

import base64
import contextlib
import heapq
import ipaddress
import itertools
import os
import socket
import ssl
import threading
import time
from typing import Any, Callable, Mapping, Optional
from urllib.parse import unquote, urlsplit

import attrs
import urllib3
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool, PoolManager, ProxyManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

from anthropic_models._redact import header_secrets
from anthropic_models.errors import InvalidArgumentError, MissingDependencyError

__all__ = [
    "NetworkSettings",
    "bypasses_proxy",
    "is_loopback",
    "make_pool",
    "proxy_from_environment",
    "proxy_setting",
]


def _env(environ: Mapping[str, str], name: str) -> Optional[tuple[str, str]]:
    """A variable's name and value, by its lower-case name first; empty means unset."""
    for key in (name.lower(), name.upper()):
        value = environ.get(key)
        if value is not None and value.strip():
            return key, value.strip()
    return None


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address, IPv6 without brackets) is this machine.

    >>> [is_loopback(h) for h in ("localhost", "api.localhost", "127.8.0.1", "::1", "10.0.0.1")]
    [True, True, True, True, False]
    """
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def proxy_setting(url: str, environ: Mapping[str, str]) -> Optional[tuple[str, str]]:
    """The variable naming the proxy for ``url`` and its value, or None (go direct).

    Loopback targets never go through a proxy from the environment (as Go's
    ``ProxyFromEnvironment``): plain http is allowed there only because the key stays on this
    machine, and a proxy would carry it across a network.

    >>> proxy_setting("https://api.test", {"HTTPS_PROXY": "http://p:1"})
    ('HTTPS_PROXY', 'http://p:1')
    >>> proxy_setting("http://localhost:8080", {"HTTP_PROXY": "http://p:1"}) is None
    True
    """
    parts = urlsplit(url)
    if is_loopback(parts.hostname or ""):
        return None
    setting = _env(environ, f"{parts.scheme}_proxy") or _env(environ, "all_proxy")
    no_proxy = _env(environ, "no_proxy")
    if setting is None or bypasses_proxy(url, no_proxy[1] if no_proxy else ""):
        return None
    return setting


def proxy_from_environment(url: str, environ: Mapping[str, str]) -> Optional[str]:
    """The proxy the environment names for ``url``, or None (direct, loopback, or NO_PROXY).

    >>> proxy_from_environment("https://api.test", {"HTTPS_PROXY": "http://p:1", "NO_PROXY": ".test"})
    >>> proxy_from_environment("https://api.test", {"ALL_PROXY": "http://p:1"})
    'http://p:1'
    """
    setting = proxy_setting(url, environ)
    return None if setting is None else setting[1]


def bypasses_proxy(url: str, no_proxy: str) -> bool:
    """Whether ``url`` goes direct under this NO_PROXY list.

    >>> [bypasses_proxy(u, "example.com, 10.0.0.0/8, .corp:8443") for u in
    ...  ("https://api.example.com", "https://10.1.2.3", "https://x.corp:8443", "https://x.corp")]
    [True, True, True, False]
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address: Any
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    for raw in no_proxy.replace(";", ",").split(","):
        entry = raw.strip().lower()
        if not entry:
            continue
        if entry == "*":
            return True
        entry_host, entry_port = entry, None
        if entry.startswith("[") and "]" in entry:  # [v6]:port
            entry_host, _, rest = entry[1:].partition("]")
            entry_port = rest[1:] if rest.startswith(":") else None
        elif entry.count(":") == 1:
            entry_host, entry_port = entry.split(":")
        if entry_port is not None and entry_port != str(port):
            continue
        if address is not None:
            try:
                if address in ipaddress.ip_network(entry_host, strict=False):
                    return True
            except ValueError:
                pass
            continue
        name = entry_host.lstrip(".")
        if name and (host == name or host.endswith("." + name)):
            return True
    return False


def _split_credentials(proxy: str, setting: str) -> tuple[str, Optional[str]]:
    """The proxy URL without its credentials, and ``user:password`` if it had some.

    Errors name the ``setting`` the URL came from (``proxy``, ``HTTPS_PROXY``...), never its text,
    which may hold a password.
    """
    if any(char.isspace() or not char.isprintable() for char in proxy):
        raise InvalidArgumentError(
            f"{setting} is not a valid proxy URL: it holds a space or a control character "
            "(its text is not shown)"
        )
    try:
        parts = urlsplit(proxy if "://" in proxy else "http://" + proxy)
        parts.port  # noqa: B018 - raises ValueError on a bad port
        parse_url(proxy)
    except (ValueError, LocationParseError):
        raise InvalidArgumentError(
            f"{setting} is not a valid proxy URL (its text is not shown)"
        ) from None
    if parts.scheme.startswith("socks"):
        raise MissingDependencyError(
            f"{setting}: a {parts.scheme} proxy needs PySocks, which this package does not "
            "install; use an http(s) proxy, or pass pool=urllib3.contrib.socks.SOCKSProxyManager(...)"
        )
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidArgumentError(
            f"{setting} must be an http:// or https:// URL with a host (its text is not shown)"
        )
    auth = None
    if parts.username is not None:
        # Percent-escapes decode to the exact bytes they name (surrogateescape keeps non-UTF-8).
        user = unquote(parts.username, errors="surrogateescape")
        auth = f"{user}:{unquote(parts.password or '', errors='surrogateescape')}"
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return f"{parts.scheme}://{netloc}", auth


def _env_path(
    environ: Mapping[str, str], name: str, check: Callable[[str], bool], what: str
) -> Optional[str]:
    """A path from the environment, checked; the error names the variable, never its value."""
    setting = _env(environ, name)
    if setting is None:
        return None
    if not check(setting[1]):
        raise InvalidArgumentError(
            f"{setting[0]} is set but is not {what} (its value is not shown); fix or unset it"
        )
    return setting[1]


@attrs.frozen(kw_only=True)
class NetworkSettings:
    """The proxy and trust settings of one client, resolved once; credentials never shown."""

    proxy_url: Optional[str] = attrs.field(default=None, repr=False)
    proxy_auth: Optional[str] = attrs.field(default=None, repr=False)
    ca_certs: Optional[str] = None
    ca_dir: Optional[str] = None
    ssl_context: Optional[ssl.SSLContext] = None

    def __repr__(self) -> str:
        return (
            f"NetworkSettings(proxy={self.proxy_url!r}, "
            f"proxy_auth={'<set>' if self.proxy_auth else '<unset>'}, ca_certs={self.ca_certs!r}, "
            f"ca_dir={self.ca_dir!r}, ssl_context={self.ssl_context!r})"
        )

    @property
    def secrets(self) -> tuple[str, ...]:
        """What must never be printed: the proxy's password, user:password, and the
        ``Proxy-Authorization`` header they make (its base64 is only an encoding)."""
        if not self.proxy_auth:
            return ()
        password = self.proxy_auth.partition(":")[2]
        found = (*header_secrets(self.proxy_headers()), self.proxy_auth, password)
        return tuple(dict.fromkeys(s for s in found if s))

    def proxy_headers(self) -> dict[str, str]:
        """The headers the proxy is sent: ``Proxy-Authorization`` when the URL had credentials."""
        if not self.proxy_auth:
            return {}
        # UTF-8 (RFC 7617), not urllib3's Latin-1, which cannot encode "€" and raised.
        token = base64.b64encode(self.proxy_auth.encode("utf-8", "surrogateescape"))
        return {"proxy-authorization": "Basic " + token.decode("ascii")}

    @classmethod
    def build(
        cls,
        base_url: str,
        *,
        proxy: Optional[str] = None,
        ca_certs: Optional[str] = None,
        ssl_context: Optional[ssl.SSLContext] = None,
        trust_env: bool = True,
        environ: Optional[Mapping[str, str]] = None,
    ) -> NetworkSettings:
        """Resolve the settings for requests to ``base_url`` (explicit arguments win)."""
        environ = os.environ if environ is None else environ
        if not isinstance(trust_env, bool):
            raise InvalidArgumentError(f"trust_env must be True or False, not {trust_env!r}")
        if proxy is not None and not isinstance(proxy, str):
            raise InvalidArgumentError(f"proxy must be a URL string, not {type(proxy).__name__}")
        if ssl_context is not None and not isinstance(ssl_context, ssl.SSLContext):
            raise InvalidArgumentError("ssl_context must be an ssl.SSLContext")
        if ssl_context is not None and ca_certs is not None:
            raise InvalidArgumentError("give ca_certs or ssl_context, not both")
        setting = "proxy"
        if proxy is None and trust_env:
            setting, proxy = proxy_setting(base_url, environ) or (setting, None)
        proxy_url, auth = _split_credentials(proxy, setting) if proxy else (None, None)
        ca_dir = None
        tls_target = urlsplit(base_url).scheme == "https" or proxy_url is not None
        if ca_certs is not None and not isinstance(ca_certs, (str, os.PathLike)):
            raise InvalidArgumentError(f"ca_certs must be a path, not {type(ca_certs).__name__}")
        ca_certs = None if ca_certs is None else os.fspath(ca_certs)
        if ca_certs is not None and not os.path.isfile(ca_certs):
            raise InvalidArgumentError("ca_certs is not a readable file (its path is not shown)")
        if ca_certs is None and ssl_context is None and trust_env and tls_target:
            ca_certs = _env_path(environ, "SSL_CERT_FILE", os.path.isfile, "a readable file")
            ca_dir = _env_path(environ, "SSL_CERT_DIR", os.path.isdir, "a directory")
        return cls(
            proxy_url=proxy_url,
            proxy_auth=auth,
            ca_certs=ca_certs,
            ca_dir=ca_dir,
            ssl_context=ssl_context,
        )


def make_pool(settings: NetworkSettings, maxsize: int = 16) -> PoolManager:
    """A pool (through the proxy, if any) keeping ``maxsize`` connections per host."""
    tls: dict[str, Any] = {}
    if settings.ssl_context is not None:
        tls["ssl_context"] = settings.ssl_context
    if settings.ca_certs is not None:
        tls["ca_certs"] = settings.ca_certs
    if settings.ca_dir is not None:
        tls["ca_cert_dir"] = settings.ca_dir
    if settings.proxy_url is None:
        return _bounded(PoolManager(num_pools=4, maxsize=maxsize, block=False, **tls))
    headers = settings.proxy_headers() or None
    return _bounded(
        ProxyManager(
            settings.proxy_url,
            num_pools=4,
            maxsize=maxsize,
            block=False,
            proxy_headers=headers,
            **tls,
        )
    )


# -- the response deadline -------------------------------------------------------------------------
# urllib3's read timeout bounds each recv(), not the response: a server sending its status line
# and headers a byte at a time holds a request for ever. The connections of make_pool's pools
# arm a watchdog when they wait for the response; when the read timeout has passed since the
# request was sent, it shuts the socket down, and getresponse raises socket.timeout, which urllib3
# turns into ReadTimeoutError (the client's APITimeoutError). One daemon thread serves every pool.


class _Watchdog:
    """One thread that shuts down the sockets of responses past their deadline."""

    def __init__(self) -> None:
        self._due: list[tuple[float, int, _Watch]] = []
        self._count = itertools.count()
        self._wake = threading.Condition()
        self._thread: Optional[threading.Thread] = None
        self._compact_at = 1024

    def watch(self, sock: object, seconds: float) -> _Watch:
        """Arm a deadline ``seconds`` from now for this socket."""
        watch = _Watch(sock)
        with self._wake:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="anthropic-models-watchdog", daemon=True
                )
                self._thread.start()
            if len(self._due) > self._compact_at:  # answered entries wait for their deadline
                self._due = [entry for entry in self._due if not entry[2].done]
                heapq.heapify(self._due)
                self._compact_at = 2 * len(self._due) + 1024
            heapq.heappush(self._due, (time.monotonic() + seconds, next(self._count), watch))
            if self._due[0][2] is watch:
                self._wake.notify()
        return watch

    def _run(self) -> None:
        with self._wake:
            while True:
                while self._due and self._due[0][2].done:
                    heapq.heappop(self._due)  # answered in time: drop it
                if not self._due:
                    self._wake.wait()
                    continue
                left = self._due[0][0] - time.monotonic()
                if left > 0:
                    self._wake.wait(left)
                    continue
                heapq.heappop(self._due)[2].fire()


class _Watch:
    """The deadline of one response: fired (socket shut down) or done (answered), not both."""

    __slots__ = ("_lock", "_sock", "done", "fired")

    def __init__(self, sock: object) -> None:
        self._sock = sock
        self._lock = threading.Lock()
        self.done = self.fired = False

    def fire(self) -> None:
        with self._lock:
            if self.done:
                return
            self.fired = True
        raw = getattr(self._sock, "socket", self._sock)  # urllib3's SSLTransport wraps one
        if isinstance(raw, socket.socket):
            with contextlib.suppress(OSError):
                socket.socket.shutdown(raw, socket.SHUT_RDWR)  # not SSLSocket's: it unwraps

    def finish(self) -> bool:
        """Mark the response answered; False if the deadline fired first."""
        with self._lock:
            self.done, self._sock = True, None
            return not self.fired


_WATCHDOG = _Watchdog()
_URLLIB3_1 = str(getattr(urllib3, "__version__", "2")).startswith("1.")


def _read_timeout(conn: Any) -> Optional[float]:
    """The read timeout urllib3 set for this response (on the socket in 1.26, on conn in 2)."""
    value = conn.sock.gettimeout() if _URLLIB3_1 and conn.sock is not None else conn.timeout
    return float(value) if isinstance(value, (int, float)) and value > 0 else None


class _BoundedResponse:
    """A mixin for urllib3 connections: the status line and headers arrive within the read timeout."""

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        seconds = _read_timeout(self)
        sock = getattr(self, "sock", None)
        if seconds is None or sock is None:
            return super().getresponse(*args, **kwargs)  # type: ignore[misc]
        watch = _WATCHDOG.watch(sock, seconds)
        try:
            response = super().getresponse(*args, **kwargs)  # type: ignore[misc]
        except BaseException:
            if not watch.finish():
                raise socket.timeout(f"no complete response headers within {seconds:g} s") from None
            raise
        if not watch.finish():
            response.close()
            raise socket.timeout(f"no complete response headers within {seconds:g} s")
        return response


class _HTTPConnection(_BoundedResponse, HTTPConnection):
    pass


class _HTTPSConnection(_BoundedResponse, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


def _bounded(pool: PoolManager) -> PoolManager:
    """The pool, its connections bounded by the response deadline."""
    pool.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
    return pool
