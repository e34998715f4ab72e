"""Learning the target's catalogue first: a forward walk with the largest ``limit``, within the budget."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping, Optional

import attrs

from anthropic_models.conformance.outcomes import Failure, Inconclusive
from anthropic_models.conformance.pages import MAX_LIMIT, instant, read_page
from anthropic_models.conformance.target import BudgetExhausted, Exchange, NoAnswer, Target

__all__ = ["WALK_LIMIT", "Catalogue", "DiscoveryFailed", "Untestable", "discover"]

WALK_LIMIT = MAX_LIMIT
"""The page size of the discovery walk: the largest the spec allows."""

FALLBACK_LIMIT = max(1, MAX_LIMIT // 10)
"""The page size of the walk when the target refuses ``limit=1000`` (limit-honoured reports it)."""


class Untestable(Exception):
    """The target cannot be tested: unreachable, no credentials, credentials refused."""


class DiscoveryFailed(Exception):
    """The target answered, but its pages cannot be walked: a broken body, a loop, an error."""

    def __init__(self, reason: str, exchange: Optional[Exchange] = None) -> None:
        self.reason = reason
        self.exchange = exchange
        super().__init__(reason)


@attrs.frozen
class Catalogue:
    """The target's models, newest first as it listed them, and how they were read."""

    ids: tuple[str, ...]
    items: Mapping[str, Mapping[str, Any]] = attrs.field(repr=False)
    """Each model's JSON object, by id."""
    pages: int
    limit: int = WALK_LIMIT
    """The page size of the walk."""
    sources: Mapping[str, Exchange] = attrs.field(repr=False, factory=dict)
    """The response that listed each id."""
    duplicates: tuple[str, ...] = ()
    """Ids the walk met more than once (kept once, in their first place)."""

    def position(self, model_id: str) -> int:
        """The index of ``model_id`` in :attr:`ids`."""
        return self.ids.index(model_id)

    def created_at(self, model_id: str) -> Optional[datetime]:
        """The model's release time, or None when it is not an RFC 3339 date-time."""
        return instant(self.items[model_id].get("created_at"))


def discover(target: Target) -> Catalogue:
    """Walk the whole catalogue forward (``after_id = last_id`` while ``has_more``).

    Raises Untestable when the first request gets no answer or an error status (the credentials
    are refused, the base URL is wrong); Inconclusive when the budget is too small; NoAnswer when
    a later page gets no answer; DiscoveryFailed when a later page is broken or the walk would loop.
    """
    ids: list[str] = []
    items: dict[str, Mapping[str, Any]] = {}
    sources: dict[str, Exchange] = {}
    duplicates: list[str] = []
    cursors: set[str] = set()
    cursor: Optional[str] = None
    pages = 0
    limit = WALK_LIMIT
    while True:
        try:
            exchange = target.list_models(after_id=cursor, limit=limit)
        except NoAnswer as exc:
            if pages == 0:
                said = "unreachable" if exc.kind == "unreachable" else "the first page"
                raise Untestable(f"{said}: {exc.reason}") from None
            raise
        except BudgetExhausted:
            raise Inconclusive(
                f"the catalogue needs more than {target.max_requests} requests of limit "
                f"{limit} to walk: raise --max-requests"
            ) from None
        if pages == 0 and limit == WALK_LIMIT and exchange.status == 400:
            limit = FALLBACK_LIMIT  # a target that refuses the largest limit is still testable
            continue
        pages += 1
        if pages == 1 and exchange.status != 200:
            raise Untestable(_refusal(exchange))
        try:
            page = read_page(exchange)
        except Failure as failure:
            raise DiscoveryFailed(f"page {pages}: {failure.reason}", exchange) from None
        for model_id, item in zip(page.ids, page.items):
            if model_id in items:
                duplicates.append(model_id)
            else:
                ids.append(model_id)
                items[model_id] = item
                sources[model_id] = exchange
        if not page.has_more:
            break
        if not page.ids:
            raise DiscoveryFailed(
                f"page {pages} is empty but has_more is true: the walk cannot go on", exchange
            )
        cursor = page.last_id if isinstance(page.last_id, str) and page.last_id else page.ids[-1]
        if cursor in cursors:
            raise DiscoveryFailed(
                f"page {pages} sends the walk back to after_id={cursor!r}: it would loop", exchange
            )
        cursors.add(cursor)
    return Catalogue(tuple(ids), items, pages, limit, sources, tuple(duplicates))


def _refusal(exchange: Exchange) -> str:
    try:
        detail = exchange.json()["error"]
        said = f" {detail['type']}: {detail['message']}"
    except (ValueError, KeyError, TypeError):
        said = ""
    if exchange.status in (401, 403):  # not the spec's: HTTP's refusals of a credential
        return f"the target refuses the credentials ({exchange.status}{said}) [{exchange}]"
    if exchange.status == 404:
        return f"no Models API at this base URL (404{said}) [{exchange}]"
    return f"the first page answered {exchange.status}{said} [{exchange}]"
