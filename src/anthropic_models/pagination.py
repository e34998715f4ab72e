"""Pages of models and the cursor walk over them: pure logic, no HTTP.

A forward walk follows ``after_id = last_id``; a walk started with ``before_id`` goes backward with
``before_id = first_id``. Either stops when ``has_more`` is false or the cursor is empty, and fails
with :class:`~anthropic_models.errors.PaginationError` instead of looping when a server repeats a
cursor or claims more models while sending none.

>>> from anthropic_models.pagination import Cursor, ModelPage
>>> page = ModelPage(data=[], first_id=None, last_id=None, has_more=False)
>>> page.next_cursor() is None
True
"""

from __future__ import annotations

from typing import Callable, Iterator, Optional, Sequence

import attrs

from anthropic_models.errors import PaginationError
from anthropic_models_generated.models import ModelInfo

__all__ = ["Cursor", "ModelPage", "Walk", "walk"]


@attrs.frozen
class Cursor:
    """Where a page starts: after a model, before one, or at the start of the list.

    >>> Cursor.before("m").params()
    {'before_id': 'm'}
    """

    after_id: Optional[str] = None
    before_id: Optional[str] = None

    @classmethod
    def after(cls, model_id: str) -> Cursor:
        return cls(after_id=model_id)

    @classmethod
    def before(cls, model_id: str) -> Cursor:
        return cls(before_id=model_id)

    @property
    def backward(self) -> bool:
        """True when the pages go toward newer models (a before_id walk)."""
        return self.before_id is not None

    def params(self) -> dict[str, str]:
        """The query parameters of this cursor."""
        if self.before_id is not None:
            return {"before_id": self.before_id}
        if self.after_id is not None:
            return {"after_id": self.after_id}
        return {}


@attrs.frozen(kw_only=True)
class ModelPage:
    """One page of ``GET /v1/models``, newest first, and the way to the next one.

    ``backward`` is true for a page asked for with ``before_id``: its next page is the one before
    it (``before_id = first_id``), and ``has_more`` speaks of that direction.

    >>> page = ModelPage(data=[], first_id="a", last_id="b", has_more=True)
    >>> page.next_cursor()
    Cursor(after_id='b', before_id=None)
    """

    data: Sequence[ModelInfo]
    first_id: Optional[str]
    last_id: Optional[str]
    has_more: bool
    request_id: Optional[str] = None
    backward: bool = False

    def next_cursor(self) -> Optional[Cursor]:
        """The cursor of the next page in this page's direction, or None at the end."""
        if not self.has_more:
            return None
        if self.backward:
            return Cursor.before(self.first_id) if self.first_id else None
        return Cursor.after(self.last_id) if self.last_id else None

    def __iter__(self) -> Iterator[ModelInfo]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


class Walk:
    """The state of one cursor walk, for the sync and the async loops alike.

    :meth:`next_cursor` says which page to fetch next (None at the end) and refuses a cursor seen
    before; :meth:`models` checks a fetched page and returns its models in walk order.
    """

    def __init__(self, start: Cursor) -> None:
        self._cursor: Optional[Cursor] = start
        self._seen: set[Cursor] = set()

    def next_cursor(self) -> Optional[Cursor]:
        cursor = self._cursor
        if cursor is not None:
            if cursor in self._seen:
                raise PaginationError(
                    f"the server sent cursor {cursor.params()} twice: the walk would loop forever"
                )
            self._seen.add(cursor)
        return cursor

    def models(self, cursor: Cursor, page: ModelPage) -> Sequence[ModelInfo]:
        if page.has_more and not page.data:
            raise PaginationError(
                f"the page at {cursor.params() or 'the start'} has has_more=true but no models"
            )
        self._cursor = page.next_cursor()
        return tuple(reversed(page.data)) if page.backward else page.data


def walk(fetch: Callable[[Cursor], ModelPage], start: Cursor) -> Iterator[ModelInfo]:
    """Every model from ``start`` on, moving away from it, fetching pages lazily.

    Nothing is fetched before the first item is asked for. A forward walk yields newest first; a
    backward walk yields the model just before its cursor first, then ever newer ones: exactly
    the forward order reversed.

    >>> pages = {Cursor(): ModelPage(data=[], first_id=None, last_id=None, has_more=False)}
    >>> list(walk(pages.__getitem__, Cursor()))
    []
    """
    state = Walk(start)
    while (cursor := state.next_cursor()) is not None:
        yield from state.models(cursor, fetch(cursor))
