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
import os
import platform
import threading
import time
from typing import Any, Callable, Iterator, Optional, TypeVar, Union

import attrs
import urllib3
from urllib3 import Timeout
from urllib3.exceptions import HTTPError, MaxRetryError

from anthropic_models import _codec, _http
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
    ErrorResponse,
    Lifecycle,
    ListModelsResponse,
    ModelCapabilities,
    ModelInfo,
)

__all__ = ["DEFAULT_ANTHROPIC_VERSION", "DEFAULT_BASE_URL", "ModelsClient"]

DEFAULT_BASE_URL = "https://api.anthropic.com"
DEFAULT_ANTHROPIC_VERSION = "2023-06-01"
MAX_PAGE_SIZE = 1000
_USER_AGENT = f"anthropic-models/{__version__} Python/{platform.python_version()} urllib3/{getattr(urllib3, '__version__', '?')}"

log = logging.getLogger("anthropic_models")
T = TypeVar("T")


def _check_id(name: str, value: object) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidArgumentError(f"{name} must be a non-empty string, not {value!r}")
    return value


def _check_limit(limit: object) -> Optional[int]:
    if limit is None:
        return None
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE_SIZE:
        raise InvalidArgumentError(
            f"limit must be an integer from 1 to {MAX_PAGE_SIZE}, not {limit!r}"
        )
    return limit


def _check_cursors(after_id: Optional[str], before_id: Optional[str]) -> Cursor:
    if after_id is not None and before_id is not None:
        raise InvalidArgumentError("give after_id or before_id, not both")
    return Cursor(
        after_id=None if after_id is None else _check_id("after_id", after_id),
        before_id=None if before_id is None else _check_id("before_id", before_id),
    )


def _capability_support(model: ModelInfo, path: list[str]) -> bool:
    node: object = model.capabilities
    for part in path:
        if node is None:
            return False
        node = node.get(part) if isinstance(node, dict) else getattr(node, part, None)
    return getattr(node, "supported", None) is True


def _capability_path(name: str) -> list[str]:
    path = name.split(".")
    known = [field.name for field in attrs.fields(ModelCapabilities)]
    if path[0] not in known:
        raise InvalidArgumentError(f"unknown capability {name!r}; known: {', '.join(known)}")
    return path


def _lifecycle(value: Union[Lifecycle, str, None]) -> Optional[Lifecycle]:
    if value is None or isinstance(value, Lifecycle):
        return value
    try:
        return Lifecycle(value)
    except ValueError:
        choices = ", ".join(member.value for member in Lifecycle)
        raise InvalidArgumentError(f"lifecycle must be one of {choices}, not {value!r}") from None


def _is_usable(model: ModelInfo) -> bool:
    """Not retired; a model without lifecycle (an older server) counts as active."""
    return model.lifecycle is not Lifecycle.retired


class _CatalogueCache:
    """The full catalogue, kept ``ttl`` seconds; one refresh at a time across threads."""

    def __init__(self, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()
        # One tuple, replaced whole, so that readers never see a half-updated cache.
        self._entry: Optional[tuple[float, tuple[ModelInfo, ...], dict[str, ModelInfo]]] = None

    def fresh(self) -> Optional[tuple[tuple[ModelInfo, ...], dict[str, ModelInfo]]]:
        """The models and their index by id, if loaded less than ``ttl`` seconds ago."""
        entry = self._entry
        if entry is not None and self.clock() - entry[0] < self.ttl:
            return entry[1], entry[2]
        return None

    def get(self, load: Callable[[], tuple[ModelInfo, ...]]) -> tuple[ModelInfo, ...]:
        found = self.fresh()
        if found is not None:
            return found[0]
        with self._lock:
            found = self.fresh()
            if found is None:
                models = load()
                self._entry = (self.clock(), models, {model.id: model for model in models})
                return models
            return found[0]

    def clear(self) -> None:
        with self._lock:
            self._entry = None


class ModelsClient:
    """A client for ``GET /v1/models`` and ``GET /v1/models/{model_id}``.

    ``api_key`` (default: ``$ANTHROPIC_API_KEY``) is sent as ``x-api-key``; ``auth_token``
    (default: ``$ANTHROPIC_AUTH_TOKEN``) as ``Authorization: Bearer``. ``base_url`` defaults to
    ``$ANTHROPIC_BASE_URL``, then ``https://api.anthropic.com``; plain http is refused except on
    loopback. ``timeout`` is a number of seconds or a ``urllib3.Timeout`` (default: 5 s to
    connect, 60 s to read); the body must also arrive within the read timeout. ``max_retries``
    retries follow the official SDK's policy (0 disables them). ``validate=True`` checks every
    request and response against the spec (needs the ``validation`` extra). ``cache_ttl`` keeps
    the whole catalogue that many seconds for the availability and selection helpers. ``pool`` is
    a urllib3 pool of your own (proxies, TLS settings); it is not closed by :meth:`close`.

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
        anthropic_version: str = DEFAULT_ANTHROPIC_VERSION,
        validate: bool = False,
        cache_ttl: Optional[float] = None,
        pool: Optional[transport.Pool] = None,
        max_body_bytes: int = transport.DEFAULT_MAX_BODY_BYTES,
    ) -> None:
        self._api_key = api_key if api_key is not None else os.environ.get("ANTHROPIC_API_KEY")
        self._auth_token = (
            auth_token if auth_token is not None else os.environ.get("ANTHROPIC_AUTH_TOKEN")
        )
        for name, secret in (("api_key", self._api_key), ("auth_token", self._auth_token)):
            if secret is not None and (not isinstance(secret, str) or not secret.strip()):
                raise InvalidArgumentError(f"{name} must be a non-empty string")
            if isinstance(secret, str) and any(c in secret for c in "\r\n\0"):
                raise InvalidArgumentError(f"{name} contains a line break or NUL")
        self.base_url = _http.check_base_url(
            base_url or os.environ.get("ANTHROPIC_BASE_URL") or DEFAULT_BASE_URL
        )
        self.timeout = _http.make_timeout(timeout)
        if not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0:
            raise InvalidArgumentError(f"max_retries must be an integer >= 0, not {max_retries!r}")
        self.max_retries = max_retries
        if not isinstance(anthropic_version, str) or not anthropic_version:
            raise InvalidArgumentError("anthropic_version must be a non-empty string")
        self.anthropic_version = anthropic_version
        if cache_ttl is not None and (
            not isinstance(cache_ttl, (int, float)) or isinstance(cache_ttl, bool) or cache_ttl <= 0
        ):
            raise InvalidArgumentError(
                f"cache_ttl must be a positive number of seconds, not {cache_ttl!r}"
            )
        self._cache = _CatalogueCache(float(cache_ttl)) if cache_ttl is not None else None
        if (
            not isinstance(max_body_bytes, int)
            or isinstance(max_body_bytes, bool)
            or max_body_bytes < 1
        ):
            raise InvalidArgumentError(
                f"max_body_bytes must be a positive integer, not {max_body_bytes!r}"
            )
        self.max_body_bytes = max_body_bytes
        self._validator = None
        if validate:
            from anthropic_models._validation import spec_validator

            self._validator = spec_validator()
        self._owns_pool = pool is None
        self._pool: transport.Pool = pool if pool is not None else _http.make_pool()
        self._secrets = [s.encode() for s in (self._api_key, self._auth_token) if s]
        self._headers = {"user-agent": _USER_AGENT}
        if self._api_key:
            self._headers["x-api-key"] = self._api_key
        if self._auth_token:
            self._headers["authorization"] = f"Bearer {self._auth_token}"

    def __repr__(self) -> str:
        def state(secret: Optional[str]) -> str:
            return "<set>" if secret else "<unset>"

        return (
            f"ModelsClient(base_url={self.base_url!r}, api_key={state(self._api_key)}, "
            f"auth_token={state(self._auth_token)}, max_retries={self.max_retries})"
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
    ) -> ModelPage:
        """One page of models (one request), newest first.

        >>> page = client.list_models(limit=2)
        >>> [model.id for model in page], page.has_more
        (['claude-sonnet-4-6', 'claude-opus-4-6'], True)
        """
        return self._page(_check_limit(limit), _check_cursors(after_id, before_id))

    def iter_models(
        self,
        *,
        limit: Optional[int] = None,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
    ) -> Iterator[ModelInfo]:
        """Every model from a point on, fetching pages lazily; see :func:`pagination.walk`.

        Started with ``before_id``, the walk goes backward (toward newer models) and yields the
        model just before the cursor first. Arguments are checked now; nothing is sent before
        the first model is asked for.

        >>> models = client.iter_models(limit=100)
        >>> next(models).id
        'claude-sonnet-4-6'
        """
        page_size = _check_limit(limit)
        start = _check_cursors(after_id, before_id)
        return walk(lambda cursor: self._page(page_size, cursor), start)

    def retrieve(self, model_id: str) -> ModelInfo:
        """One model by id or alias (``GET /v1/models/{model_id}``).

        >>> client.retrieve("claude-sonnet-4-5").id
        'claude-sonnet-4-5-20250929'
        """
        model_id = _check_id("model_id", model_id)
        raw = self._send(
            lambda pool, **kw: transport.get_model(pool, self.base_url, model_id, **kw)
        )
        return self._decode(raw, ModelInfo)

    # -- helpers over the operations ------------------------------------------------------------

    def is_model_available(self, model_id: str) -> bool:
        """True when the model exists and is not retired (one request, or the fresh cache).

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
        lifecycle: Union[Lifecycle, str, None] = None,
    ) -> list[ModelInfo]:
        """The models matching every filter given, newest first.

        ``capability`` names a capability that must be supported, dotted for nested ones
        (``"batch"``, ``"effort.high"``, ``"thinking.types.adaptive"``).

        >>> [m.id for m in client.find_models(line="haiku", lifecycle="active")]
        ['claude-haiku-4-5-20251001']
        """
        path = _capability_path(capability) if capability is not None else None
        wanted = _lifecycle(lifecycle)
        return [
            model
            for model in self._catalogue()
            if (line is None or model.line == line)
            and (path is None or _capability_support(model, path))
            and (wanted is None or model.lifecycle is wanted)
        ]

    def latest(self, line: Optional[str] = None) -> Optional[ModelInfo]:
        """The newest active model, of one line if given; None if there is none.

        Without a cache, the walk stops at the first match.

        >>> client.latest("sonnet").id
        'claude-sonnet-4-6'
        """
        return next(
            (
                model
                for model in self._catalogue()
                if model.lifecycle in (None, Lifecycle.active)
                and (line is None or model.line == line)
            ),
            None,
        )

    def clear_cache(self) -> None:
        """Forget the cached catalogue (if ``cache_ttl`` was given)."""
        if self._cache is not None:
            self._cache.clear()

    # -- internals ------------------------------------------------------------------------------

    def _catalogue(self) -> Iterator[ModelInfo]:
        if self._cache is None:
            return self.iter_models(limit=MAX_PAGE_SIZE)
        return iter(self._cache.get(lambda: tuple(self.iter_models(limit=MAX_PAGE_SIZE))))

    def _lookup(self, model_id: str) -> ModelInfo:
        _check_id("model_id", model_id)
        cached = self._cache.fresh() if self._cache is not None else None
        if cached is not None and model_id in cached[1]:
            return cached[1][model_id]
        return self.retrieve(model_id)  # also resolves aliases, which the list does not show

    def _page(self, limit: Optional[int], cursor: Cursor) -> ModelPage:
        raw = self._send(
            lambda pool, **kw: transport.list_models(
                pool,
                self.base_url,
                after_id=cursor.after_id,
                before_id=cursor.before_id,
                limit=limit,
                **kw,
            )
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

    def _send(self, call: Callable[..., transport.RawResponse]) -> transport.RawResponse:
        """One operation with retries: urllib3 retries up to the headers, this loop the body."""
        retries: urllib3.util.Retry = _http.make_retry(self.max_retries)
        headers = {**self._headers, "anthropic-version": self.anthropic_version}
        if self._validator is not None:
            self._validate_request(call, headers)
        started = time.monotonic()
        while True:
            try:
                raw = call(
                    self._pool,
                    headers=headers,
                    timeout=self.timeout,
                    retries=retries,
                    max_body_bytes=self.max_body_bytes,
                    body_timeout=_http.body_timeout(self.timeout),
                )
            except transport.InvalidParameterError as exc:
                raise InvalidArgumentError(str(exc)) from None
            except transport.ResponseTooLarge as exc:
                raise APIConnectionError(self._redact(str(exc))) from None
            except transport.BodyError as exc:
                state = exc.retries if exc.retries is not None else retries
                try:
                    retries = state.increment("GET", None, error=exc.__cause__ or exc)  # type: ignore[arg-type]
                except (MaxRetryError, HTTPError):
                    raise self._connection_error(exc) from None
                retries.sleep()
                continue
            except (MaxRetryError, HTTPError, OSError) as exc:
                raise self._connection_error(exc) from None
            log.debug(
                "%s %s -> %s (request-id %s) in %.0f ms",
                raw.method,
                self._redact(raw.url),
                raw.status,
                raw.headers.get("request-id"),
                (time.monotonic() - started) * 1000,
            )
            if raw.status >= 300:
                raise self._status_error(raw)
            return raw

    def _validate_request(
        self, call: Callable[..., transport.RawResponse], headers: dict[str, str]
    ) -> None:
        """Build the request without sending it, and check it against the spec."""
        assert self._validator is not None
        recorder = _RecordingPool()
        with contextlib.suppress(_Recorded):
            call(recorder, headers=headers)
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
                raise ResponseValidationError(self._redact(message + extra), path=path)
        try:
            return _codec.decode(raw.body, cls)
        except ResponseValidationError as exc:
            raise ResponseValidationError(self._redact(exc.reason), path=exc.path) from None

    def _status_error(self, raw: transport.RawResponse) -> Exception:
        body_bytes = self._redact_bytes(raw.body)
        request_id = raw.headers.get("request-id")
        if 300 <= raw.status < 400:
            location = self._redact(raw.headers.get("location", "nowhere"))
            return APIConnectionError(
                f"{raw.status} redirect to {location} not followed (the API key stays with "
                f"{self.base_url}); point base_url at the final address"
            )
        body: object = None
        error_type: Optional[str] = None
        message: Optional[str] = None
        try:
            body = _codec.loads(body_bytes)
        except ResponseValidationError:
            body = body_bytes.decode("utf-8", "replace")
        else:
            try:
                detail = _codec.structure(body, ErrorResponse).error
                error_type, message = detail.type, detail.message
            except ResponseValidationError:
                pass
        if message is None:
            snippet = " ".join(body_bytes.decode("utf-8", "replace").split())[:200]
            message = f"HTTP {raw.status}" + (
                f" with a body that is not the error shape: {snippet!r}" if snippet else ""
            )
        if raw.status == 401 and not self._secrets:
            message += " (no API key was sent: pass api_key= or set ANTHROPIC_API_KEY)"
        cls: type[APIStatusError] = status_error_class(raw.status)
        return cls(
            message, status_code=raw.status, request_id=request_id, error_type=error_type, body=body
        )

    def _connection_error(self, exc: BaseException) -> APIConnectionError:
        if isinstance(exc, transport.BodyError):
            kind = APITimeoutError if isinstance(exc, transport.BodyTimeout) else APIConnectionError
            return kind(self._redact(str(exc)))
        error = _http.connection_error(exc, f"GET {self.base_url}")
        return type(error)(self._redact(str(error)))

    def _redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret.decode(), "[REDACTED]")
        return text

    def _redact_bytes(self, data: bytes) -> bytes:
        for secret in self._secrets:
            data = data.replace(secret, b"[REDACTED]")
        return data


class _Recorded(Exception):
    """Raised by _RecordingPool to stop a call once its request is built."""


class _RecordingPool:
    """A pool that records the URL it is asked for and sends nothing."""

    method = url = ""

    def urlopen(self, method: str, url: str, redirect: bool = True, **kw: Any) -> Any:
        self.method, self.url = method, url
        raise _Recorded
