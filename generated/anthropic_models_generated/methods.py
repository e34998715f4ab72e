# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 cb1e4d2b8113abd0c568db79b106b5961afaf376d1c50e6452560ca4dee26471
"""The typed methods of the clients: one per operation of openapi.yaml, sync and asyncio.

:class:`SyncMethods` and :class:`AsyncMethods` have identical signatures (the asyncio ones
awaited). A method only gathers its arguments and hands them to the client's hooks, which do the
work: ``_invoke`` (one request, its decoded result), ``_page`` (one page of a paginated operation)
and ``_iterate`` (every item of a paginated operation, pages fetched lazily). The hand-written
clients implement the hooks; a new parameter or operation in the spec reaches both clients'
signatures through this module alone.
"""

from __future__ import annotations

from typing import (
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

from anthropic_models_generated import models, operations
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


class SyncMethods(SyncHooks[PageT]):
    """The spec's operations as typed methods of a sync client."""

    def list_models(
        self,
        *,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        limit: Optional[int] = None,
        lifecycle: Optional[
            Union[models.Lifecycle, str, Sequence[Union[models.Lifecycle, str]]]
        ] = None,
        anthropic_beta: Optional[str] = None,
        workspace_id: Optional[str] = None,
        extra_headers: Optional[Mapping[str, str]] = None,
        extra_query: Optional[Mapping[str, object]] = None,
        timeout: Union[float, Timeout, None] = None,
    ) -> PageT:
        """List models: one request, ``GET /v1/models``.

        One page of the models available to the caller, newest first. Walk forward with
        `after_id = last_id` while `has_more` is true; walk backward with `before_id = first_id`.

        Parameters (from the spec):
            ``after_id``: Exclusive cursor: return the models immediately after the model with this id (older ones).
            ``before_id``: Exclusive cursor: return the `limit` models immediately before the model with this id (newer ones), newest first.
            ``limit``: Number of models per page.
            ``lifecycle``: Filter the list to models in any of the given lifecycle stages, each value one stage, as the official SDK sends it: `lifecycle[]=active&lifecycle[]=retired`.
            ``anthropic_beta``: Beta features to enable, as a comma-separated list (for example `files-api-2025-04-14`).
            ``workspace_id``: The Workspace to act in (for example `wrkspc_011CZkZaBF1tNoB5wlCeusgy`).
        """
        return self._page(
            operations.LIST_MODELS,
            {
                "after_id": after_id,
                "before_id": before_id,
                "limit": limit,
                "lifecycle": lifecycle,
                "anthropic_beta": anthropic_beta,
                "workspace_id": workspace_id,
            },
            CallOptions(extra_headers, extra_query, timeout),
        )

    def iter_models(
        self,
        *,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        limit: Optional[int] = None,
        lifecycle: Optional[
            Union[models.Lifecycle, str, Sequence[Union[models.Lifecycle, str]]]
        ] = None,
        anthropic_beta: Optional[str] = None,
        workspace_id: Optional[str] = None,
        extra_headers: Optional[Mapping[str, str]] = None,
        extra_query: Optional[Mapping[str, object]] = None,
        timeout: Union[float, Timeout, None] = None,
    ) -> Iterator[models.ModelInfo]:
        """Every item of list models, pages fetched lazily (arguments checked now).

        One page of the models available to the caller, newest first. Walk forward with
        `after_id = last_id` while `has_more` is true; walk backward with `before_id = first_id`.

        Parameters (from the spec):
            ``after_id``: Exclusive cursor: return the models immediately after the model with this id (older ones).
            ``before_id``: Exclusive cursor: return the `limit` models immediately before the model with this id (newer ones), newest first.
            ``limit``: Number of models per page.
            ``lifecycle``: Filter the list to models in any of the given lifecycle stages, each value one stage, as the official SDK sends it: `lifecycle[]=active&lifecycle[]=retired`.
            ``anthropic_beta``: Beta features to enable, as a comma-separated list (for example `files-api-2025-04-14`).
            ``workspace_id``: The Workspace to act in (for example `wrkspc_011CZkZaBF1tNoB5wlCeusgy`).
        """
        return self._iterate(
            operations.LIST_MODELS,
            {
                "after_id": after_id,
                "before_id": before_id,
                "limit": limit,
                "lifecycle": lifecycle,
                "anthropic_beta": anthropic_beta,
                "workspace_id": workspace_id,
            },
            CallOptions(extra_headers, extra_query, timeout),
        )

    def retrieve(
        self,
        model_id: str,
        *,
        anthropic_beta: Optional[str] = None,
        workspace_id: Optional[str] = None,
        extra_headers: Optional[Mapping[str, str]] = None,
        extra_query: Optional[Mapping[str, object]] = None,
        timeout: Union[float, Timeout, None] = None,
    ) -> models.ModelInfo:
        """Get a model: one request, ``GET /v1/models/{model_id}``.

        One model by its id or by an alias (such as `claude-sonnet-4-5`), which the server resolves to the
        model it currently points to. Retired models are still returned, with `lifecycle: retired`.

        Parameters (from the spec):
            ``model_id``: A model id or alias.
            ``anthropic_beta``: Beta features to enable, as a comma-separated list (for example `files-api-2025-04-14`).
            ``workspace_id``: The Workspace to act in (for example `wrkspc_011CZkZaBF1tNoB5wlCeusgy`).
        """
        return cast(
            models.ModelInfo,
            self._invoke(
                operations.GET_MODEL,
                {
                    "model_id": model_id,
                    "anthropic_beta": anthropic_beta,
                    "workspace_id": workspace_id,
                },
                CallOptions(extra_headers, extra_query, timeout),
            ),
        )


class AsyncMethods(AsyncHooks[PageT]):
    """The spec's operations as typed methods of an asyncio client: the sync ones, awaited."""

    async def list_models(
        self,
        *,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        limit: Optional[int] = None,
        lifecycle: Optional[
            Union[models.Lifecycle, str, Sequence[Union[models.Lifecycle, str]]]
        ] = None,
        anthropic_beta: Optional[str] = None,
        workspace_id: Optional[str] = None,
        extra_headers: Optional[Mapping[str, str]] = None,
        extra_query: Optional[Mapping[str, object]] = None,
        timeout: Union[float, Timeout, None] = None,
    ) -> PageT:
        """List models: one request, ``GET /v1/models``.

        One page of the models available to the caller, newest first. Walk forward with
        `after_id = last_id` while `has_more` is true; walk backward with `before_id = first_id`.

        Parameters (from the spec):
            ``after_id``: Exclusive cursor: return the models immediately after the model with this id (older ones).
            ``before_id``: Exclusive cursor: return the `limit` models immediately before the model with this id (newer ones), newest first.
            ``limit``: Number of models per page.
            ``lifecycle``: Filter the list to models in any of the given lifecycle stages, each value one stage, as the official SDK sends it: `lifecycle[]=active&lifecycle[]=retired`.
            ``anthropic_beta``: Beta features to enable, as a comma-separated list (for example `files-api-2025-04-14`).
            ``workspace_id``: The Workspace to act in (for example `wrkspc_011CZkZaBF1tNoB5wlCeusgy`).
        """
        return await self._page(
            operations.LIST_MODELS,
            {
                "after_id": after_id,
                "before_id": before_id,
                "limit": limit,
                "lifecycle": lifecycle,
                "anthropic_beta": anthropic_beta,
                "workspace_id": workspace_id,
            },
            CallOptions(extra_headers, extra_query, timeout),
        )

    def iter_models(
        self,
        *,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        limit: Optional[int] = None,
        lifecycle: Optional[
            Union[models.Lifecycle, str, Sequence[Union[models.Lifecycle, str]]]
        ] = None,
        anthropic_beta: Optional[str] = None,
        workspace_id: Optional[str] = None,
        extra_headers: Optional[Mapping[str, str]] = None,
        extra_query: Optional[Mapping[str, object]] = None,
        timeout: Union[float, Timeout, None] = None,
    ) -> AsyncIterator[models.ModelInfo]:
        """Every item of list models, pages fetched lazily (arguments checked now).

        One page of the models available to the caller, newest first. Walk forward with
        `after_id = last_id` while `has_more` is true; walk backward with `before_id = first_id`.

        Parameters (from the spec):
            ``after_id``: Exclusive cursor: return the models immediately after the model with this id (older ones).
            ``before_id``: Exclusive cursor: return the `limit` models immediately before the model with this id (newer ones), newest first.
            ``limit``: Number of models per page.
            ``lifecycle``: Filter the list to models in any of the given lifecycle stages, each value one stage, as the official SDK sends it: `lifecycle[]=active&lifecycle[]=retired`.
            ``anthropic_beta``: Beta features to enable, as a comma-separated list (for example `files-api-2025-04-14`).
            ``workspace_id``: The Workspace to act in (for example `wrkspc_011CZkZaBF1tNoB5wlCeusgy`).
        """
        return self._iterate(
            operations.LIST_MODELS,
            {
                "after_id": after_id,
                "before_id": before_id,
                "limit": limit,
                "lifecycle": lifecycle,
                "anthropic_beta": anthropic_beta,
                "workspace_id": workspace_id,
            },
            CallOptions(extra_headers, extra_query, timeout),
        )

    async def retrieve(
        self,
        model_id: str,
        *,
        anthropic_beta: Optional[str] = None,
        workspace_id: Optional[str] = None,
        extra_headers: Optional[Mapping[str, str]] = None,
        extra_query: Optional[Mapping[str, object]] = None,
        timeout: Union[float, Timeout, None] = None,
    ) -> models.ModelInfo:
        """Get a model: one request, ``GET /v1/models/{model_id}``.

        One model by its id or by an alias (such as `claude-sonnet-4-5`), which the server resolves to the
        model it currently points to. Retired models are still returned, with `lifecycle: retired`.

        Parameters (from the spec):
            ``model_id``: A model id or alias.
            ``anthropic_beta``: Beta features to enable, as a comma-separated list (for example `files-api-2025-04-14`).
            ``workspace_id``: The Workspace to act in (for example `wrkspc_011CZkZaBF1tNoB5wlCeusgy`).
        """
        return cast(
            models.ModelInfo,
            await self._invoke(
                operations.GET_MODEL,
                {
                    "model_id": model_id,
                    "anthropic_beta": anthropic_beta,
                    "workspace_id": workspace_id,
                },
                CallOptions(extra_headers, extra_query, timeout),
            ),
        )


RESULTS: dict[str, type[Any]] = {
    "list_models": models.ListModelsResponse,
    "get_model": models.ModelInfo,
}
"""The model each operation's successful answer decodes to, by operationId."""
