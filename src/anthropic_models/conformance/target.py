"""The implementation under test: requests through the generated transport, counted and recorded.

Every request is recorded as a :class:`SentRequest` (method, path and query, and the name of the
credential used, never its value), so that a failing check can cite the request that showed the
problem. Redirects are never followed. A request is sent once, except that one which meets a
dropped connection before any byte of the answer (a gateway closing a kept-alive connection, a
reset) is sent once more on a fresh connection, as curl and browsers do; the retry is recorded in
:attr:`Target.retries` so that the report says so. Every request is GET, so this is safe.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Mapping, Optional, Sequence, Union
from urllib.parse import quote, urlencode, urlsplit

import urllib3
from urllib3.exceptions import HTTPError, MaxRetryError, ProtocolError

from anthropic_models._network import NetworkSettings, make_pool
from anthropic_models.conformance.body import MAX_BODY_BYTES, describe_error
from anthropic_models.conformance.credentials import (
    MADE_UP_KEY,
    NO_CREDENTIAL,
    REDACTED,
    Credential,
    SecretMask,
    extra_headers,
    is_secret_header,
    parse_header,
    redacted_url,
)
from anthropic_models.conformance.deadline import (
    DEFAULT_REQUEST_DEADLINE,
    DEFAULT_RUN_DEADLINE,
    Watchdog,
    watch,
)
from anthropic_models.conformance.records import Exchange, RetryNote, SentRequest, UnreadableBody
from anthropic_models_generated import transport
from anthropic_models_generated.operations import GET_MODEL, LIST_MODELS, Request
from anthropic_models_generated.transport import (
    BodyError,
    Pool,
    RawResponse,
    ResponseTooLarge,
    TransportError,
)

# The records, credentials and body reader live in their own modules; their names stay importable
# from here, where the kit's users have always found them.
__all__ = [
    "ANTHROPIC_VERSION",
    "DEFAULT_MAX_REQUESTS",
    "MADE_UP_KEY",
    "MAX_BODY_BYTES",
    "BudgetExhausted",
    "Credential",
    "Exchange",
    "NoAnswer",
    "RetryNote",
    "SentRequest",
    "Target",
    "UnreadableBody",
    "extra_headers",
    "is_secret_header",
    "parse_header",
    "redacted_url",
]

ANTHROPIC_VERSION = str(LIST_MODELS.parameter("anthropic_version").default)
"""The ``anthropic-version`` header sent with every request: the spec's default (the SDK's)."""


class BudgetExhausted(Exception):
    """The run has sent its ``max_requests`` requests."""


class NoAnswer(Exception):
    """A request got no complete HTTP answer: ``kind`` says why.

    ``unreachable`` (refused, reset, timed out, cut off), ``deadline`` (the answer did not
    complete within the per-request deadline) or ``too-large`` (a body over
    :data:`MAX_BODY_BYTES`).
    """

    def __init__(self, request: SentRequest, reason: str, kind: str = "unreachable") -> None:
        self.request = request
        self.reason = reason
        self.kind = kind
        super().__init__(f"{request}: {reason}")


DEFAULT_MAX_REQUESTS = 1000  # not the spec's: a request budget, not a page size

SAFE_INTERVAL = 0.2
"""Seconds between two requests in the safe profile (at most 5 a second)."""
RATE_LIMIT_RETRIES = 3
"""How many times the safe profile waits out a 429 and sends the request again."""
MAX_RATE_LIMIT_WAIT = 60.0
"""The longest ``retry-after`` the safe profile waits (within the run deadline)."""


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it wraps: urllib3's ``reason`` and ``args``, and the exception chain."""
    found: list[BaseException] = []
    todo = [exc]
    while todo:
        current = todo.pop()
        if any(current is seen for seen in found) or len(found) > 20:
            continue
        found.append(current)
        if isinstance(current, MaxRetryError) and isinstance(current.reason, BaseException):
            todo.append(current.reason)
        if isinstance(current, ProtocolError):
            todo.extend(arg for arg in current.args if isinstance(arg, BaseException))
        # Not __context__: an exception raised while another was handled is not caused by it.
        if current.__cause__ is not None:
            todo.append(current.__cause__)
    return found


def dropped_before_answer(exc: BaseException) -> bool:
    """Whether ``exc`` is a connection closed or reset before any byte of the answer arrived.

    Not a refused connection, a timeout, a TLS error, nor an answer cut off after it started:
    only those are safe and useful to retry once on a fresh connection.
    """
    causes = _causes(exc)
    started = (BodyError, ResponseTooLarge)
    if any(isinstance(cause, started) for cause in causes):
        return False
    dropped = (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)
    return any(isinstance(cause, dropped) for cause in causes)


class Target:
    """A base URL and the credentials to test it with; sends, counts and records every request.

    ``api_key`` is sent as ``x-api-key``, ``auth_token`` as ``Authorization: Bearer`` (the key
    wins when both are given). ``headers`` are added to every request (a gateway's own key, a
    tenant...); the values of those whose name looks secret (see :func:`is_secret_header`) are
    kept out of every report. ``pool`` is any urllib3 pool (a ``ProxyManager`` for a proxy);
    by default one made as the client makes it (through ``proxy``, or the proxy ``HTTPS_PROXY`` /
    ``HTTP_PROXY`` name unless ``NO_PROXY`` lists the host; trusting ``SSL_CERT_FILE``), which
    :meth:`close` closes.

    >>> target = Target("http://127.0.0.1:9", api_key="sk-example", max_requests=10,
    ...                 headers={"x-proxy-key": "pk-example", "x-tenant": "acme"})
    >>> target.credential.name, target.sent, target.shown_headers
    ('x-api-key', 0, (('x-proxy-key', '[REDACTED]'), ('x-tenant', 'acme')))
    >>> target.close()
    """

    def __init__(
        self,
        base_url: str,
        *,
        api_key: Optional[str] = None,
        auth_token: Optional[str] = None,
        timeout: float = 10.0,
        max_requests: int = DEFAULT_MAX_REQUESTS,
        pool: Optional[Pool] = None,
        headers: Union[Mapping[str, str], Sequence[tuple[str, str]], None] = None,
        request_deadline: float = DEFAULT_REQUEST_DEADLINE,
        run_deadline: float = DEFAULT_RUN_DEADLINE,
        proxy: Optional[str] = None,
        safe: bool = False,
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
        for name, seconds in (
            ("request_deadline", request_deadline),
            ("run_deadline", run_deadline),
        ):
            if not seconds > 0:
                raise ValueError(f"{name} must be positive, got {seconds!r}")
        self.extra_headers = extra_headers(headers)
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key or None
        self.auth_token = auth_token or None
        self.timeout = urllib3.Timeout(connect=timeout, read=timeout)
        self.max_requests = max_requests
        self._own_pool = pool is None
        network: tuple[str, ...] = ()
        if pool is None:
            try:  # the client's proxy and TLS settings: HTTPS_PROXY, NO_PROXY, SSL_CERT_FILE...
                settings = NetworkSettings.build(self.base_url, proxy=proxy)
            except (ValueError, ImportError) as exc:
                raise ValueError(str(exc)) from None
            network = settings.secrets
            pool = make_pool(settings, maxsize=2)
        elif proxy is not None:
            raise ValueError("give a pool or a proxy, not both")
        self._pool: Pool = pool
        self.watchdog = Watchdog(request_deadline, run_deadline)
        watch(self._pool, self.watchdog)
        self.exchanges: list[Exchange] = []
        self.retries: list[RetryNote] = []
        self.sent = 0
        self.safe = safe
        """Paced requests, and a 429 (or a 503/529 with ``retry-after``) waited out and resent."""
        self.waited = 0.0
        """Seconds spent waiting for the target's rate limits (the safe profile)."""
        self._last_sent: Optional[float] = None
        secrets = [self.api_key, self.auth_token, urlsplit(self.base_url).password]
        secrets += [value for name, value in self.extra_headers if is_secret_header(name)]
        self._redactor = SecretMask([*secrets, *network])

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
    def shown_headers(self) -> tuple[tuple[str, str], ...]:
        """The extra headers as a report shows them: secret-looking values redacted."""
        return tuple(
            (name, REDACTED if is_secret_header(name) else value)
            for name, value in self.extra_headers
        )

    @property
    def remaining(self) -> int:
        """Requests left in the budget."""
        return self.max_requests - self.sent

    def redact(self, text: str) -> str:
        """``text`` with the credentials, secret header values and a password in the URL replaced
        by ``[REDACTED]`` (see :class:`SecretMask`: a short secret is masked as a word of its own,
        never inside a longer word)."""
        return self._redactor.text(text)

    def close(self) -> None:
        """Close the pool if the target made it."""
        if self._own_pool:
            self._fresh_connections()

    def __enter__(self) -> Target:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Sending.

    def _headers(self, credential: Credential) -> dict[str, Any]:
        headers: dict[str, Any] = {"anthropic-version": ANTHROPIC_VERSION}
        for name, value in self.extra_headers:
            headers = {k: v for k, v in headers.items() if k.lower() != name.lower()}
            headers[name] = value
        headers.update(credential.headers())
        return headers

    def list_models(
        self,
        *,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        limit: Optional[int] = None,
        lifecycle: Optional[Sequence[str]] = None,
        credential: Optional[Credential] = None,
    ) -> Exchange:
        """``GET /v1/models``, built by the generated builder (unchecked: any value goes out)."""
        used = self.credential if credential is None else credential
        arguments = {"after_id": after_id, "before_id": before_id, "limit": limit}
        request = LIST_MODELS.build(
            self.base_url, {**arguments, "lifecycle": lifecycle}, headers=self._headers(used)
        )
        return self._exchange("list_models", used, request)

    def get_model(self, model_id: str, *, credential: Optional[Credential] = None) -> Exchange:
        """``GET /v1/models/{model_id}``, built by the generated builder."""
        used = self.credential if credential is None else credential
        request = GET_MODEL.build(
            self.base_url, {"model_id": model_id}, headers=self._headers(used)
        )
        return self._exchange("get_model", used, request)

    def get_raw(
        self,
        path: str,
        query: Union[str, Sequence[tuple[str, str]]] = "",
        *,
        operation: str = "list_models",
        credential: Optional[Credential] = None,
        extra: Sequence[tuple[str, Union[str, bytes]]] = (),
    ) -> Exchange:
        """``GET path?query`` with a path or query the spec's builders cannot write: repeated or
        junk parameters, a path with its own encoding.

        ``query`` is sent as given when it is a string (already encoded), or percent-encoded pair
        by pair; ``extra`` headers are sent as given (bytes as they are). Used only where the
        rules are about malformed requests.
        """
        used = self.credential if credential is None else credential
        if not isinstance(query, str):
            query = urlencode(list(query), quote_via=quote)
        url = self.base_url + path + (f"?{query}" if query else "")
        headers: dict[str, Any] = self._headers(used)
        headers.update(extra)
        return self._exchange(operation, used, Request("GET", url, headers))

    def alive(self) -> bool:
        """Whether the target still answers: one small list request on a fresh connection.

        BudgetExhausted when no request is left to ask with.
        """
        self._fresh_connections()
        try:
            self.list_models(limit=1)
        except NoAnswer:
            return False
        return True

    def _fresh_connections(self) -> None:
        clear = getattr(self._pool, "clear", None)
        if callable(clear):
            clear()

    def _exchange(self, operation: str, credential: Credential, request: Request) -> Exchange:
        shown_target = self._relative(request.url)

        def send() -> RawResponse:
            return transport.send(
                self._pool,
                request,
                timeout=self.timeout,
                retries=0,
                max_body_bytes=MAX_BODY_BYTES,
            )

        for attempt in range(1 + (RATE_LIMIT_RETRIES if self.safe else 0)):
            if self.sent >= self.max_requests:
                raise BudgetExhausted(f"the request budget ({self.max_requests}) is spent")
            if self.safe:
                self._pace()
            seconds = self.watchdog.arm()
            try:
                exchange = self._send(operation, credential, send, shown_target, seconds)
            finally:
                self.watchdog.disarm()
            wait = _rate_limit_wait(exchange) if self.safe else None
            if wait is None or attempt == RATE_LIMIT_RETRIES:
                return exchange
            wait = min(wait, MAX_RATE_LIMIT_WAIT, max(0.0, self.watchdog.run_left))
            self.waited += wait
            time.sleep(wait)
        return exchange

    def _pace(self) -> None:
        """Keep :data:`SAFE_INTERVAL` seconds between two requests (the safe profile)."""
        now = time.monotonic()
        if self._last_sent is not None and now - self._last_sent < SAFE_INTERVAL:
            time.sleep(SAFE_INTERVAL - (now - self._last_sent))
        self._last_sent = time.monotonic()

    def _send(
        self,
        operation: str,
        credential: Credential,
        send: Callable[[], RawResponse],
        shown_target: str,
        deadline: float,
    ) -> Exchange:
        self.sent += 1
        started = time.perf_counter()
        retried: Optional[str] = None
        try:
            raw = send()
        except transport.InvalidParameterError:
            self.sent -= 1  # refused before sending: nothing went out
            raise
        except (HTTPError, OSError, TransportError) as exc:
            request = SentRequest("GET", shown_target, credential.name)
            reason = self.redact(describe_error(exc))
            if self.watchdog.fired:
                raise NoAnswer(
                    request,
                    f"no complete answer within the request deadline ({deadline:g} s over "
                    "headers and body)",
                    "deadline",
                ) from None
            if any(isinstance(cause, ResponseTooLarge) for cause in _causes(exc)):
                raise NoAnswer(
                    request,
                    f"the answer's body is larger than the kit's {MAX_BODY_BYTES // 2**20} MiB "
                    f"cap ({MAX_BODY_BYTES} bytes): not read",
                    "too-large",
                ) from None
            if not dropped_before_answer(exc) or self.sent >= self.max_requests:
                raise NoAnswer(request, reason) from None
            # A kept-alive connection closed under the request, or a reset before any answer:
            # once more on a fresh connection, as curl would; the report says so.
            self.sent += 1
            self._fresh_connections()
            self.retries.append(RetryNote(request, reason))
            try:
                raw = send()
            except (HTTPError, OSError, TransportError) as again:
                shown = self.redact(describe_error(again))
                raise NoAnswer(
                    request, f"{shown} (and before it, on another connection: {reason})"
                ) from None
            retried = reason
        request = SentRequest(raw.method, self._relative(raw.url), credential.name)
        exchange = Exchange(
            request=request,
            operation=operation,
            status=raw.status,
            headers=raw.headers,
            body=raw.body,
            seconds=time.perf_counter() - started,
            retried=retried,
        )
        self.exchanges.append(exchange)
        return exchange

    def _relative(self, url: str) -> str:
        if url.startswith(self.base_url):
            return url[len(self.base_url) :] or "/"
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")


def _rate_limit_wait(exchange: Exchange) -> Optional[float]:
    """Seconds a 429 (or a 503/529 saying ``retry-after``) asks to wait; None for other answers."""
    if exchange.status not in (429, 503, 529):  # not the spec's: the safe profile's waits
        return None
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = (exchange.header(name) or "").strip()
        try:
            seconds = float(value) * scale
        except ValueError:
            continue
        if seconds >= 0:
            return seconds
    return 1.0 if exchange.status == 429 else None
