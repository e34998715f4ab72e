"""Property tests of the reference server's pagination on random catalogues, limits and cursors."""

from __future__ import annotations

import json
from typing import Any, Optional

import pytest

pytest.importorskip("hypothesis", reason="hypothesis needs attrs >= 22.2 (not in min-deps)")

from hypothesis import given, settings
from hypothesis import strategies as st

from anthropic_models import _codec
from anthropic_models.pagination import Cursor, ModelPage, walk
from anthropic_models.server import Catalogue
from anthropic_models_generated.models import ListModelsResponse

SETTINGS = settings(max_examples=150, deadline=None)

# Few distinct dates, so that ties (broken by id) are common.
catalogues = st.lists(
    st.tuples(st.text("abcxyz-09", min_size=1, max_size=6), st.integers(min_value=1, max_value=5)),
    max_size=25,
    unique_by=lambda item: item[0],
).map(
    lambda items: Catalogue(
        [
            {
                "id": model_id,
                "type": "model",
                "created_at": f"2025-01-0{day}T00:00:00Z",
                "display_name": model_id,
                "lifecycle": "active",
            }
            for model_id, day in items
            if model_id not in (".", "..")
        ]
    )
)
limits = st.integers(min_value=1, max_value=30)


def fetch(catalog: Catalogue, limit: int) -> Any:
    """A page fetcher over the catalogue's JSON, as a client would see it."""

    def get(cursor: Cursor) -> ModelPage:
        body = json.loads(
            catalog.page_json(after_id=cursor.after_id, before_id=cursor.before_id, limit=limit)
        )
        page = _codec.structure(body, ListModelsResponse)
        return ModelPage(
            data=page.data,
            first_id=page.first_id,
            last_id=page.last_id,
            has_more=page.has_more,
            backward=cursor.backward,
        )

    return get


@SETTINGS
@given(catalogues, limits)
def test_forward_walk_covers_the_catalogue_once_in_order(catalog: Catalogue, limit: int) -> None:
    """A forward walk with any limit yields every model once, newest first, ties by id."""
    ids = [m.id for m in walk(fetch(catalog, limit), Cursor())]
    assert ids == list(catalog.ids)
    keys = [(m.created_at, m.id) for m in catalog.models]
    assert all(a[0] > b[0] or (a[0] == b[0] and a[1] < b[1]) for a, b in zip(keys, keys[1:]))


@SETTINGS
@given(catalogues, limits, st.data())
def test_backward_walk_is_the_forward_walk_reversed(
    catalog: Catalogue, limit: int, data: st.DataObject
) -> None:
    """From any cursor, walking backward gives exactly the models before it, nearest first."""
    if not len(catalog):
        return
    position = data.draw(st.integers(min_value=0, max_value=len(catalog) - 1))
    cursor = catalog.ids[position]
    backward = [m.id for m in walk(fetch(catalog, limit), Cursor(before_id=cursor))]
    forward = [m.id for m in walk(fetch(catalog, limit), Cursor(after_id=cursor))]
    assert backward == list(reversed(catalog.ids[:position]))
    assert forward == list(catalog.ids[position + 1 :])


@SETTINGS
@given(catalogues, limits, st.data())
def test_every_page_follows_the_rules(catalog: Catalogue, limit: int, data: st.DataObject) -> None:
    """Any single page: exclusive cursors, the right slice, has_more for its direction, its ids."""
    ids = list(catalog.ids)
    cursor: Optional[str] = data.draw(st.sampled_from(ids)) if ids else None
    backward = cursor is not None and data.draw(st.booleans())
    params = {"before_id": cursor} if backward else {"after_id": cursor}
    page = json.loads(catalog.page_json(limit=limit, **params))
    got = [m["id"] for m in page["data"]]
    if backward:
        stop = ids.index(cursor)  # type: ignore[arg-type]
        expected, more = ids[max(0, stop - limit) : stop], stop - limit > 0
    else:
        start = 0 if cursor is None else ids.index(cursor) + 1
        expected, more = ids[start : start + limit], start + limit < len(ids)
    assert got == expected
    assert page["has_more"] is more
    assert page["first_id"] == (got[0] if got else None)
    assert page["last_id"] == (got[-1] if got else None)
