"""The typed methods of the clients: one per operation of openapi.yaml, sync and asyncio.

:class:`SyncMethods` and :class:`AsyncMethods` have identical signatures (the asyncio ones
awaited). A method only gathers its arguments and hands them to the client's hooks, which do the
work: ``_invoke`` (one request, its decoded result), ``_page`` (one page of a paginated operation)
and ``_iterate`` (every item of a paginated operation, pages fetched lazily). The hand-written
clients implement the hooks; a new parameter or operation in the spec reaches both clients'
signatures through this module alone.
"""

from __future__ import annotations

from typing import (  # noqa: F401 (rendered code)
    Any,
    AsyncIterator,
    Generic,
    Iterator,
    Mapping,
    NamedTuple,
    Optional,
    Sequence,
    TypeVar,
    Union,
    cast,
)

from urllib3 import Timeout

from anthropic_models_generated import models, operations  # noqa: F401 (rendered code)
from anthropic_models_generated.operations import Operation

PageT = TypeVar("PageT")


class CallOptions(NamedTuple):
    """The per-call options every method takes besides the spec's parameters."""

    extra_headers: Optional[Mapping[str, str]] = None
    """Headers to add (a name given here replaces the method's own value)."""
    extra_query: Optional[Mapping[str, object]] = None
    """Query parameters to add (a name given here replaces the method's own value)."""
    timeout: Union[float, Timeout, None] = None
    """This call's timeout, instead of the client's."""


class SyncHooks(Generic[PageT]):
    """What a sync client implements for the generated methods."""

    def _invoke(self, operation: Operation, arguments: dict[str, Any], options: CallOptions) -> Any:
        raise NotImplementedError

    def _page(self, operation: Operation, arguments: dict[str, Any], options: CallOptions) -> PageT:
        raise NotImplementedError

    def _iterate(
        self, operation: Operation, arguments: dict[str, Any], options: CallOptions
    ) -> Iterator[Any]:
        raise NotImplementedError


class AsyncHooks(Generic[PageT]):
    """What an asyncio client implements for the generated methods."""

    async def _invoke(
        self, operation: Operation, arguments: dict[str, Any], options: CallOptions
    ) -> Any:
        raise NotImplementedError

    async def _page(
        self, operation: Operation, arguments: dict[str, Any], options: CallOptions
    ) -> PageT:
        raise NotImplementedError

    def _iterate(
        self, operation: Operation, arguments: dict[str, Any], options: CallOptions
    ) -> AsyncIterator[Any]:
        raise NotImplementedError
