"""The implementation under test: requests through the generated transport, counted and recorded.

Every request is sent once (no retries, no redirects) and recorded as a :class:`SentRequest` (method,
path and query, and the name of the credential used, never its value), so that a failing check can
cite the request that showed the problem.
"""

from __future__ import annotations

import json
import time
from typing import Any, Callable, Optional, Sequence, Union
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import attrs
import urllib3
from urllib3.exceptions import HTTPError

from anthropic_models_generated import transport
from anthropic_models_generated.transport import Pool, RawResponse, TransportError

__all__ = [
    "ANTHROPIC_VERSION",
    "MADE_UP_KEY",
    "BudgetExhausted",
    "Credential",
    "Exchange",
    "NoAnswer",
    "SentRequest",
    "Target",
    "redacted_url",
]

ANTHROPIC_VERSION = "2023-06-01"
"""The ``anthropic-version`` header sent with every request (the real API requires one)."""

MADE_UP_KEY = "sk-ant-conformance-made-up-key-0000000000"
"""A key no real deployment issues: a target must refuse it with 401."""

_MAX_BODY = 8 * 1024 * 1024
_SHOWN_TARGET = 160


class BudgetExhausted(Exception):
    """The run has sent its ``max_requests`` requests."""


class NoAnswer(Exception):
    """A request got no HTTP answer: refused, reset, timed out, or a body too large."""

    def __init__(self, request: SentRequest, reason: str) -> None:
        self.request = request
        self.reason = reason
        super().__init__(f"{request}: {reason}")


@attrs.frozen
class Credential:
    """How a request authenticates: ``scheme`` is ``x-api-key``, ``bearer`` or ``none``."""

    scheme: str
    secret: str = attrs.field(default="", repr=False)
    label: str = ""

    @property
    def name(self) -> str:
        """What a report shows: the scheme (and ``made-up`` for the made-up key), never the secret."""
        return self.label or self.scheme

    def headers(self) -> dict[str, str]:
        """The request headers that carry the credential."""
        if self.scheme == "x-api-key":
            return {"x-api-key": self.secret}
        if self.scheme == "bearer":
            return {"authorization": f"Bearer {self.secret}"}
        return {}


NO_CREDENTIAL = Credential("none")


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
class Exchange:
    """A request and the answer it got."""

    request: SentRequest
    operation: str
    """The spec's operationId the request was meant for (``list_models`` or ``get_model``)."""
    status: int
    headers: Any
    body: bytes
    seconds: float

    def header(self, name: str) -> Optional[str]:
        """A response header (case-insensitive), or None."""
        value = self.headers.get(name)
        return value if isinstance(value, str) else None

    def json(self) -> Any:
        """The body parsed as JSON; ValueError if it is not JSON."""
        return json.loads(self.body)

    def __str__(self) -> str:
        return f"{self.request} -> {self.status}"


def redacted_url(url: str) -> str:
    """The URL without a password in it (``https://user:***@host``)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def _read_capped(response: Any) -> bytes:
    read = getattr(response, "read1", None) or response.read
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            chunk = read(64 * 1024)
            if not chunk:
                break
            size += len(chunk)
            if size > _MAX_BODY:
                raise TransportError(f"body larger than {_MAX_BODY} bytes")
            chunks.append(chunk)
    finally:
        response.release_conn()
    return b"".join(chunks)


class Target:
    """A base URL and the credentials to test it with; sends, counts and records every request.

    ``api_key`` is sent as ``x-api-key``, ``auth_token`` as ``Authorization: Bearer`` (the key
    wins when both are given). ``pool`` is any urllib3 pool (a ``ProxyManager`` for a proxy);
    by default a ``PoolManager`` that :meth:`close` closes.

    >>> target = Target("http://127.0.0.1:9", api_key="sk-example", max_requests=10)
    >>> target.credential.name, target.sent
    ('x-api-key', 0)
    >>> target.close()
    """

    def __init__(
        self,
        base_url: str,
        *,
        api_key: Optional[str] = None,
        auth_token: Optional[str] = None,
        timeout: float = 10.0,
        max_requests: int = 1000,
        pool: Optional[Pool] = None,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"expected an http:// or https:// base URL, got {base_url!r}")
        if parts.query or parts.fragment:
            raise ValueError("the base URL must not have a query or a fragment")
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, got {timeout!r}")
        if max_requests < 1:
            raise ValueError(f"max_requests must be at least 1, got {max_requests!r}")
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key or None
        self.auth_token = auth_token or None
        self.timeout = urllib3.Timeout(connect=timeout, read=timeout)
        self.max_requests = max_requests
        self._own_pool = pool is None
        self._pool: Pool = urllib3.PoolManager(maxsize=2) if pool is None else pool
        self.exchanges: list[Exchange] = []
        self.sent = 0

    @property
    def credential(self) -> Credential:
        """The credential the run uses by default (``none`` when none was given)."""
        if self.api_key:
            return Credential("x-api-key", self.api_key)
        if self.auth_token:
            return Credential("bearer", self.auth_token)
        return NO_CREDENTIAL

    @property
    def shown_url(self) -> str:
        """The base URL as a report shows it (no password)."""
        return redacted_url(self.base_url)

    @property
    def remaining(self) -> int:
        """Requests left in the budget."""
        return self.max_requests - self.sent

    def redact(self, text: str) -> str:
        """``text`` with the credentials (and a password in the URL) replaced by ``[REDACTED]``."""
        secrets = [self.api_key, self.auth_token, urlsplit(self.base_url).password]
        for secret in secrets:
            if secret:
                text = text.replace(secret, "[REDACTED]")
        return text

    def close(self) -> None:
        """Close the pool if the target made it."""
        if self._own_pool:
            clear = getattr(self._pool, "clear", None)
            if callable(clear):
                clear()

    def __enter__(self) -> Target:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Sending.

    def list_models(
        self,
        *,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        limit: Optional[int] = None,
        credential: Optional[Credential] = None,
    ) -> Exchange:
        """``GET /v1/models`` through the generated transport."""
        used = self.credential if credential is None else credential

        def send() -> RawResponse:
            return transport.list_models(
                self._pool,
                self.base_url,
                after_id=after_id,
                before_id=before_id,
                limit=limit,
                anthropic_version=ANTHROPIC_VERSION,
                headers=used.headers(),
                timeout=self.timeout,
                retries=0,
                max_body_bytes=_MAX_BODY,
            )

        query = urlencode(
            [
                (k, str(v))
                for k, v in (("after_id", after_id), ("before_id", before_id), ("limit", limit))
                if v is not None
            ],
            quote_via=quote,
        )
        return self._exchange(
            "list_models", used, send, "/v1/models" + (f"?{query}" if query else "")
        )

    def get_model(self, model_id: str, *, credential: Optional[Credential] = None) -> Exchange:
        """``GET /v1/models/{model_id}`` through the generated transport."""
        used = self.credential if credential is None else credential

        def send() -> RawResponse:
            return transport.get_model(
                self._pool,
                self.base_url,
                model_id,
                anthropic_version=ANTHROPIC_VERSION,
                headers=used.headers(),
                timeout=self.timeout,
                retries=0,
                max_body_bytes=_MAX_BODY,
            )

        return self._exchange("get_model", used, send, "/v1/models/" + quote(model_id, safe=""))

    def get_raw(
        self,
        path: str,
        query: Union[str, Sequence[tuple[str, str]]] = "",
        *,
        operation: str = "list_models",
        credential: Optional[Credential] = None,
    ) -> Exchange:
        """``GET path?query`` with a query the typed transport cannot write: repeated or junk.

        ``query`` is sent as given when it is a string (already encoded), or percent-encoded pair
        by pair. Used only where the spec's rules are about malformed requests.
        """
        used = self.credential if credential is None else credential
        if not isinstance(query, str):
            query = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in query)
        url = self.base_url + path + (f"?{query}" if query else "")
        headers = {"anthropic-version": ANTHROPIC_VERSION, **used.headers()}

        def send() -> RawResponse:
            response = self._pool.urlopen(
                "GET",
                url,
                redirect=False,
                headers=headers,
                timeout=self.timeout,
                retries=0,
                preload_content=False,
            )
            body = _read_capped(response)
            return RawResponse(
                method="GET", url=url, status=response.status, headers=response.headers, body=body
            )

        return self._exchange(operation, used, send, self._relative(url))

    def _exchange(
        self,
        operation: str,
        credential: Credential,
        send: Callable[[], RawResponse],
        shown_target: str,
    ) -> Exchange:
        if self.sent >= self.max_requests:
            raise BudgetExhausted(f"the request budget ({self.max_requests}) is spent")
        self.sent += 1
        started = time.perf_counter()
        try:
            raw = send()
        except transport.InvalidParameterError:
            self.sent -= 1  # refused before sending: nothing went out
            raise
        except (HTTPError, OSError, TransportError) as exc:
            request = SentRequest("GET", shown_target, credential.name)
            raise NoAnswer(request, self.redact(_describe(exc))) from None
        request = SentRequest(raw.method, self._relative(raw.url), credential.name)
        exchange = Exchange(
            request=request,
            operation=operation,
            status=raw.status,
            headers=raw.headers,
            body=raw.body,
            seconds=time.perf_counter() - started,
        )
        self.exchanges.append(exchange)
        return exchange

    def _relative(self, url: str) -> str:
        if url.startswith(self.base_url):
            return url[len(self.base_url) :] or "/"
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")


def _describe(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    shown = reason if isinstance(reason, BaseException) else exc
    text = f"{type(shown).__name__}: {shown}"
    return text if len(text) <= 300 else text[:300] + "..."
