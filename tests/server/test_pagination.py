"""GET /v1/models through the WSGI app: every pagination rule, under every lifecycle view."""

from __future__ import annotations

from itertools import combinations
from typing import Any, Optional, Sequence
from urllib.parse import quote

import pytest

from anthropic_models.server import Catalogue, ModelsApp
from anthropic_models.server.catalog import MAX_LIMIT
from tests.server.wsgi import (
    ALL_STAGES,
    KEY,
    SMALL_ORDER,
    call,
    in_view,
    model,
    small_catalog,
)

N = len(SMALL_ORDER)
VIEWS: list[Optional[tuple[str, ...]]] = [None] + [
    stages for size in (1, 2, 3) for stages in combinations(ALL_STAGES, size)
]
"""The default view and the seven non-empty sets of stages."""


@pytest.fixture(scope="module")
def app() -> ModelsApp:
    """The app over the seven-model catalogue, with one accepted key."""
    return ModelsApp(small_catalog(), api_key=KEY)


def page(
    app: ModelsApp, lifecycle: Optional[Sequence[str]] = ALL_STAGES, **params: Any
) -> dict[str, Any]:
    """One page as parsed JSON (every stage unless told); the request must succeed."""
    pairs = [f"{name}={quote(str(value), safe='')}" for name, value in params.items()]
    pairs += [f"lifecycle[]={stage}" for stage in lifecycle or ()]
    query = "&".join(pairs)
    answer = call(app, "/v1/models" + ("?" + query if query else ""))
    assert answer.status == 200, answer.body
    assert answer.headers["content-type"] == "application/json"
    data: dict[str, Any] = answer.json()
    assert list(data) == ["data", "first_id", "has_more", "last_id"]
    ids = [m["id"] for m in data["data"]]
    assert data["first_id"] == (ids[0] if ids else None)
    assert data["last_id"] == (ids[-1] if ids else None)
    return data


def ids_of(data: dict[str, Any]) -> list[str]:
    return [m["id"] for m in data["data"]]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("limit", range(1, N + 2))
def test_walking_forward_visits_every_model_of_the_view_once_newest_first(
    app: ModelsApp, view: Optional[tuple[str, ...]], limit: int
) -> None:
    """after_id = last_id while has_more: disjoint full pages, the whole view in order."""
    expected = in_view(view)
    seen: list[str] = []
    pages = 0
    cursor: Optional[str] = None
    while True:
        data = page(app, view, limit=limit, **({"after_id": cursor} if cursor else {}))
        pages += 1
        got = ids_of(data)
        assert got or not expected, "a walk never meets an empty page before has_more is false"
        assert not set(got) & set(seen)
        seen += got
        expected_more = len(seen) < len(expected)
        assert data["has_more"] is expected_more
        if not expected_more:
            break
        assert len(got) == limit
        cursor = data["last_id"]
    assert seen == expected
    assert pages == max(1, -(-len(expected) // limit))


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("limit", range(1, N + 2))
def test_walking_backward_visits_every_model_of_the_view_once_newest_first(
    app: ModelsApp, view: Optional[tuple[str, ...]], limit: int
) -> None:
    """From past the oldest model, before_id = first_id while has_more: the view, newest first."""
    expected = in_view(view)
    # A cursor outside the view works: start before the oldest model of the whole catalogue,
    # then add it back if the view holds it.
    data = page(app, view, before_id=SMALL_ORDER[-1], limit=limit)
    collected = ids_of(data)
    while data["has_more"]:
        data = page(app, view, before_id=data["first_id"], limit=limit)
        got = ids_of(data)
        assert len(got) == limit or not data["has_more"]
        assert not set(got) & set(collected)
        collected = got + collected
    oldest = [SMALL_ORDER[-1]] if SMALL_ORDER[-1] in expected else []
    assert collected + oldest == expected


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("position", range(N))
@pytest.mark.parametrize("limit", [1, 2, N])
def test_after_id_anywhere_returns_the_view_models_after_that_position(
    app: ModelsApp, view: Optional[tuple[str, ...]], position: int, limit: int
) -> None:
    """after_id is a position in the whole order, in the view or not; has_more within the view."""
    after = [i for i in in_view(view) if SMALL_ORDER.index(i) > position]
    data = page(app, view, after_id=SMALL_ORDER[position], limit=limit)
    assert ids_of(data) == after[:limit]
    assert data["has_more"] is (len(after) > limit)


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("position", range(N))
@pytest.mark.parametrize("limit", [1, 2, N])
def test_before_id_anywhere_returns_the_view_models_just_before_that_position(
    app: ModelsApp, view: Optional[tuple[str, ...]], position: int, limit: int
) -> None:
    """before_id is a position in the whole order; the limit view models just before it, newest first."""
    before = [i for i in in_view(view) if SMALL_ORDER.index(i) < position]
    data = page(app, view, before_id=SMALL_ORDER[position], limit=limit)
    assert ids_of(data) == before[max(0, len(before) - limit) :]
    assert data["has_more"] is (len(before) > limit)


def test_the_default_view_leaves_retired_models_out(app: ModelsApp) -> None:
    """Without lifecycle[] the list holds the active and deprecated models, never a retired one."""
    data = page(app, None, limit=N)
    assert ids_of(data) == ["m-a", "m-b", "m-c2", "m-f"]
    assert {m["lifecycle"] for m in data["data"]} == {"active", "deprecated"}
    assert data["has_more"] is False


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lifecycle=retired", ["m-c1", "m-d", "m-e"]),
        ("lifecycle%5B%5D=retired", ["m-c1", "m-d", "m-e"]),
        ("lifecycle=retired&lifecycle[]=deprecated", ["m-b", "m-c1", "m-d", "m-e", "m-f"]),
        ("lifecycle[]=active&lifecycle[]=active", ["m-a", "m-c2"]),
        ("lifecycle=active&lifecycle[]=active&lifecycle=active", ["m-a", "m-c2"]),
        ("lifecycle[]=retired&lifecycle[]=active&lifecycle[]=deprecated", SMALL_ORDER),
    ],
)
def test_lifecycle_forms_mix_and_a_repeated_stage_counts_once(
    app: ModelsApp, query: str, expected: list[str]
) -> None:
    """The plain form means the bracket form; forms mix; values are a set of stages."""
    answer = call(app, f"/v1/models?limit={N}&{query}")
    assert answer.status == 200, answer.body
    assert ids_of(answer.json()) == expected


def test_after_the_last_model_is_an_empty_page(app: ModelsApp) -> None:
    """after_id = the oldest model: no data, has_more false, null ids."""
    data = page(app, after_id=SMALL_ORDER[-1])
    assert data == {"data": [], "first_id": None, "has_more": False, "last_id": None}


def test_a_view_with_no_model_is_one_empty_page() -> None:
    """A stage no model is in gives an empty page whatever the cursor."""
    app = ModelsApp(Catalogue([model("only", "2025-01-01T00:00:00Z")]), api_key=KEY)
    for params in ({}, {"after_id": "only"}, {"before_id": "only"}):
        data = page(app, ["retired"], **params)
        assert data == {"data": [], "first_id": None, "has_more": False, "last_id": None}


def test_before_the_first_model_is_an_empty_page(app: ModelsApp) -> None:
    """before_id = the newest model: no data, has_more false, null ids."""
    data = page(app, before_id=SMALL_ORDER[0], limit=5)
    assert data == {"data": [], "first_id": None, "has_more": False, "last_id": None}


def test_an_empty_catalogue_is_one_empty_page() -> None:
    """With no models the first page is empty and has_more is false."""
    data = page(ModelsApp(Catalogue(), api_key=KEY))
    assert data == {"data": [], "first_id": None, "has_more": False, "last_id": None}


def test_default_limit_is_the_specs_and_limits_run_to_its_maximum() -> None:
    """No limit gives the spec's default (20); 1 and the maximum (1000) are accepted."""
    app = ModelsApp(Catalogue.synthetic(MAX_LIMIT + 5), api_key=KEY)
    assert len(page(app)["data"]) == 20
    assert page(app)["has_more"] is True
    assert len(page(app, limit=1)["data"]) == 1
    full = page(app, limit=MAX_LIMIT)
    assert len(full["data"]) == MAX_LIMIT
    assert full["has_more"] is True
    tail = page(app, limit=MAX_LIMIT, after_id=full["last_id"])
    assert len(tail["data"]) == 5
    assert tail["has_more"] is False


@pytest.mark.parametrize("text", ["+3", "003", "0003"])
def test_limit_accepts_integer_spellings(app: ModelsApp, text: str) -> None:
    """A plus sign or leading zeros still spell an integer."""
    answer = call(app, f"/v1/models?limit={quote(text, safe='')}")
    assert answer.status == 200
    assert len(answer.json()["data"]) == 3


def test_unknown_query_parameters_are_ignored(app: ModelsApp) -> None:
    """Parameters the spec does not name change nothing, even repeated or empty."""
    plain = call(app, "/v1/models?limit=2").json()
    noisy = call(app, "/v1/models?foo=1&limit=2&foo=2&bar&&=x&beta=true&lifecycles=x").json()
    assert noisy == plain


def test_plus_in_a_cursor_is_a_space() -> None:
    """Form encoding: '+' in the query is a space, '%2B' a plus sign."""
    catalog = Catalogue(
        [
            model("a b", "2025-02-01T00:00:00Z"),
            model("a+b", "2025-01-01T00:00:00Z"),
            model("z", "2024-01-01T00:00:00Z"),
        ]
    )
    app = ModelsApp(catalog, api_key=KEY)
    assert ids_of(call(app, "/v1/models?after_id=a+b").json()) == ["a+b", "z"]
    assert ids_of(call(app, "/v1/models?after_id=a%2Bb").json()) == ["z"]


def test_non_ascii_cursors_round_trip() -> None:
    """A cursor in UTF-8, percent-encoded, names its model."""
    catalog = Catalogue(
        [model("modèle-é", "2025-02-01T00:00:00Z"), model("z", "2024-01-01T00:00:00Z")]
    )
    app = ModelsApp(catalog, api_key=KEY)
    data = call(app, "/v1/models?after_id=" + quote("modèle-é")).json()
    assert ids_of(data) == ["z"]
    assert call(app, "/v1/models?limit=1").json()["first_id"] == "modèle-é"
