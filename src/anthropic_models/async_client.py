"""The Models API client for asyncio: the sync client's surface, awaited.

The transport is urllib3, which has no asyncio: each attempt's send runs in one of the client's
own worker threads (``connection_limit`` of them, default 100, with as many pooled connections per
host), so that concurrent calls run concurrently and never queue behind the event loop's default
executor. Everything else is the sync client's core: the same arguments, checks, retries, errors
and cache. The wait between two attempts is an ``await asyncio.sleep``: cancelling stops a backoff
at once, and no thread is held while waiting. Cancelling a task whose request is on the wire
returns at once with ``CancelledError``; the request finishes in its thread within its timeout and
its answer is dropped.

>>> import asyncio
>>> from anthropic_models import AsyncModelsClient
>>> async def main() -> str:
...     async with AsyncModelsClient(api_key="sk-example", base_url="http://127.0.0.1:9") as client:
...         return repr(client)
>>> asyncio.run(main())
"AsyncModelsClient(ModelsClient(base_url='http://127.0.0.1:9', api_key=<set>, auth_token=<unset>, max_retries=2))"
"""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from typing import Any, AsyncIterator, Callable, Optional, TypeVar

from anthropic_models._core import FAILURES, Prepared, Retry
from anthropic_models._options import check_connection_limit, check_id
from anthropic_models.client import (
    PAGE_SIZE_MAX,
    ModelsClient,
    Stages,
    is_usable,
    page_of,
    selection,
    start_cursor,
)
from anthropic_models.errors import (
    ClientClosedError,
    InvalidArgumentError,
    ModelUnavailableError,
    NotFoundError,
)
from anthropic_models.pagination import Cursor, ModelPage, Walk
from anthropic_models_generated import transport
from anthropic_models_generated.methods import RESULTS, AsyncMethods, CallOptions
from anthropic_models_generated.models import ModelInfo
from anthropic_models_generated.operations import Operation

__all__ = ["DEFAULT_CONNECTION_LIMIT", "AsyncModelsClient"]

T = TypeVar("T")

DEFAULT_CONNECTION_LIMIT = 100
"""Requests in flight at once, and pooled connections per host (the official SDK's default)."""


class AsyncModelsClient(AsyncMethods[ModelPage]):
    """``ModelsClient`` for asyncio: ``await`` each call, ``async for`` over ``iter_models``.

    Takes exactly the arguments of :class:`ModelsClient`, and ``connection_limit`` (requests in
    flight at once); or ``client=`` an existing sync client, whose pool it then shares and does not
    close.
    """

    def __init__(
        self,
        *args: Any,
        client: Optional[ModelsClient] = None,
        connection_limit: int = DEFAULT_CONNECTION_LIMIT,
        **kwargs: Any,
    ) -> None:
        if client is not None and (args or kwargs):
            raise InvalidArgumentError("give client= or the client's arguments, not both")
        connection_limit = check_connection_limit(connection_limit)
        self._owns = client is None
        if client is None:
            kwargs["connection_limit"] = connection_limit
        self.sync: ModelsClient = client if client is not None else ModelsClient(*args, **kwargs)
        self.connection_limit = connection_limit
        self._closed = False
        self._executor = ThreadPoolExecutor(
            max_workers=connection_limit, thread_name_prefix="anthropic-models"
        )

    def __repr__(self) -> str:
        return f"AsyncModelsClient({self.sync!r})"

    async def __aenter__(self) -> AsyncModelsClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the client's connections (not those of a ``client=`` shared with others)."""
        self._closed = True
        self._executor.shutdown(wait=False)
        if self._owns:
            self.sync.close()

    async def _run(self, function: Callable[..., T], *args: Any) -> T:
        """Run blocking work in the client's own threads."""
        if self._closed:
            raise ClientClosedError("the client is closed: make a new one")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(function, *args))

    async def _send(self, prepared: Prepared) -> transport.RawResponse:
        """Every attempt of one call, with the core's word after each (the asyncio shell)."""
        sync, core = self.sync, self.sync.core
        await self._run(core.check_request, prepared)
        attempt = 0
        while True:
            pool = sync._pool
            if pool is None:
                raise ClientClosedError("the client is closed: make a new one")
            try:
                outcome: Any = await self._run(
                    functools.partial(
                        transport.send,
                        pool,
                        prepared.request,
                        timeout=prepared.timeout,
                        max_body_bytes=sync.options.max_body_bytes,
                        body_timeout=prepared.body_timeout,
                    )
                )
            except FAILURES as exc:
                outcome = exc
            judged = core.judge(prepared, attempt, outcome)
            if not isinstance(judged, Retry):
                return judged
            await asyncio.sleep(judged.wait)
            attempt += 1

    # -- the hooks of the generated methods (list_models, iter_models, retrieve) ----------------

    async def _invoke(
        self, operation: Operation, arguments: dict[str, Any], options: CallOptions
    ) -> Any:
        prepared = self.sync.core.prepare(operation, arguments, options)
        raw = await self._send(prepared)
        return await self._decode(prepared, raw, RESULTS[operation.operation_id])

    async def _decode(self, prepared: Prepared, raw: transport.RawResponse, cls: type[T]) -> T:
        # A large page takes a while to decode, and a validator to load: off the event loop.
        return await self._run(self.sync.core.decode, prepared, raw, cls)

    async def _page(
        self, operation: Operation, arguments: dict[str, Any], options: CallOptions
    ) -> ModelPage:
        cursor = start_cursor(arguments)
        return await self._fetch(operation, arguments, options, cursor)

    async def _fetch(
        self,
        operation: Operation,
        arguments: dict[str, Any],
        options: CallOptions,
        cursor: Cursor,
    ) -> ModelPage:
        prepared = self.sync.core.prepare(operation, {**arguments, **cursor.params()}, options)
        raw = await self._send(prepared)
        decoded = await self._decode(prepared, raw, RESULTS[operation.operation_id])
        return page_of(raw, decoded, cursor)

    def _iterate(
        self, operation: Operation, arguments: dict[str, Any], options: CallOptions
    ) -> AsyncIterator[Any]:
        start = start_cursor(arguments)
        self.sync.core.prepare(operation, {**arguments, **start.params()}, options)  # checked now

        async def walk() -> AsyncIterator[Any]:
            state = Walk(start)
            while (cursor := state.next_cursor()) is not None:
                page = await self._fetch(operation, arguments, options, cursor)
                for model in state.models(cursor, page):
                    yield model

        return walk()

    # -- helpers over the operations ------------------------------------------------------------
    # Without a cache they are awaited walks and retrieves; the cache (shared with the sync client,
    # behind its locks) is used from the client's threads.

    @property
    def _cached(self) -> bool:
        return self.sync._cache is not None

    async def is_model_available(self, model_id: str) -> bool:
        """True when the model exists and is not retired; see :meth:`ModelsClient.is_model_available`."""
        if self._cached:
            return await self._run(self.sync.is_model_available, model_id)
        try:
            return is_usable(await self.retrieve(check_id("model_id", model_id)))
        except NotFoundError:
            return False

    async def require_model(self, model_id: str) -> ModelInfo:
        """The model, or ModelUnavailableError saying why not."""
        if self._cached:
            return await self._run(self.sync.require_model, model_id)
        try:
            model = await self.retrieve(check_id("model_id", model_id))
        except NotFoundError:
            raise ModelUnavailableError(model_id, "not found") from None
        if not is_usable(model):
            raise ModelUnavailableError(model_id, "retired")
        return model

    async def find_models(
        self,
        *,
        line: Optional[str] = None,
        capability: Optional[str] = None,
        lifecycle: Stages = None,
    ) -> list[ModelInfo]:
        """The models matching every filter; see :meth:`ModelsClient.find_models`."""
        keep = selection(line, capability)
        if self._cached and lifecycle is None:
            return await self._run(
                functools.partial(self.sync.find_models, line=line, capability=capability)
            )
        walk = self.iter_models(limit=PAGE_SIZE_MAX, lifecycle=lifecycle)
        return [model async for model in walk if keep(model)]

    async def latest(self, line: Optional[str] = None) -> Optional[ModelInfo]:
        """The newest active model, of one line if given (the walk stops at the first match)."""
        keep = selection(line, active=True)
        if self._cached:
            return await self._run(self.sync.latest, line)
        async for model in self.iter_models(limit=PAGE_SIZE_MAX):
            if keep(model):
                return model
        return None

    def clear_cache(self) -> None:
        """Forget the cached catalogue and aliases."""
        self.sync.clear_cache()
