"""ModelsClient against a fake pool: requests, decoding, pagination, errors, helpers, secrets."""

from __future__ import annotations

import json
import logging
import threading
from typing import Any, Optional
from urllib.parse import parse_qs, urlsplit

import pytest

from anthropic_models import ModelsClient, errors
from anthropic_models.pagination import Cursor
from anthropic_models_generated.models import Lifecycle
from tests.fakes import FakePool, FakeResponse, Sent

BASE = "https://api.example.test"
KEY = "sk-ant-TESTKEY-0123456789abcdef"


def model(model_id: str, day: int = 1, **extra: Any) -> dict[str, Any]:
    """A model as the API sends it."""
    return {
        "id": model_id,
        "type": "model",
        "created_at": f"2025-01-{day:02d}T00:00:00Z",
        "display_name": model_id.title(),
        "lifecycle": "active",
        **extra,
    }


def page(ids: list[str], has_more: bool, **extra: Any) -> FakeResponse:
    """A 200 list response holding models with these ids."""
    body = {
        "data": [model(i, **extra) for i in ids],
        "first_id": ids[0] if ids else None,
        "last_id": ids[-1] if ids else None,
        "has_more": has_more,
    }
    return ok(body)


def ok(body: Any, **headers: str) -> FakeResponse:
    """A 200 JSON response."""
    return FakeResponse(
        200,
        json.dumps(body).encode(),
        {"content-type": "application/json", "request-id": "req_ok", **headers},
    )


def error(status: int, kind: str, message: str, **headers: str) -> FakeResponse:
    """An error response in the spec's shape."""
    body = {"type": "error", "error": {"type": kind, "message": message}}
    return FakeResponse(status, json.dumps(body).encode(), {"request-id": "req_err", **headers})


def query(sent: Sent) -> dict[str, list[str]]:
    """The parsed query string of a recorded request."""
    return parse_qs(urlsplit(sent.url).query)


def client_for(pool: FakePool, **options: Any) -> ModelsClient:
    """A client with a key, on the fake pool."""
    options.setdefault("api_key", KEY)
    options.setdefault("base_url", BASE)
    return ModelsClient(pool=pool, **options)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ANTHROPIC_* variable of the developer's leaks into a test."""
    for name in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


# -- construction ---------------------------------------------------------------------------------


def test_api_key_is_sent_as_x_api_key_with_version_and_user_agent() -> None:
    """Every request carries x-api-key, anthropic-version and a user-agent."""
    pool = FakePool([page(["a"], False)])
    client_for(pool).list_models()
    headers = pool.sent[0].headers
    assert headers["x-api-key"] == KEY
    assert headers["anthropic-version"] == "2026-10-21"
    assert headers["user-agent"].startswith("anthropic-models/")
    assert "authorization" not in headers


def test_auth_token_is_sent_as_bearer() -> None:
    """auth_token goes in Authorization: Bearer, and no x-api-key is invented."""
    pool = FakePool([page(["a"], False)])
    ModelsClient(auth_token="tok", base_url=BASE, pool=pool).list_models()
    headers = pool.sent[0].headers
    assert headers["authorization"] == "Bearer tok"
    assert "x-api-key" not in headers


def test_environment_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    """api_key, auth_token and base_url fall back to their ANTHROPIC_* variables."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", "env-key")
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "env-token")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "https://gateway.example.test/anthropic/")
    pool = FakePool([page(["a"], False)])
    client = ModelsClient(pool=pool)
    client.list_models(limit=1)
    sent = pool.sent[0]
    assert sent.url == "https://gateway.example.test/anthropic/v1/models?limit=1"
    assert sent.headers["x-api-key"] == "env-key"
    assert sent.headers["authorization"] == "Bearer env-token"


def test_default_base_url_is_the_anthropic_api() -> None:
    """Without argument or variable, the client talks to api.anthropic.com."""
    assert ModelsClient(api_key="k").base_url == "https://api.anthropic.com"


def test_anthropic_version_is_configurable() -> None:
    """anthropic_version is an open string sent as given."""
    pool = FakePool([page([], False)])
    client_for(pool, anthropic_version="2026-10-21").list_models()
    assert pool.sent[0].headers["anthropic-version"] == "2026-10-21"


@pytest.mark.parametrize(
    ("base_url", "words"),
    [
        ("http://api.example.test", "refusing plain http"),
        ("http://10.0.0.8:8080", "refusing plain http"),
        ("ftp://api.example.test", "http(s) URL"),
        ("api.example.test", "http(s) URL"),
        ("https://", "http(s) URL"),
        ("https://h:99999", "not a valid URL"),
        ("https://user:pw@h", "credentials"),
        ("https://h/?x=1", "query"),
    ],
)
def test_bad_base_urls_are_refused(base_url: str, words: str) -> None:
    """A base URL that would leak the key or cannot work is an InvalidArgumentError."""
    with pytest.raises(
        errors.InvalidArgumentError, match=r"refusing|http|URL|credentials|query"
    ) as info:
        ModelsClient(api_key=KEY, base_url=base_url)
    assert words in str(info.value)
    assert KEY not in str(info.value)


@pytest.mark.parametrize(
    "base_url",
    ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:80", "http://127.9.9.9"],
)
def test_plain_http_is_allowed_on_loopback(base_url: str) -> None:
    """Loopback addresses may use plain http (tests, the reference server)."""
    assert ModelsClient(api_key=KEY, base_url=base_url).base_url == base_url


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"timeout": 0}, "timeout"),
        ({"timeout": None}, "timeout"),
        ({"timeout": "5"}, "timeout"),
        ({"timeout": float("inf")}, "finite"),
        ({"timeout": float("nan")}, "finite"),
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": 1.5}, "max_retries"),
        ({"cache_ttl": 0}, "cache_ttl"),
        ({"anthropic_version": ""}, "anthropic_version"),
        ({"api_key": ""}, "api_key"),
        ({"api_key": "a\r\nb"}, "api_key"),
    ],
)
def test_bad_options_are_refused(options: dict[str, Any], words: str) -> None:
    """Each bad constructor argument is an InvalidArgumentError naming it."""
    options.setdefault("api_key", KEY)
    with pytest.raises(errors.InvalidArgumentError, match=words):
        ModelsClient(base_url=BASE, **options)


def test_repr_shows_no_secret() -> None:
    """The client's repr says whether credentials are set, never what they are."""
    client = ModelsClient(api_key=KEY, auth_token="tok-secret", base_url=BASE)
    assert KEY not in repr(client) and "tok-secret" not in repr(client)
    assert "api_key=<set>" in repr(client)


def test_context_manager_closes_its_own_pool_only() -> None:
    """A pool passed in is the caller's: close() leaves it alone."""
    pool = FakePool([page([], False)])
    with client_for(pool) as client:
        client.list_models()
    assert pool.sent  # still usable, never closed by the client


# -- list_models -----------------------------------------------------------------------------------


def test_list_models_decodes_one_page() -> None:
    """One request gives a ModelPage with models, cursors, has_more and the request id."""
    pool = FakePool([page(["a", "b"], True, lifecycle="active", unknown_field=1)])
    result = client_for(pool).list_models(limit=2, after_id="z")
    assert [m.id for m in result] == ["a", "b"]
    assert result.data[0].lifecycle is Lifecycle.active
    assert (result.first_id, result.last_id, result.has_more) == ("a", "b", True)
    assert result.request_id == "req_ok"
    assert result.next_cursor() == Cursor(after_id="b")
    assert query(pool.sent[0]) == {"limit": ["2"], "after_id": ["z"]}


def test_a_before_id_page_points_backward() -> None:
    """A page asked with before_id continues with before_id = first_id."""
    pool = FakePool([page(["c", "d"], True)])
    result = client_for(pool).list_models(before_id="e")
    assert result.backward
    assert result.next_cursor() == Cursor(before_id="c")


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"limit": True}, "limit"),
        ({"limit": "5"}, "limit"),
        ({"after_id": "a", "before_id": "b"}, "not both"),
        ({"after_id": ""}, "after_id"),
        ({"before_id": 3}, "before_id"),
    ],
)
def test_bad_list_arguments_are_refused_before_sending(kwargs: dict[str, Any], words: str) -> None:
    """Bad arguments raise InvalidArgumentError and send nothing."""
    pool = FakePool()
    with pytest.raises(errors.InvalidArgumentError, match=words):
        client_for(pool).list_models(**kwargs)
    with pytest.raises(errors.InvalidArgumentError, match=words):
        client_for(pool).iter_models(**kwargs)
    assert pool.sent == []


# -- iter_models -----------------------------------------------------------------------------------


def test_iter_models_is_lazy() -> None:
    """No request is made before the first model is asked for."""
    pool = FakePool([page(["a"], False)])
    models = client_for(pool).iter_models()
    assert pool.sent == []
    assert next(models).id == "a"
    assert len(pool.sent) == 1


def test_forward_walk_follows_last_id_until_has_more_is_false() -> None:
    """Pages are chained with after_id = last_id; the walk ends on has_more = false."""
    pool = FakePool([page(["a", "b"], True), page(["c", "d"], True), page(["e"], False)])
    ids = [m.id for m in client_for(pool).iter_models(limit=2)]
    assert ids == ["a", "b", "c", "d", "e"]
    assert [query(s).get("after_id") for s in pool.sent] == [None, ["b"], ["d"]]
    assert all(query(s)["limit"] == ["2"] for s in pool.sent)


def test_backward_walk_follows_first_id_and_yields_away_from_the_cursor() -> None:
    """A before_id walk chains before_id = first_id and yields the forward order reversed."""
    pool = FakePool([page(["c", "d"], True), page(["a", "b"], False)])
    ids = [m.id for m in client_for(pool).iter_models(limit=2, before_id="e")]
    assert ids == ["d", "c", "b", "a"]
    assert [query(s)["before_id"] for s in pool.sent] == [["e"], ["c"]]


def test_walk_stops_on_an_empty_cursor() -> None:
    """has_more with a null last_id ends the walk instead of restarting from the top."""
    body = {"data": [model("a")], "first_id": None, "last_id": None, "has_more": True}
    pool = FakePool([ok(body)])
    assert [m.id for m in client_for(pool).iter_models()] == ["a"]
    assert len(pool.sent) == 1


def test_a_repeated_cursor_is_a_pagination_error() -> None:
    """A server whose pages cycle is caught instead of looping forever."""
    pool = FakePool([page(["a", "b"], True), page(["c", "b"], True)])
    models = client_for(pool).iter_models()
    with pytest.raises(errors.PaginationError, match="twice"):
        list(models)
    assert len(pool.sent) == 2


def test_has_more_with_no_data_is_a_pagination_error() -> None:
    """has_more = true on an empty page would stall the walk: a typed error."""
    body: dict[str, Any] = {"data": [], "first_id": None, "last_id": None, "has_more": True}
    with pytest.raises(errors.PaginationError, match="no models"):
        list(client_for(FakePool([ok(body)])).iter_models())


# -- retrieve and availability ---------------------------------------------------------------------


def test_retrieve_gets_one_model_by_id_or_alias() -> None:
    """retrieve() sends GET /v1/models/{id} and decodes the model the server resolved."""
    pool = FakePool([ok(model("claude-x-20250101", line="x"))])
    found = client_for(pool).retrieve("claude-x")
    assert found.id == "claude-x-20250101"
    assert pool.sent[0].url == BASE + "/v1/models/claude-x"


@pytest.mark.parametrize("model_id", ["", ".", "..", None, 5])
def test_retrieve_refuses_ids_that_are_not_one_segment(model_id: Any) -> None:
    """Empty, dot and non-string ids are refused before sending."""
    pool = FakePool()
    with pytest.raises(errors.InvalidArgumentError):
        client_for(pool).retrieve(model_id)
    assert pool.sent == []


@pytest.mark.parametrize(
    ("answer", "available"),
    [
        (ok(model("m", lifecycle="active")), True),
        (ok(model("m", lifecycle="deprecated")), True),
        (ok(model("m")), True),
        (ok(model("m", lifecycle="retired")), False),
        (error(404, "not_found_error", "no such model"), False),
    ],
)
def test_is_model_available(answer: FakeResponse, available: bool) -> None:
    """Available means it exists and is not retired; a 404 is simply False."""
    pool = FakePool([answer])
    assert client_for(pool).is_model_available("m") is available
    assert len(pool.sent) == 1


def test_is_model_available_lets_outages_through() -> None:
    """A 500 or a 401 is not 'unavailable': the error propagates."""
    client = client_for(FakePool([error(500, "api_error", "boom")]), max_retries=0)
    with pytest.raises(errors.InternalServerError):
        client.is_model_available("m")
    with pytest.raises(errors.AuthenticationError):
        client_for(FakePool([error(401, "authentication_error", "bad key")])).is_model_available(
            "m"
        )


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (ok(model("m", lifecycle="retired")), "retired"),
        (error(404, "not_found_error", "x"), "not found"),
    ],
)
def test_require_model_says_why(answer: FakeResponse, reason: str) -> None:
    """require_model raises ModelUnavailableError with the id and the reason."""
    with pytest.raises(errors.ModelUnavailableError) as info:
        client_for(FakePool([answer])).require_model("m")
    assert (info.value.model_id, info.value.reason) == ("m", reason)


def test_require_model_returns_the_model() -> None:
    """An active model is returned as it is."""
    assert client_for(FakePool([ok(model("m"))])).require_model("m").id == "m"


# -- selection helpers -----------------------------------------------------------------------------


def capabilities(*supported: str) -> dict[str, Any]:
    """A full capabilities object (every required key) with only the dotted names supported."""
    leaf = {"supported": False}
    caps: dict[str, Any] = {
        name: dict(leaf)
        for name in ("batch", "citations", "code_execution", "image_input", "pdf_input")
    }
    caps["structured_outputs"] = dict(leaf)
    caps["effort"] = {
        "supported": False,
        **{k: dict(leaf) for k in ("low", "medium", "high", "max")},
    }
    caps["thinking"] = {
        "supported": False,
        "types": {k: dict(leaf) for k in ("adaptive", "between_tools", "disabled", "enabled")},
    }
    caps["server_tools"] = {
        "supported": False,
        "web_search": dict(leaf),
        "code_execution": dict(leaf),
    }
    caps["context_management"] = {"supported": False}
    for name in supported:
        node = caps
        for part in name.split("."):
            node = node[part]
        node["supported"] = True
    return caps


CATALOGUE = [
    model("opus-new", 9, line="opus", lifecycle="active", capabilities=capabilities("batch")),
    model(
        "sonnet-new",
        8,
        line="sonnet",
        lifecycle="active",
        capabilities=capabilities("effort", "effort.high"),
    ),
    model("haiku-new", 7, line="haiku", lifecycle="active", capabilities=capabilities()),
    model("sonnet-old", 5, line="sonnet", lifecycle="deprecated"),
    model("opus-retired", 3, line="opus", lifecycle="retired"),
]
DEFAULT_VIEW = [m for m in CATALOGUE if m["lifecycle"] != "retired"]


def catalogue_answer(sent: Sent) -> FakeResponse:
    """A server over CATALOGUE: the list (filtered as the API does, on one page) and retrieve."""
    path = urlsplit(sent.url).path
    if path.startswith("/v1/models/"):
        found = [m for m in CATALOGUE if m["id"] == path.rsplit("/", 1)[1]]
        return ok(found[0]) if found else error(404, "not_found_error", "no such model")
    stages = query(sent).get("lifecycle[]", ["active", "deprecated"])
    data = [m for m in CATALOGUE if m["lifecycle"] in stages]
    body = {
        "data": data,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": False,
    }
    return ok(body)


def catalogue_pool() -> FakePool:
    """A pool answering as a server holding CATALOGUE."""
    return FakePool(handler=catalogue_answer)


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        ({"line": "sonnet"}, ["sonnet-new", "sonnet-old"]),
        ({"lifecycle": "active"}, ["opus-new", "sonnet-new", "haiku-new"]),
        ({"lifecycle": Lifecycle.retired}, ["opus-retired"]),
        ({"capability": "batch"}, ["opus-new"]),
        ({"capability": "effort.high"}, ["sonnet-new"]),
        ({"capability": "effort.low"}, []),
        ({"line": "opus", "lifecycle": "active"}, ["opus-new"]),
    ],
)
def test_find_models(filters: dict[str, Any], ids: list[str]) -> None:
    """find_models keeps the models matching every filter, newest first."""
    assert [m.id for m in client_for(catalogue_pool()).find_models(**filters)] == ids


def test_find_models_asks_for_big_pages() -> None:
    """A walk for the helpers uses limit=1000, the fewest requests."""
    pool = catalogue_pool()
    client_for(pool).find_models()
    assert query(pool.sent[0])["limit"] == ["1000"]


@pytest.mark.parametrize(
    ("filters", "words"),
    [({"capability": "telepathy"}, "unknown capability"), ({"lifecycle": "sunset"}, "lifecycle")],
)
def test_find_models_refuses_unknown_filters(filters: dict[str, Any], words: str) -> None:
    """A typo in a filter is an error, not an empty result."""
    with pytest.raises(errors.InvalidArgumentError, match=words):
        client_for(catalogue_pool()).find_models(**filters)


@pytest.mark.parametrize(
    ("line", "expected"),
    [(None, "opus-new"), ("sonnet", "sonnet-new"), ("haiku", "haiku-new"), ("gpt", None)],
)
def test_latest(line: Optional[str], expected: Optional[str]) -> None:
    """latest() is the newest active model, of one line if given."""
    found = client_for(catalogue_pool()).latest(line)
    assert (found.id if found else None) == expected


def test_latest_stops_walking_at_the_first_match() -> None:
    """Without a cache, latest() fetches no page after the one holding its answer."""
    pool = FakePool([page(["a"], True, lifecycle="active"), page(["b"], False)])
    assert client_for(pool).latest().id == "a"  # type: ignore[union-attr]
    assert len(pool.sent) == 1


class Clock:
    """A manual clock for the cache."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_cache_answers_while_fresh_and_refreshes_after_ttl() -> None:
    """With cache_ttl, helpers share one walk until it is older than the ttl."""
    pool = catalogue_pool()
    client = client_for(pool, cache_ttl=60)
    clock = Clock()
    assert client._cache is not None
    client._cache.clock = clock
    assert client.latest("haiku").id == "haiku-new"  # type: ignore[union-attr]
    assert [m.id for m in client.find_models(line="opus")] == ["opus-new"]
    assert client.is_model_available("sonnet-old") is True
    assert len(pool.sent) == 1
    # A retired model is not in the default view: asked once, then remembered.
    assert client.is_model_available("opus-retired") is False
    assert client.is_model_available("opus-retired") is False
    assert len(pool.sent) == 2
    clock.now = 61
    client.find_models()
    assert len(pool.sent) == 3
    client.clear_cache()
    client.find_models()
    assert len(pool.sent) == 4


def test_cache_falls_back_to_retrieve_for_aliases() -> None:
    """An id the cached list does not hold (an alias) is asked of the server once, then cached."""
    pool = FakePool(
        handler=lambda sent: (
            ok(model("opus-new", line="opus"))
            if sent.url.endswith("/opus-latest")
            else catalogue_answer(sent)
        )
    )
    client = client_for(pool, cache_ttl=60)
    client.find_models()
    assert client.is_model_available("opus-latest") is True
    assert pool.sent[-1].url.endswith("/v1/models/opus-latest")
    assert client.require_model("opus-latest").id == "opus-new"
    assert len(pool.sent) == 2


def test_sixteen_threads_resolving_one_alias_make_one_request() -> None:
    """Concurrent availability checks of the same alias share one retrieve."""
    gate = threading.Event()

    def slow(sent: Sent) -> FakeResponse:
        gate.wait(5)
        return ok(model("opus-new", line="opus"))

    pool = FakePool(handler=slow)
    client = client_for(pool, cache_ttl=60)
    barrier = threading.Barrier(16)
    results: list[bool] = []

    def work() -> None:
        barrier.wait()
        results.append(client.is_model_available("opus-latest"))

    threads = [threading.Thread(target=work) for _ in range(16)]
    for thread in threads:
        thread.start()
    gate.set()
    for thread in threads:
        thread.join()
    assert results == [True] * 16
    assert len(pool.sent) == 1


def test_cache_is_filled_once_under_concurrency() -> None:
    """Sixteen threads asking at once cause one walk, and all see the catalogue."""
    pool = catalogue_pool()
    client = client_for(pool, cache_ttl=60)
    results: list[int] = []
    barrier = threading.Barrier(16)

    def work() -> None:
        barrier.wait()
        results.append(len(client.find_models()))

    threads = [threading.Thread(target=work) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [len(DEFAULT_VIEW)] * 16
    assert len(pool.sent) == 1


# -- errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (402, errors.PaymentRequiredError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (408, errors.RequestTimeoutError),
        (409, errors.ConflictError),
        (413, errors.RequestTooLargeError),
        (422, errors.UnprocessableEntityError),
        (429, errors.RateLimitError),
        (500, errors.InternalServerError),
        (502, errors.InternalServerError),
        (503, errors.ServiceUnavailableError),
        (504, errors.GatewayTimeoutError),
        (529, errors.OverloadedError),
        (418, errors.APIStatusError),
    ],
)
def test_status_errors_carry_their_facts(status: int, cls: type[errors.APIStatusError]) -> None:
    """Each status raises its class with status, request id, error type, message and body."""
    pool = FakePool([error(status, "some_error", "what happened")])
    with pytest.raises(cls) as info:
        client_for(pool, max_retries=0).list_models()
    exc = info.value
    assert type(exc) is cls
    assert (exc.status_code, exc.request_id, exc.error_type, exc.message) == (
        status,
        "req_err",
        "some_error",
        "what happened",
    )
    assert exc.body == {
        "type": "error",
        "error": {"type": "some_error", "message": "what happened"},
    }


@pytest.mark.parametrize(
    "body",
    [
        b"<html><body>502 Bad Gateway</body></html>",
        b"",
        b'{"error": "flat"}',
        b'{"type":"error"',
        b"\xff\xfe",
    ],
)
def test_error_bodies_outside_the_spec_still_map_by_status(body: bytes) -> None:
    """An HTML page, an empty body or a flat error still gives the class of the status."""
    pool = FakePool([FakeResponse(502, body, {"request-id": "r"})])
    with pytest.raises(errors.InternalServerError) as info:
        client_for(pool, max_retries=0).list_models()
    assert info.value.status_code == 502
    assert info.value.error_type is None
    assert "HTTP 502" in str(info.value)


def test_a_redirect_is_not_followed() -> None:
    """A 3xx becomes APIConnectionError and no second request carries the key elsewhere."""
    pool = FakePool([FakeResponse(302, b"", {"location": "https://elsewhere.example/steal"})])
    with pytest.raises(
        errors.APIConnectionError, match=r"redirect to https://elsewhere\.example/steal"
    ):
        client_for(pool).list_models()
    assert len(pool.sent) == 1
    assert pool.sent[0].redirect is False


def test_401_without_credentials_says_how_to_give_them() -> None:
    """A 401 when no key was configured says where the key comes from."""
    pool = FakePool([error(401, "authentication_error", "x-api-key header is required")])
    with pytest.raises(errors.AuthenticationError, match="ANTHROPIC_API_KEY"):
        ModelsClient(base_url=BASE, pool=pool).list_models()


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"[]",
        b'{"data": "nope", "first_id": null, "last_id": null, "has_more": false}',
        b'{"data": [{"id": "a"}], "first_id": "a", "last_id": "a", "has_more": false}',
        b"<html>200 but HTML</html>",
    ],
)
def test_success_bodies_outside_the_spec_are_validation_errors(body: bytes) -> None:
    """A 200 whose body is not a list response is ResponseValidationError."""
    pool = FakePool([FakeResponse(200, body)])
    with pytest.raises(errors.ResponseValidationError):
        client_for(pool).list_models()


def test_a_body_over_the_limit_is_a_connection_error() -> None:
    """max_body_bytes bounds what is read: a bigger body is refused, typed."""
    pool = FakePool([FakeResponse(200, b"x" * 5000, chunk=100)])
    with pytest.raises(errors.APIConnectionError, match="larger than 1000 bytes"):
        client_for(pool, max_body_bytes=1000).list_models()


def test_secrets_echoed_by_a_server_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    """A hostile server echoing the key finds it replaced in messages, bodies and logs."""
    caplog.set_level(logging.DEBUG, logger="anthropic_models")
    echo = {"type": "error", "error": {"type": "authentication_error", "message": f"bad key {KEY}"}}
    pool = FakePool(
        [
            FakeResponse(401, json.dumps(echo).encode(), {"request-id": "r"}),
            FakeResponse(302, b"", {"location": f"https://evil.example/?k={KEY}"}),
            FakeResponse(500, f"<html>{KEY}</html>".encode(), {}),
            FakeResponse(200, json.dumps({"data": KEY}).encode(), {}),
        ]
    )
    client = client_for(pool, max_retries=0)
    seen = []
    for _ in range(4):
        with pytest.raises(errors.AnthropicModelsError) as info:
            client.list_models(after_id=KEY)
        seen += [str(info.value), repr(info.value), repr(getattr(info.value, "body", None))]
    seen.append(caplog.text)
    assert all(KEY not in text for text in seen), [t for t in seen if KEY in t]
    assert "[REDACTED]" in seen[0]


def test_a_ten_megabyte_body_is_read_and_judged() -> None:
    """A 10 MB page of models decodes; 10 MB of junk is a ResponseValidationError, not a crash."""
    many = [model(f"m{i:06d}") for i in range(100_000)]
    body = json.dumps(
        {"data": many, "first_id": "m000000", "last_id": "m099999", "has_more": False}
    )
    assert len(body) > 10_000_000
    result = client_for(FakePool([FakeResponse(200, body.encode())])).list_models()
    assert len(result) == 100_000
    junk = FakeResponse(200, b"[" * 10_000_000)
    with pytest.raises(errors.ResponseValidationError):
        client_for(FakePool([junk])).list_models()


def test_validation_errors_keep_their_path() -> None:
    """The JSON path of a decoding failure survives the client's redaction."""
    body = b'{"data": [{"id": 5}], "first_id": null, "last_id": null, "has_more": false}'
    with pytest.raises(errors.ResponseValidationError) as info:
        client_for(FakePool([FakeResponse(200, body)])).list_models()
    assert info.value.path == "$.data[0].id"
    assert info.value.reason == "expected a string, got a number"
