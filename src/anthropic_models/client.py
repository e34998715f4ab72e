"""The Models API client.

The examples in this module's docstrings run against the reference server's built-in catalogue,
as ``client`` (the test suite runs them so).

>>> from anthropic_models import ModelsClient
>>> with ModelsClient(api_key="sk-example", base_url="http://127.0.0.1:9") as client:
...     client
ModelsClient(base_url='http://127.0.0.1:9', api_key=<set>, auth_token=<unset>, max_retries=2)
"""

from __future__ import annotations

import contextlib
import logging
import platform
import ssl
import time
from typing import Any, Callable, Iterator, Mapping, Optional, Sequence, TypeVar, Union

import attrs
import urllib3
from urllib3 import Timeout
from urllib3.exceptions import HTTPError

from anthropic_models import _codec, _http
from anthropic_models._cache import CatalogueCache
from anthropic_models._network import NetworkSettings, make_pool
from anthropic_models._options import (
    DEFAULT_ANTHROPIC_VERSION,
    DEFAULT_BASE_URL,
    ClientOptions,
    check_headers,
    check_id,
    check_lifecycle,
    check_limit,
    check_query,
    check_workspace,
)
from anthropic_models._redact import Redactor, header_secrets
from anthropic_models._retry import DEFAULT_MAX_RETRY_WAIT, RetryPolicy, sleep
from anthropic_models._version import __version__
from anthropic_models.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    InvalidArgumentError,
    ModelUnavailableError,
    NotFoundError,
    ResponseValidationError,
    status_error_class,
)
from anthropic_models.pagination import Cursor, ModelPage, walk
from anthropic_models_generated import transport
from anthropic_models_generated.models import (
    Lifecycle,
    ListModelsResponse,
    ModelCapabilities,
    ModelInfo,
)

__all__ = ["DEFAULT_ANTHROPIC_VERSION", "DEFAULT_BASE_URL", "ModelsClient"]

_USER_AGENT = f"anthropic-models/{__version__} Python/{platform.python_version()} urllib3/{getattr(urllib3, '__version__', '?')}"
_PAGE_SIZE_MAX = transport.LIST_MODELS.parameter("limit").maximum

log = logging.getLogger("anthropic_models")
T = TypeVar("T")
Stages = Union[str, Lifecycle, Sequence[Union[str, Lifecycle]], None]


def _check_cursors(after_id: Optional[str], before_id: Optional[str]) -> Cursor:
    if after_id is not None and before_id is not None:
        raise InvalidArgumentError("give after_id or before_id, not both")
    return Cursor(
        after_id=None if after_id is None else check_id("after_id", after_id),
        before_id=None if before_id is None else check_id("before_id", before_id),
    )


def _capability_support(model: ModelInfo, path: list[str]) -> bool:
    node: object = model.capabilities
    for part in path:
        if node is None:
            return False
        node = node.get(part) if isinstance(node, dict) else getattr(node, part, None)
    return getattr(node, "supported", None) is True


def _capability_path(name: object) -> list[str]:
    if not isinstance(name, str) or not name:
        raise InvalidArgumentError(
            f"capability must be a capability name such as 'batch', not {name!r}"
        )
    path = name.split(".")
    known = [field.name for field in attrs.fields(ModelCapabilities)]
    if path[0] not in known:
        raise InvalidArgumentError(f"unknown capability {name!r}; known: {', '.join(known)}")
    return path


def _is_usable(model: ModelInfo) -> bool:
    """Not retired: retired is the one stage documented as unusable (a newer stage is usable)."""
    return model.lifecycle is not Lifecycle.retired


@attrs.frozen(kw_only=True)
class _Call:
    """The per-call options of one facade method, checked."""

    headers: Mapping[str, str] = attrs.field(factory=dict)
    query: tuple[tuple[str, str], ...] = ()
    timeout: Optional[Timeout] = None

    @classmethod
    def build(
        cls,
        workspace_id: Optional[str],
        extra_headers: Optional[Mapping[str, str]],
        extra_query: Optional[Mapping[str, Any]],
        timeout: Union[float, Timeout, None],
    ) -> _Call:
        headers = check_headers("extra_headers", extra_headers)
        if workspace_id is not None:
            headers["anthropic-workspace-id"] = check_workspace(workspace_id)
        return cls(
            headers=headers,
            query=check_query(extra_query),
            timeout=None if timeout is None else _http.make_timeout(timeout),
        )


class ModelsClient:
    """A client for ``GET /v1/models`` and ``GET /v1/models/{model_id}``.

    Credentials: ``api_key`` is sent as ``x-api-key``, ``auth_token`` as ``Authorization: Bearer``.
    An explicit credential wins: when either is given, the environment is not read; when neither
    is, ``$ANTHROPIC_API_KEY`` and ``$ANTHROPIC_AUTH_TOKEN`` are. A key is visible ASCII only.
    ``base_url`` defaults to ``$ANTHROPIC_BASE_URL``, then ``https://api.anthropic.com``; an empty
    one is refused, and plain http is refused except on loopback. ``timeout`` is a number of
    seconds or a ``urllib3.Timeout`` (default: 5 s to connect, 60 s to read); the body must also
    arrive within the read timeout. ``max_retries`` retries follow the official SDK's policy (0
    disables them); a server asking to wait longer than ``max_retry_wait`` seconds gets no retry,
    and the error carries its ``retry_after``. ``anthropic_version`` defaults to the version the
    official SDK sends; ``workspace_id`` is sent as ``anthropic-workspace-id``. ``validate=True``
    checks every request and response against the spec (needs the ``validation`` extra).
    ``cache_ttl`` keeps the catalogue (the default view) and resolved aliases that many seconds for
    the availability and selection helpers.

    Networks: ``proxy`` is a proxy URL (``http://user:password@proxy:3128``; the credentials are
    never shown); without it, ``HTTPS_PROXY``/``HTTP_PROXY``/``ALL_PROXY`` and ``NO_PROXY`` are read as
    curl, requests and httpx read them. ``ca_certs`` (a PEM file) or ``ssl_context`` set the
    certificates to trust; without them, ``SSL_CERT_FILE``/``SSL_CERT_DIR``, else the system's.
    ``trust_env=False`` ignores every variable (credentials, base URL, proxy, certificates).
    ``pool`` is a urllib3 pool of your own instead (it is not closed by :meth:`close`).

    Every operation also takes ``extra_headers``, ``extra_query`` and ``timeout`` for one call, as
    the official SDK's methods do.

    One client is safe to share between threads.

    >>> client = ModelsClient(api_key="sk-example", base_url="http://localhost:8080/")
    >>> client.base_url
    'http://localhost:8080'
    >>> client.close()
    """

    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        auth_token: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Union[float, Timeout] = _http.DEFAULT_TIMEOUT,
        max_retries: int = 2,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        anthropic_version: str = DEFAULT_ANTHROPIC_VERSION,
        workspace_id: Optional[str] = None,
        validate: bool = False,
        cache_ttl: Optional[float] = None,
        pool: Optional[transport.Pool] = None,
        max_body_bytes: int = transport.DEFAULT_MAX_BODY_BYTES,
        proxy: Optional[str] = None,
        ca_certs: Optional[str] = None,
        ssl_context: Optional[ssl.SSLContext] = None,
        trust_env: bool = True,
    ) -> None:
        self.options = ClientOptions.build(
            trust_env=trust_env,
            api_key=api_key,
            auth_token=auth_token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
            anthropic_version=anthropic_version,
            workspace_id=workspace_id,
            cache_ttl=cache_ttl,
            max_body_bytes=max_body_bytes,
            default_headers={"user-agent": _USER_AGENT},
        )
        if pool is not None and not callable(getattr(pool, "urlopen", None)):
            raise InvalidArgumentError(
                f"pool must be a urllib3 pool (with urlopen), not {type(pool).__name__}"
            )
        if pool is not None and (proxy or ca_certs or ssl_context):
            raise InvalidArgumentError(
                "give pool, or proxy/ca_certs/ssl_context, not both (set them on your pool)"
            )
        self.network = NetworkSettings.build(
            self.options.base_url,
            proxy=proxy,
            ca_certs=ca_certs,
            ssl_context=ssl_context,
            trust_env=trust_env and pool is None,
        )
        self._validator = None
        if validate:
            from anthropic_models._validation import spec_validator

            self._validator = spec_validator()
        self._policy = RetryPolicy(
            max_retries=self.options.max_retries, max_retry_wait=self.options.max_retry_wait
        )
        ttl = self.options.cache_ttl
        self._cache = CatalogueCache(ttl) if ttl is not None else None
        self._owns_pool = pool is None
        self._pool: transport.Pool = pool if pool is not None else make_pool(self.network)
        self._redactor = Redactor(
            [self.options.api_key, self.options.auth_token, *self.network.secrets]
        )
        self._headers = self.options.headers()

    @property
    def base_url(self) -> str:
        return self.options.base_url

    @property
    def max_retries(self) -> int:
        return self.options.max_retries

    @property
    def timeout(self) -> Timeout:
        return self.options.timeout

    @property
    def anthropic_version(self) -> str:
        return self.options.anthropic_version

    def __repr__(self) -> str:
        def state(secret: Optional[str]) -> str:
            return "<set>" if secret else "<unset>"

        proxy = f", proxy={self.network.proxy_url!r}" if self.network.proxy_url else ""
        return (
            f"ModelsClient(base_url={self.base_url!r}, api_key={state(self.options.api_key)}, "
            f"auth_token={state(self.options.auth_token)}, max_retries={self.max_retries}{proxy})"
        )

    def __enter__(self) -> ModelsClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections of the client's own pool (a pool passed in is left open)."""
        if self._owns_pool and isinstance(self._pool, urllib3.PoolManager):
            self._pool.clear()

    # -- the two operations ---------------------------------------------------------------------

    def list_models(
        self,
        *,
        limit: Optional[int] = None,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        lifecycle: Stages = None,
        workspace_id: Optional[str] = None,
        extra_headers: Optional[Mapping[str, str]] = None,
        extra_query: Optional[Mapping[str, Any]] = None,
        timeout: Union[float, Timeout, None] = None,
    ) -> ModelPage:
        """One page of models (one request), newest first.

        ``lifecycle`` names the stages to list (``"retired"``, ``["active", "retired"]``); without
        it the server lists active and deprecated models, and no retired ones.

        >>> page = client.list_models(limit=2)
        >>> [model.id for model in page], page.has_more
        (['claude-fable-5-2', 'claude-mythos-5-2'], True)
        """
        call = _Call.build(workspace_id, extra_headers, extra_query, timeout)
        cursor = _check_cursors(after_id, before_id)
        return self._page(check_limit(limit), check_lifecycle(lifecycle), cursor, call)

    def iter_models(
        self,
        *,
        limit: Optional[int] = None,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        lifecycle: Stages = None,
        workspace_id: Optional[str] = None,
        extra_headers: Optional[Mapping[str, str]] = None,
        extra_query: Optional[Mapping[str, Any]] = None,
        timeout: Union[float, Timeout, None] = None,
    ) -> Iterator[ModelInfo]:
        """Every model from a point on, fetching pages lazily; see :func:`pagination.walk`.

        Started with ``before_id``, the walk goes backward (toward newer models) and yields the
        model just before the cursor first. Arguments are checked now; nothing is sent before
        the first model is asked for.

        >>> models = client.iter_models(limit=100, lifecycle=["retired"])
        >>> next(models).lifecycle.value
        'retired'
        """
        call = _Call.build(workspace_id, extra_headers, extra_query, timeout)
        page_size = check_limit(limit)
        stages = check_lifecycle(lifecycle)
        start = _check_cursors(after_id, before_id)
        return walk(lambda cursor: self._page(page_size, stages, cursor, call), start)

    def retrieve(
        self,
        model_id: str,
        *,
        workspace_id: Optional[str] = None,
        extra_headers: Optional[Mapping[str, str]] = None,
        extra_query: Optional[Mapping[str, Any]] = None,
        timeout: Union[float, Timeout, None] = None,
    ) -> ModelInfo:
        """One model by id or alias (``GET /v1/models/{model_id}``); retired ones included.

        >>> client.retrieve("claude-sonnet-4-5").id
        'claude-sonnet-4-5-20250929'
        """
        call = _Call.build(workspace_id, extra_headers, extra_query, timeout)
        return self._retrieve(check_id("model_id", model_id), call)

    # -- helpers over the operations ------------------------------------------------------------

    def is_model_available(self, model_id: str) -> bool:
        """True when the model exists and is not retired (one request, or the cache).

        A 404 is False; any other failure raises (an outage is not "unavailable").

        >>> client.is_model_available("claude-3-opus-20240229")
        False
        """
        try:
            return _is_usable(self._lookup(model_id))
        except NotFoundError:
            return False

    def require_model(self, model_id: str) -> ModelInfo:
        """The model, or :class:`ModelUnavailableError` saying why not (not found, or retired).

        >>> client.require_model("claude-nope")
        Traceback (most recent call last):
        anthropic_models.errors.ModelUnavailableError: model 'claude-nope' is not available: not found
        """
        try:
            model = self._lookup(model_id)
        except NotFoundError:
            raise ModelUnavailableError(model_id, "not found") from None
        if not _is_usable(model):
            raise ModelUnavailableError(model_id, "retired")
        return model

    def find_models(
        self,
        *,
        line: Optional[str] = None,
        capability: Optional[str] = None,
        lifecycle: Stages = None,
    ) -> list[ModelInfo]:
        """The models matching every filter given, newest first.

        ``capability`` names a capability that must be supported, dotted for nested ones
        (``"batch"``, ``"effort.high"``, ``"thinking.types.adaptive"``). ``lifecycle`` is sent to
        the server as the list's filter; without it, the default view (no retired models).

        >>> [m.id for m in client.find_models(line="haiku", lifecycle="active")]
        ['claude-haiku-5-5', 'claude-haiku-4-5-20251001']
        """
        if line is not None and not isinstance(line, str):
            raise InvalidArgumentError(f"line must be a string, not {line!r}")
        path = _capability_path(capability) if capability is not None else None
        stages = check_lifecycle(lifecycle)
        return [
            model
            for model in self._catalogue(stages)
            if (line is None or model.line == line)
            and (path is None or _capability_support(model, path))
        ]

    def latest(self, line: Optional[str] = None) -> Optional[ModelInfo]:
        """The newest active model, of one line if given; None if there is none.

        Without a cache, the walk stops at the first match.

        >>> client.latest("sonnet").id
        'claude-sonnet-5-5'
        """
        if line is not None and not isinstance(line, str):
            raise InvalidArgumentError(f"line must be a string, not {line!r}")
        return next(
            (
                model
                for model in self._catalogue(None)
                if model.lifecycle is Lifecycle.active and (line is None or model.line == line)
            ),
            None,
        )

    def clear_cache(self) -> None:
        """Forget the cached catalogue and aliases (if ``cache_ttl`` was given)."""
        if self._cache is not None:
            self._cache.clear()

    # -- internals ------------------------------------------------------------------------------

    def _catalogue(self, stages: Optional[tuple[str, ...]]) -> Iterator[ModelInfo]:
        """The models of a view, from the cache for the default view when there is one."""

        def walk_all() -> Iterator[ModelInfo]:
            return self.iter_models(limit=_PAGE_SIZE_MAX, lifecycle=stages)

        if self._cache is None or stages is not None:
            return walk_all()
        return iter(self._cache.get(lambda: tuple(walk_all())))

    def _lookup(self, model_id: str) -> ModelInfo:
        check_id("model_id", model_id)
        if self._cache is None:
            return self._retrieve(model_id, _Call())
        return self._cache.resolve(model_id, lambda name: self._retrieve(name, _Call()))

    def _retrieve(self, model_id: str, call: _Call) -> ModelInfo:
        raw = self._send(
            lambda pool, **kw: transport.get_model(pool, self.base_url, model_id, **kw), call
        )
        return self._decode(raw, ModelInfo)

    def _page(
        self,
        limit: Optional[int],
        stages: Optional[tuple[str, ...]],
        cursor: Cursor,
        call: _Call,
    ) -> ModelPage:
        raw = self._send(
            lambda pool, **kw: transport.list_models(
                pool,
                self.base_url,
                after_id=cursor.after_id,
                before_id=cursor.before_id,
                limit=limit,
                lifecycle=stages,
                **kw,
            ),
            call,
        )
        response = self._decode(raw, ListModelsResponse)
        return ModelPage(
            data=tuple(response.data),
            first_id=response.first_id,
            last_id=response.last_id,
            has_more=response.has_more,
            request_id=raw.headers.get("request-id"),
            backward=cursor.backward,
        )

    def _send(
        self, call: Callable[..., transport.RawResponse], options: _Call
    ) -> transport.RawResponse:
        """One operation: every attempt, and the retry policy's word after each."""
        headers = {**self._headers, **options.headers}
        redactor = self._redactor.with_secrets(header_secrets(options.headers))
        timeout = options.timeout or self.timeout
        if self._validator is not None:
            self._validate_request(call, headers, options.query)
        started = time.monotonic()
        attempt = 0
        while True:
            try:
                raw = call(
                    self._pool,
                    headers=headers,
                    extra_query=options.query,
                    timeout=timeout,
                    retries=False,
                    max_body_bytes=self.options.max_body_bytes,
                    body_timeout=_http.body_timeout(timeout),
                )
            except transport.InvalidParameterError as exc:
                raise InvalidArgumentError(str(exc)) from None
            except transport.ResponseTooLarge as exc:
                raise APIConnectionError(redactor.text(str(exc))) from None
            except (transport.BodyError, HTTPError, OSError) as exc:
                decision = self._policy.decide(attempt, failed=True)
                if not decision.retry:
                    raise self._connection_error(exc, timeout, redactor) from None
                log.debug("retrying after %s in %.2f s", type(exc).__name__, decision.wait)
            else:
                log.debug(
                    "%s %s -> %s (request-id %s) in %.0f ms",
                    raw.method,
                    redactor.text(raw.url),
                    raw.status,
                    raw.headers.get("request-id"),
                    (time.monotonic() - started) * 1000,
                )
                if raw.status < 300:
                    return raw
                if raw.status < 400:
                    raise self._redirect_error(raw, redactor)
                decision = self._policy.decide(attempt, status=raw.status, headers=raw.headers)
                if not decision.retry:
                    raise self._status_error(raw, decision.retry_after, redactor)
            sleep(decision.wait)
            attempt += 1

    def _validate_request(
        self,
        call: Callable[..., transport.RawResponse],
        headers: dict[str, str],
        query: Sequence[tuple[str, str]],
    ) -> None:
        """Build the request without sending it, and check it against the spec."""
        assert self._validator is not None
        recorder = _RecordingPool()
        with contextlib.suppress(_Recorded):
            call(recorder, headers=headers, extra_query=query)
        problems = self._validator.request_errors(recorder.method, recorder.url, headers)
        if problems:
            raise InvalidArgumentError("the request breaks the spec: " + "; ".join(problems))

    def _decode(self, raw: transport.RawResponse, cls: type[T]) -> T:
        if self._validator is not None:
            problems = self._validator.response_errors(
                raw.method, raw.url, raw.status, raw.headers, raw.body
            )
            if problems:
                path, _, message = problems[0].partition(": ")
                extra = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                raise ResponseValidationError(self._redactor.text(message + extra), path=path)
        try:
            return _codec.decode(raw.body, cls)
        except ResponseValidationError as exc:
            raise ResponseValidationError(self._redactor.text(exc.reason), path=exc.path) from None

    def _redirect_error(self, raw: transport.RawResponse, redactor: Redactor) -> APIConnectionError:
        location = redactor.text(raw.headers.get("location", "nowhere"))
        return APIConnectionError(
            f"{raw.status} redirect to {location} not followed (the API key stays with "
            f"{self.base_url}); point base_url at the final address"
        )

    def _status_error(
        self, raw: transport.RawResponse, retry_after: Optional[float], redactor: Redactor
    ) -> APIStatusError:
        """The error for a status >= 400, from a body parsed first and redacted after."""
        text = raw.body.decode("utf-8", "replace")
        body: object
        try:
            body = redactor.json(_codec.loads(raw.body))
        except ResponseValidationError:
            body = redactor.text(text)
        error = body.get("error") if isinstance(body, dict) else None
        error = error if isinstance(error, dict) else {}
        details = error.get("details")
        details = details if isinstance(details, dict) else None

        def text_of(value: object) -> Optional[str]:
            return value if isinstance(value, str) else None

        error_type, message = text_of(error.get("type")), text_of(error.get("message"))
        error_code = text_of(details.get("error_code")) if details else None
        request_id = raw.headers.get("request-id") or (
            text_of(body.get("request_id")) if isinstance(body, dict) else None
        )
        if message is None:
            snippet = " ".join(redactor.text(text).split())[:200]
            message = f"HTTP {raw.status}" + (
                f" with a body that is not the error shape: {snippet!r}" if snippet else ""
            )
        if raw.status == 401 and not (self.options.api_key or self.options.auth_token):
            message += " (no API key was sent: pass api_key= or set ANTHROPIC_API_KEY)"
        cls: type[APIStatusError] = status_error_class(raw.status)
        return cls(
            message,
            status_code=raw.status,
            request_id=request_id,
            error_type=error_type,
            error_code=error_code,
            details=details,
            body=body,
            retry_after=retry_after,
        )

    def _connection_error(
        self, exc: BaseException, timeout: Timeout, redactor: Redactor
    ) -> APIConnectionError:
        if isinstance(exc, transport.BodyError):
            kind = APITimeoutError if isinstance(exc, transport.BodyTimeout) else APIConnectionError
            return kind(redactor.text(str(exc)))
        error = _http.connection_error(exc, self.base_url, timeout)
        return type(error)(redactor.text(str(error)))


class _Recorded(Exception):
    """Raised by _RecordingPool to stop a call once its request is built."""


class _RecordingPool:
    """A pool that records the URL it is asked for and sends nothing."""

    method = url = ""

    def urlopen(self, method: str, url: str, redirect: bool = True, **kw: Any) -> Any:
        self.method, self.url = method, url
        raise _Recorded
