"""The Models API client.

The examples in this module's docstrings run against the reference server's built-in catalogue,
as ``client`` (the test suite runs them so).

>>> from anthropic_models import ModelsClient
>>> with ModelsClient(api_key="sk-example", base_url="http://127.0.0.1:9") as local:
...     local
ModelsClient(base_url='http://127.0.0.1:9', api_key=<set>, auth_token=<unset>, max_retries=2)

The operations (their typed methods generated from the spec): one page, every model lazily, one
model by id or alias (retired ones included).

>>> page = client.list_models(limit=2)
>>> len(page), page.has_more
(2, True)
>>> next(client.iter_models(limit=100, lifecycle=["retired"])).lifecycle.value
'retired'
>>> client.retrieve(page.data[1].id) == page.data[1]
True
"""

from __future__ import annotations

import platform
import ssl
from typing import Any, Callable, Iterator, Optional, Sequence, Union

import attrs
import urllib3
from urllib3 import Timeout

from anthropic_models import _http
from anthropic_models._cache import CatalogueCache
from anthropic_models._core import FAILURES, Core, Prepared, Retry
from anthropic_models._network import NetworkSettings, make_pool
from anthropic_models._options import (
    DEFAULT_ANTHROPIC_VERSION,
    DEFAULT_BASE_URL,
    ClientOptions,
    check_connection_limit,
    check_id,
)
from anthropic_models._retry import DEFAULT_MAX_RETRY_WAIT, sleep
from anthropic_models._version import __version__
from anthropic_models.errors import (
    ClientClosedError,
    InvalidArgumentError,
    ModelUnavailableError,
    NotFoundError,
)
from anthropic_models.pagination import Cursor, ModelPage, walk
from anthropic_models_generated import operations, transport
from anthropic_models_generated.methods import RESULTS, CallOptions, SyncMethods
from anthropic_models_generated.models import (
    Lifecycle,
    ModelCapabilities,
    ModelInfo,
)
from anthropic_models_generated.operations import Operation

__all__ = ["DEFAULT_ANTHROPIC_VERSION", "DEFAULT_BASE_URL", "ModelsClient"]

_USER_AGENT = f"anthropic-models/{__version__} Python/{platform.python_version()} urllib3/{getattr(urllib3, '__version__', '?')}"
_LIMIT_MAX = operations.LIST_MODELS.parameter("limit").maximum
PAGE_SIZE_MAX = None if _LIMIT_MAX is None else int(_LIMIT_MAX)  # the largest page the spec allows
Stages = Union[str, Lifecycle, Sequence[Union[str, Lifecycle]], None]


def start_cursor(arguments: dict[str, Any]) -> Cursor:
    """Take the cursors out of a list call's arguments: where its walk starts."""
    after_id, before_id = arguments.pop("after_id", None), arguments.pop("before_id", None)
    if after_id is not None and before_id is not None:
        raise InvalidArgumentError("give after_id or before_id, not both")
    return Cursor(after_id=after_id, before_id=before_id)


def page_of(raw: transport.RawResponse, response: Any, cursor: Cursor) -> ModelPage:
    """A decoded list answer as the page of a walk."""
    return ModelPage(
        data=tuple(response.data),
        first_id=response.first_id,
        last_id=response.last_id,
        has_more=response.has_more,
        request_id=raw.headers.get("request-id"),
        backward=cursor.backward,
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


def selection(
    line: Optional[str], capability: Optional[str] = None, *, active: bool = False
) -> Callable[[ModelInfo], bool]:
    """The filter of ``find_models`` and ``latest`` (arguments checked now)."""
    if line is not None and not isinstance(line, str):
        raise InvalidArgumentError(f"line must be a string, not {line!r}")
    path = _capability_path(capability) if capability is not None else None

    def keep(model: ModelInfo) -> bool:
        return (
            (not active or model.lifecycle is Lifecycle.active)
            and (line is None or model.line == line)
            and (path is None or _capability_support(model, path))
        )

    return keep


def is_usable(model: ModelInfo) -> bool:
    """Not retired: retired is the one stage documented as unusable (a newer stage is usable)."""
    return model.lifecycle is not Lifecycle.retired


class ModelsClient(SyncMethods[ModelPage]):
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
    ``pool`` is a urllib3 pool of your own instead (it is not closed by :meth:`close`);
    ``connection_limit`` is how many connections the client's own pool keeps per host.

    The operations' methods (``list_models``, ``iter_models``, ``retrieve``) are generated from the
    spec (:mod:`anthropic_models_generated.methods`): every parameter of the spec is a typed keyword.
    Each also takes ``extra_headers``, ``extra_query`` and ``timeout`` for one call, as the official
    SDK's methods do; a name given in ``extra_query`` or ``extra_headers`` replaces the method's own.
    After :meth:`close`, a call raises :class:`~anthropic_models.errors.ClientClosedError`.

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
        connection_limit: int = 16,
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
        self.core = Core(self.options, secrets=tuple(self.network.secrets), validate=validate)
        ttl = self.options.cache_ttl
        self._cache = CatalogueCache(ttl) if ttl is not None else None
        self._owns_pool = pool is None
        self._pool: Optional[transport.Pool] = (
            pool
            if pool is not None
            else make_pool(self.network, maxsize=check_connection_limit(connection_limit))
        )

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
        """Close the client's own connections; a call after this raises :class:`ClientClosedError`.

        A pool passed in is left open (it is yours), but this client no longer uses it.
        """
        pool, self._pool = self._pool, None
        if self._owns_pool and isinstance(pool, urllib3.PoolManager):
            pool.clear()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._pool is None

    # -- the hooks of the generated methods (list_models, iter_models, retrieve) ----------------

    def _invoke(self, operation: Operation, arguments: dict[str, Any], options: CallOptions) -> Any:
        prepared = self.core.prepare(operation, arguments, options)
        raw = self.send(prepared)
        return self.core.decode(prepared, raw, RESULTS[operation.operation_id])

    def _page(
        self, operation: Operation, arguments: dict[str, Any], options: CallOptions
    ) -> ModelPage:
        cursor = start_cursor(arguments)
        return self._fetch(operation, arguments, options, cursor)(cursor)

    def _iterate(
        self, operation: Operation, arguments: dict[str, Any], options: CallOptions
    ) -> Iterator[Any]:
        cursor = start_cursor(arguments)
        return walk(self._fetch(operation, arguments, options, cursor), cursor)

    def _fetch(
        self, operation: Operation, arguments: dict[str, Any], options: CallOptions, start: Cursor
    ) -> Callable[[Cursor], ModelPage]:
        """The page fetcher of one walk; the arguments are checked now, before any request."""
        self.core.prepare(operation, {**arguments, **start.params()}, options)
        result = RESULTS[operation.operation_id]

        def fetch(cursor: Cursor) -> ModelPage:
            prepared = self.core.prepare(operation, {**arguments, **cursor.params()}, options)
            raw = self.send(prepared)
            return page_of(raw, self.core.decode(prepared, raw, result), cursor)

        return fetch

    # -- helpers over the operations ------------------------------------------------------------

    def is_model_available(self, model_id: str) -> bool:
        """True when the model exists and is not retired (one request, or the cache).

        A 404 is False; any other failure raises (an outage is not "unavailable").

        >>> client.is_model_available(retired_id)
        False
        """
        try:
            return is_usable(self._lookup(model_id))
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
        if not is_usable(model):
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

        >>> all(m.line == "haiku" for m in client.find_models(line="haiku", lifecycle="active"))
        True
        """
        keep = selection(line, capability)
        return [model for model in self._catalogue(lifecycle) if keep(model)]

    def latest(self, line: Optional[str] = None) -> Optional[ModelInfo]:
        """The newest active model, of one line if given; None if there is none.

        Without a cache, the walk stops at the first match.

        >>> client.latest("sonnet").line
        'sonnet'
        """
        return next(filter(selection(line, active=True), self._catalogue(None)), None)

    def clear_cache(self) -> None:
        """Forget the cached catalogue and aliases (if ``cache_ttl`` was given)."""
        if self._cache is not None:
            self._cache.clear()

    # -- internals ------------------------------------------------------------------------------

    def _catalogue(self, lifecycle: Stages) -> Iterator[ModelInfo]:
        """The models of a view, from the cache for the default view when there is one."""

        def walk_all() -> Iterator[ModelInfo]:
            return self.iter_models(limit=PAGE_SIZE_MAX, lifecycle=lifecycle)

        if self._cache is None or lifecycle is not None:
            return walk_all()
        return iter(self._cache.get(lambda: tuple(walk_all())))

    def _lookup(self, model_id: str) -> ModelInfo:
        check_id("model_id", model_id)
        if self._cache is None:
            return self.retrieve(model_id)
        return self._cache.resolve(model_id, self.retrieve)

    def send(self, prepared: Prepared) -> transport.RawResponse:
        """Send a prepared call: every attempt, with the core's word after each (the sync shell)."""
        self.core.check_request(prepared)
        attempt = 0
        while True:
            pool = self._pool
            if pool is None:
                raise ClientClosedError("the client is closed: make a new one")
            try:
                outcome: Any = transport.send(
                    pool,
                    prepared.request,
                    timeout=prepared.timeout,
                    max_body_bytes=self.options.max_body_bytes,
                    body_timeout=prepared.body_timeout,
                )
            except FAILURES as exc:
                outcome = exc
            judged = self.core.judge(prepared, attempt, outcome)
            if not isinstance(judged, Retry):
                return judged
            sleep(judged.wait)
            attempt += 1
