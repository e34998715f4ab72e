"""The Models API client for asyncio: the sync client's surface, awaited.

The transport is urllib3, which has no asyncio: each request runs in a worker thread
(``asyncio.to_thread``) while the event loop goes on. Everything else is the sync client's: the
same arguments, options, retries, errors and cache. Cancelling an awaiting task returns at once
with ``CancelledError``; a request already on the wire finishes in its thread within its timeout
and its answer is dropped.

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
from typing import Any, AsyncIterator, Callable, Mapping, Optional, TypeVar, Union

from urllib3 import Timeout

from anthropic_models._options import check_lifecycle, check_limit
from anthropic_models.client import ModelsClient, Stages, _Call, _check_cursors
from anthropic_models.pagination import ModelPage, Walk
from anthropic_models_generated.models import ModelInfo

__all__ = ["AsyncModelsClient"]

T = TypeVar("T")


class AsyncModelsClient:
    """``ModelsClient`` for asyncio: ``await`` each call, ``async for`` over ``iter_models``.

    Takes exactly the arguments of :class:`ModelsClient` (or ``client=`` an existing one, which
    it then shares and does not close).
    """

    def __init__(self, *args: Any, client: Optional[ModelsClient] = None, **kwargs: Any) -> None:
        if client is not None and (args or kwargs):
            from anthropic_models.errors import InvalidArgumentError

            raise InvalidArgumentError("give client= or the client's arguments, not both")
        self._owns = client is None
        self.sync: ModelsClient = client if client is not None else ModelsClient(*args, **kwargs)

    def __repr__(self) -> str:
        return f"AsyncModelsClient({self.sync!r})"

    async def __aenter__(self) -> AsyncModelsClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections of the client (not of a ``client=`` shared with others)."""
        if self._owns:
            self.sync.close()

    @staticmethod
    async def _run(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await asyncio.to_thread(functools.partial(function, *args, **kwargs))

    async def list_models(self, **kwargs: Any) -> ModelPage:
        """One page of models; the arguments of :meth:`ModelsClient.list_models`."""
        return await self._run(self.sync.list_models, **kwargs)

    async def retrieve(self, model_id: str, **kwargs: Any) -> ModelInfo:
        """One model by id or alias; the arguments of :meth:`ModelsClient.retrieve`."""
        return await self._run(self.sync.retrieve, model_id, **kwargs)

    async def is_model_available(self, model_id: str) -> bool:
        """True when the model exists and is not retired."""
        return await self._run(self.sync.is_model_available, model_id)

    async def require_model(self, model_id: str) -> ModelInfo:
        """The model, or ModelUnavailableError saying why not."""
        return await self._run(self.sync.require_model, model_id)

    async def find_models(self, **kwargs: Any) -> list[ModelInfo]:
        """The models matching every filter; the arguments of :meth:`ModelsClient.find_models`."""
        return await self._run(self.sync.find_models, **kwargs)

    async def latest(self, line: Optional[str] = None) -> Optional[ModelInfo]:
        """The newest active model, of one line if given."""
        return await self._run(self.sync.latest, line)

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
    ) -> AsyncIterator[ModelInfo]:
        """Every model from a point on, one page request at a time (arguments checked now)."""
        call = _Call.build(workspace_id, extra_headers, extra_query, timeout)
        page_size = check_limit(limit)
        stages = check_lifecycle(lifecycle)
        start = _check_cursors(after_id, before_id)
        return self._walk(page_size, stages, start, call)

    async def _walk(
        self, page_size: Optional[int], stages: Any, start: Any, call: _Call
    ) -> AsyncIterator[ModelInfo]:
        state = Walk(start)
        while (cursor := state.next_cursor()) is not None:
            page = await self._run(self.sync._page, page_size, stages, cursor, call)
            for model in state.models(cursor, page):
                yield model

    def clear_cache(self) -> None:
        """Forget the cached catalogue and aliases."""
        self.sync.clear_cache()
