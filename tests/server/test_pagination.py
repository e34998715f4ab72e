"""GET /v1/models through the WSGI app: every pagination rule, on a small catalogue and walked whole."""

from __future__ import annotations

from typing import Any, Optional
from urllib.parse import quote

import pytest

from anthropic_models.server import Catalog, ModelsApp
from tests.server.wsgi import KEY, SMALL_ORDER, call, small_catalog

N = len(SMALL_ORDER)


@pytest.fixture(scope="module")
def app() -> ModelsApp:
    """The app over the seven-model catalogue, with one accepted key."""
    return ModelsApp(small_catalog(), api_key=KEY)


def page(app: ModelsApp, **params: Any) -> dict[str, Any]:
    """One page as parsed JSON; the request must succeed."""
    query = "&".join(f"{name}={quote(str(value), safe='')}" for name, value in params.items())
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


@pytest.mark.parametrize("limit", range(1, N + 2))
def test_walking_forward_visits_every_model_once_newest_first(app: ModelsApp, limit: int) -> None:
    """after_id = last_id while has_more: disjoint full pages, the whole catalogue in order."""
    seen: list[str] = []
    pages = 0
    cursor: Optional[str] = None
    while True:
        data = page(app, limit=limit, **({"after_id": cursor} if cursor else {}))
        pages += 1
        got = ids_of(data)
        assert got, "a walk never meets an empty page before has_more is false"
        assert not set(got) & set(seen)
        seen += got
        expected_more = len(seen) < N
        assert data["has_more"] is expected_more
        if not expected_more:
            break
        assert len(got) == limit
        cursor = data["last_id"]
    assert seen == SMALL_ORDER
    assert pages == -(-N // limit)


@pytest.mark.parametrize("limit", range(1, N + 2))
def test_walking_backward_visits_every_model_once_newest_first(app: ModelsApp, limit: int) -> None:
    """From the last page, before_id = first_id while has_more: the limit models just before."""
    last_page = page(app, before_id=SMALL_ORDER[-1], limit=limit)
    collected = [*ids_of(last_page), SMALL_ORDER[-1]]
    assert ids_of(last_page) == SMALL_ORDER[max(0, N - 1 - limit) : N - 1]
    data = last_page
    while data["has_more"]:
        data = page(app, before_id=data["first_id"], limit=limit)
        got = ids_of(data)
        assert len(got) == limit or not data["has_more"]
        assert not set(got) & set(collected)
        collected = got + collected
    assert collected == SMALL_ORDER


@pytest.mark.parametrize("position", range(N))
@pytest.mark.parametrize("limit", [1, 2, 3, N])
def test_after_id_returns_the_limit_models_after_the_cursor(
    app: ModelsApp, position: int, limit: int
) -> None:
    """after_id is exclusive; has_more says whether models remain after the page."""
    data = page(app, after_id=SMALL_ORDER[position], limit=limit)
    assert ids_of(data) == SMALL_ORDER[position + 1 : position + 1 + limit]
    assert data["has_more"] is (position + 1 + limit < N)


@pytest.mark.parametrize("position", range(N))
@pytest.mark.parametrize("limit", [1, 2, 3, N])
def test_before_id_returns_the_limit_models_just_before_the_cursor(
    app: ModelsApp, position: int, limit: int
) -> None:
    """before_id is exclusive, still newest first; has_more says whether models remain before."""
    data = page(app, before_id=SMALL_ORDER[position], limit=limit)
    start = max(0, position - limit)
    assert ids_of(data) == SMALL_ORDER[start:position]
    assert data["has_more"] is (start > 0)


def test_after_the_last_model_is_an_empty_page(app: ModelsApp) -> None:
    """after_id = the oldest model: no data, has_more false, null ids."""
    data = page(app, after_id=SMALL_ORDER[-1])
    assert data == {"data": [], "first_id": None, "has_more": False, "last_id": None}


def test_before_the_first_model_is_an_empty_page(app: ModelsApp) -> None:
    """before_id = the newest model: no data, has_more false, null ids."""
    data = page(app, before_id=SMALL_ORDER[0], limit=5)
    assert data == {"data": [], "first_id": None, "has_more": False, "last_id": None}


def test_an_empty_catalogue_is_one_empty_page() -> None:
    """With no models the first page is empty and has_more is false."""
    data = page(ModelsApp(Catalog(), api_key=KEY))
    assert data == {"data": [], "first_id": None, "has_more": False, "last_id": None}


def test_default_limit_is_20_and_limits_run_to_1000() -> None:
    """No limit gives 20 models; 1 and 1000 are accepted, 1000 returns up to 1000."""
    app = ModelsApp(Catalog.synthetic(1005), api_key=KEY)
    assert len(page(app)["data"]) == 20
    assert page(app)["has_more"] is True
    assert len(page(app, limit=1)["data"]) == 1
    full = page(app, limit=1000)
    assert len(full["data"]) == 1000
    assert full["has_more"] is True
    tail = page(app, limit=1000, after_id=full["last_id"])
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
    noisy = call(app, "/v1/models?foo=1&limit=2&foo=2&bar&&=x&beta=true").json()
    assert noisy == plain


def test_plus_in_a_cursor_is_a_space() -> None:
    """Form encoding: '+' in the query is a space, '%2B' a plus sign."""
    catalog = Catalog(
        [
            {
                "id": "a b",
                "type": "model",
                "created_at": "2025-02-01T00:00:00Z",
                "display_name": "1",
            },
            {
                "id": "a+b",
                "type": "model",
                "created_at": "2025-01-01T00:00:00Z",
                "display_name": "2",
            },
            {"id": "z", "type": "model", "created_at": "2024-01-01T00:00:00Z", "display_name": "3"},
        ]
    )
    app = ModelsApp(catalog, api_key=KEY)
    assert ids_of(call(app, "/v1/models?after_id=a+b").json()) == ["a+b", "z"]
    assert ids_of(call(app, "/v1/models?after_id=a%2Bb").json()) == ["z"]


def test_non_ascii_cursors_round_trip() -> None:
    """A cursor in UTF-8, percent-encoded, names its model."""
    catalog = Catalog(
        [
            {
                "id": "modèle-é",
                "type": "model",
                "created_at": "2025-02-01T00:00:00Z",
                "display_name": "1",
            },
            {"id": "z", "type": "model", "created_at": "2024-01-01T00:00:00Z", "display_name": "3"},
        ]
    )
    app = ModelsApp(catalog, api_key=KEY)
    data = call(app, "/v1/models?after_id=" + quote("modèle-é")).json()
    assert ids_of(data) == ["z"]
    assert call(app, "/v1/models?limit=1").json()["first_id"] == "modèle-é"
