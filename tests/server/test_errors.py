"""Routing, auth and every error of the WSGI app: status, body shape, headers, check order."""

from __future__ import annotations

import random
import re
import warnings
from typing import Any, Optional
from urllib.parse import quote
from wsgiref.validate import validator

import pytest

from anthropic_models.errors import InvalidArgumentError
from anthropic_models.server import Catalogue, ModelsApp
from tests.catalogue_facts import an_alias
from tests.server.wsgi import KEY, SMALL_ORDER, Answer, call, environ, model, small_catalog

REQUEST_ID = re.compile(r"req_[0-9a-f]{24}\Z")


@pytest.fixture(scope="module")
def app() -> ModelsApp:
    """The app over the seven-model catalogue, with one accepted key."""
    return ModelsApp(small_catalog(), api_key=KEY)


def assert_error(answer: Answer, status: int, error_type: str, *fragments: str) -> None:
    """The answer is the spec's error body with this status and type, JSON, with a request-id."""
    assert answer.status == status, answer.body
    assert answer.headers["content-type"] == "application/json"
    assert REQUEST_ID.match(answer.headers["request-id"])
    assert answer.headers["content-length"] == str(len(answer.body))
    data = answer.json()
    assert set(data) == {"type", "error", "request_id"}
    assert data["request_id"] == answer.headers["request-id"]
    assert set(data["error"]) == {"type", "message"}
    assert answer.error_type == error_type
    for fragment in fragments:
        assert fragment in data["error"]["message"]


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("limit=abc", "limit must be an integer from 1 to 1000, not 'abc'"),
        ("limit=0", "limit must be an integer from 1 to 1000, not 0"),
        ("limit=1001", "not 1001"),
        ("limit=-1", "not -1"),
        ("limit=-0", "not 0"),
        ("limit=", "not ''"),
        ("limit", "not ''"),
        ("limit=1.0", "not '1.0'"),
        ("limit=1e2", "not '1e2'"),
        ("limit=%205", "not ' 5'"),
        ("limit=5%20", "not '5 '"),
        ("limit=1_0", "not '1_0'"),
        ("limit=%D9%A3", "not '\\u0663'"),
        ("limit=" + "9" * 5000, "limit must be an integer from 1 to 1000"),
        ("limit=" + "0" * 5000 + "1001", "limit must be an integer from 1 to 1000"),
        ("limit=2&limit=2", "limit given 2 times"),
        ("after_id=m-a&after_id=m-b", "after_id given 2 times"),
        ("before_id=m-c1&before_id=m-c1&before_id=m-c1", "before_id given 3 times"),
        ("after_id=m-a&before_id=m-d", "before_id: cannot be combined with after_id"),
        ("after_id=nope", "after_id: no listed model has the id 'nope'"),
        ("before_id=nope", "before_id: no listed model has the id 'nope'"),
        ("after_id=m-latest", "after_id: no listed model has the id 'm-latest'"),
        ("after_id=", "after_id must be a non-empty string, not ''"),
        ("before_id=", "before_id must be a non-empty string, not ''"),
        ("after_id=%zz", "not valid percent-encoded UTF-8"),
        ("after_id=%4", "not valid percent-encoded UTF-8"),
        ("after_id=%ff", "not valid percent-encoded UTF-8"),
        ("%ff=1", "not valid percent-encoded UTF-8"),
        ("after_id=\xe9", "not valid percent-encoded UTF-8"),
        ("lifecycle[]=gone", "lifecycle[] must be one of active, deprecated, retired, not 'gone'"),
        ("lifecycle=gone", "lifecycle[] must be one of active, deprecated, retired, not 'gone'"),
        ("lifecycle[]=Active", "not 'Active'"),
        ("lifecycle[]=active,retired", "not 'active,retired'"),
        ("lifecycle[]=active%2Cretired", "not 'active,retired'"),
        ("lifecycle[]=", "lifecycle[] must be one of active, deprecated, retired, not ''"),
        ("lifecycle[]", "lifecycle[] must be one of active, deprecated, retired, not ''"),
        ("lifecycle=", "lifecycle[] must be one of active, deprecated, retired, not ''"),
        (
            "lifecycle[]=active&lifecycle[]=",
            "lifecycle[] must be one of active, deprecated, retired, not ''",
        ),
        (
            "lifecycle[]=active&lifecycle[]=deprecated&lifecycle[]=retired&lifecycle[]=active",
            "lifecycle[] takes 1 to 3 values, not 4",
        ),
        (
            "lifecycle=active&lifecycle=active&lifecycle[]=retired&lifecycle=retired",
            "lifecycle[] takes 1 to 3 values, not 4",
        ),
        ("lifecycle[]=%ff", "not valid percent-encoded UTF-8"),
        ("lifecycle[]=retired&after_id=nope", "after_id: no listed model has the id 'nope'"),
    ],
)
def test_bad_parameters_are_400_invalid_request_error(
    app: ModelsApp, query: str, fragment: str
) -> None:
    """Every refused parameter is a 400 invalid_request_error whose message names it."""
    assert_error(call(app, "/v1/models?" + query), 400, "invalid_request_error", fragment)


def test_a_long_unknown_cursor_is_shortened_in_the_message(app: ModelsApp) -> None:
    """The message quotes at most the first hundred characters of a bad value."""
    answer = call(app, "/v1/models?after_id=" + "x" * 10_000)
    assert_error(answer, 400, "invalid_request_error")
    assert len(answer.body) < 300


@pytest.mark.parametrize("target", ["/v1/models", "/v1/models/m-a"])
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"authorization": "Basic c2stdGVzdDp4"},
        {"authorization": KEY},
        {"x-other-key": KEY},
    ],
)
def test_a_missing_key_is_401(app: ModelsApp, target: str, headers: dict[str, str]) -> None:
    """Without x-api-key or Authorization: Bearer, the answer is 401 saying a key is required."""
    answer = call(app, target, key=None, headers=headers)
    assert_error(answer, 401, "authentication_error", "API key is required")


@pytest.mark.parametrize(
    "headers",
    [
        {"x-api-key": "wrong"},
        {"x-api-key": KEY + "x"},
        {"x-api-key": KEY[:-1]},
        {"x-api-key": ""},
        {"x-api-key": "  "},
        {"authorization": "Bearer wrong"},
        {"authorization": "Bearer"},
        {"authorization": "Bearer   "},
        {"x-api-key": "wrong", "authorization": f"Bearer {KEY}"},
        {"x-api-key": KEY, "authorization": "Bearer wrong"},
        {"x-api-key": "", "authorization": f"Bearer {KEY}"},
    ],
)
def test_a_wrong_key_is_401_either_way(app: ModelsApp, headers: dict[str, str]) -> None:
    """With api_key set, any presented key that is not it (empty included) is 401, in either header."""
    answer = call(app, "/v1/models", key=None, headers=headers)
    assert_error(answer, 401, "authentication_error", "invalid API key")


@pytest.mark.parametrize(
    "headers",
    [
        {"x-api-key": KEY},
        {"x-api-key": f"  {KEY}\t"},
        {"authorization": f"Bearer {KEY}"},
        {"authorization": f"bearer {KEY}"},
        {"authorization": f"BEARER   {KEY}"},
        {"x-api-key": KEY, "authorization": f"Bearer {KEY}"},
        {"x-api-key": KEY, "authorization": "Basic c2stdGVzdDp4"},
    ],
)
def test_the_right_key_is_accepted_either_way(app: ModelsApp, headers: dict[str, str]) -> None:
    """The configured key is accepted as x-api-key or Authorization: Bearer (scheme in any case)."""
    assert call(app, "/v1/models", key=None, headers=headers).status == 200


@pytest.mark.parametrize(
    "key", ["clé", "sk-x\u200b", "sk x", "sk\tx", "", " ", "sk-\x7f", "\udcff"]
)
def test_a_key_the_client_would_refuse_is_refused_at_start(key: str) -> None:
    """api_key must be visible ASCII (0x21..0x7e), the client's rule; the error never quotes it."""
    with pytest.raises(
        InvalidArgumentError, match=r"api_key (must not be empty|has a char)"
    ) as caught:
        ModelsApp(small_catalog(), api_key=key)
    if key.strip():
        assert key not in str(caught.value)


def test_without_api_key_any_visible_ascii_key_is_accepted_but_one_is_required() -> None:
    """api_key=None: any visible-ASCII key works; none, an empty or a non-ASCII one is a 401."""
    app = ModelsApp(small_catalog())
    assert call(app, key="anything").status == 200
    assert call(app, key="!~").status == 200
    assert call(app, key=None, headers={"authorization": "Bearer whatever"}).status == 200
    assert_error(call(app, key=None), 401, "authentication_error", "required")
    assert_error(call(app, key=""), 401, "authentication_error", "invalid API key")
    assert call(app, key="a", headers={"authorization": "Bearer"}).status == 401
    wire = "clé".encode().decode("latin-1")  # what PEP 3333 hands the app
    assert_error(call(app, key=wire), 401, "authentication_error", "invalid API key")
    assert call(app, key="a\x00b").status == 401


def test_auth_comes_before_parameters_and_lookup(app: ModelsApp) -> None:
    """A bad limit or an unknown model without a key is a 401, not a 400 or 404."""
    assert call(app, "/v1/models?limit=0", key=None).status == 401
    assert call(app, "/v1/models?limit=0", key="wrong").status == 401
    assert call(app, "/v1/models/nope", key=None).status == 401


@pytest.mark.parametrize(
    "target",
    [
        "/",
        "/v1",
        "/v1/",
        "/v1/models/",
        "/v1/models/m-a/",
        "/v1/models/m-a/more",
        "//v1/models",
        "/v1//models",
        "/v2/models",
        "/V1/models",
        "/v1/model",
        "/v1/mod%zzels",
        "*",
        "",
    ],
)
def test_unknown_paths_are_404_before_auth(app: ModelsApp, target: str) -> None:
    """A path the spec does not have is 404 not_found_error, with or without a key."""
    assert_error(call(app, target, key=None), 404, "not_found_error", "no such path")
    assert_error(call(app, target), 404, "not_found_error")


def test_percent_encoded_fixed_segments_still_route(app: ModelsApp) -> None:
    """/v1/%6Dodels is /v1/models: fixed segments are compared decoded."""
    assert call(app, "/v1/%6Dodels?limit=1").status == 200


@pytest.mark.parametrize(
    "method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "HEAD", "get"]
)
@pytest.mark.parametrize("target", ["/v1/models", "/v1/models/m-a", "/v1/models/nope"])
def test_other_methods_on_known_paths_are_405_with_allow(
    app: ModelsApp, method: str, target: str
) -> None:
    """Any method but GET on a known path is 405 with Allow: GET, before auth."""
    answer = call(app, target, method=method, key=None)
    assert answer.status == 405
    assert answer.headers["allow"] == "GET"
    assert REQUEST_ID.match(answer.headers["request-id"])
    assert answer.headers["content-type"] == "application/json"
    if method == "HEAD":
        assert answer.body == b""
        assert int(answer.headers["content-length"]) > 0
    else:
        assert_error(answer, 405, "invalid_request_error", f"method '{method}' is not allowed")


def test_head_on_an_unknown_path_has_no_body(app: ModelsApp) -> None:
    """No answer to HEAD carries a body, the 404 included."""
    answer = call(app, "/nope", method="HEAD")
    assert (answer.status, answer.body) == (404, b"")


def test_get_model_by_id_and_alias(app: ModelsApp) -> None:
    """GET /v1/models/{id} returns the model; an alias returns the model it names."""
    by_id = call(app, "/v1/models/m-a")
    assert by_id.status == 200
    assert by_id.json()["id"] == "m-a"
    by_alias = call(app, "/v1/models/m-latest")
    assert by_alias.body == by_id.body
    assert REQUEST_ID.match(by_alias.headers["request-id"])


def test_unknown_model_is_404(app: ModelsApp) -> None:
    """An id or alias the catalogue does not have is 404 not_found_error naming it."""
    assert_error(call(app, "/v1/models/nope"), 404, "not_found_error", "'nope'")


@pytest.fixture(scope="module")
def odd_app() -> ModelsApp:
    """An app whose ids need percent-encoding: a slash, spaces, non-ASCII, a percent sign."""
    ids = ["org/model", "with space", "modèle", "100%", "a?b", "plus+sign"]
    catalog = Catalogue([model(i, f"2025-01-0{n + 1}T00:00:00Z") for n, i in enumerate(ids)])
    return ModelsApp(catalog, api_key=KEY)


@pytest.mark.parametrize(
    "model_id", ["org/model", "with space", "modèle", "100%", "a?b", "plus+sign"]
)
def test_model_ids_are_one_percent_decoded_segment(odd_app: ModelsApp, model_id: str) -> None:
    """The path parameter is decoded once, %2F included, '+' kept as is."""
    answer = call(odd_app, "/v1/models/" + quote(model_id, safe=""))
    assert answer.status == 200, answer.body
    assert answer.json()["id"] == model_id


@pytest.mark.parametrize("raw_uri", ["REQUEST_URI", "RAW_URI", None])
def test_the_raw_target_or_path_info_routes(odd_app: ModelsApp, raw_uri: Optional[str]) -> None:
    """REQUEST_URI (ours, uWSGI), RAW_URI (gunicorn) or PATH_INFO alone all route a request."""
    answer = call(odd_app, "/v1/models/" + quote("modèle", safe=""), raw_uri=raw_uri)
    assert answer.json()["id"] == "modèle"
    assert call(odd_app, "/v1/models?limit=2", raw_uri=raw_uri).status == 200


def test_absolute_form_targets_route(app: ModelsApp) -> None:
    """A proxy-style absolute URL as the request target routes by its path."""
    answer = call(app, "http://example.test/v1/models/m-a")
    assert answer.json()["id"] == "m-a"


def test_under_a_script_name_path_info_routes(app: ModelsApp) -> None:
    """Mounted under a prefix (SCRIPT_NAME), the app routes on PATH_INFO."""
    env = environ("/v1/models/m-a", headers={"x-api-key": KEY})
    env["SCRIPT_NAME"] = "/mount"
    env["REQUEST_URI"] = "/mount/v1/models/m-a"
    started: list[str] = []
    body = b"".join(app(env, lambda status, headers, exc_info=None: started.append(status)))
    assert started == ["200 OK"]
    assert b'"id":"m-a"' in body


@pytest.mark.parametrize("segment", ["%zz", "%e9", "caf%e9", "%"])
def test_a_badly_encoded_model_id_is_400(app: ModelsApp, segment: str) -> None:
    """A path parameter that is not percent-encoded UTF-8 is 400 (after auth)."""
    assert_error(call(app, "/v1/models/" + segment), 400, "invalid_request_error", "path")
    assert call(app, "/v1/models/" + segment, key=None).status == 401


def test_get_model_ignores_query_parameters_but_not_bad_encoding(app: ModelsApp) -> None:
    """The spec names no query parameter for GET /v1/models/{id}: any are ignored, if readable."""
    assert call(app, "/v1/models/m-a?limit=abc&limit=3&after_id=zzz").status == 200
    assert_error(call(app, "/v1/models/m-a?x=%zz"), 400, "invalid_request_error")


@pytest.mark.parametrize("name", an_alias("retired"))
def test_retired_models_are_still_returned(name: str) -> None:
    """GET of a retired model, by id or alias, answers 200 with lifecycle retired."""
    app = ModelsApp(Catalogue.builtin(), api_key=KEY)
    answer = call(app, f"/v1/models/{name}")
    assert answer.status == 200
    assert answer.json()["lifecycle"] == "retired"
    assert answer.json()["id"] == an_alias("retired")[1]


@pytest.mark.parametrize(
    "target", ["/v1/models?limit=2", "/v1/models?lifecycle[]=retired", "/v1/models/m-e"]
)
def test_the_workspace_header_is_accepted_and_echoed(app: ModelsApp, target: str) -> None:
    """anthropic-workspace-id is accepted on both operations and comes back on the answer."""
    workspace = "wrkspc_011CZkZaBF1tNoB5wlCeusgy"
    answer = call(app, target, headers={"anthropic-workspace-id": workspace})
    assert answer.status == 200
    assert answer.headers["anthropic-workspace-id"] == workspace
    assert "anthropic-workspace-id" not in call(app, target).headers


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "anthropic-workspace-id must be a non-empty string"),
        (" \t", "anthropic-workspace-id must be a non-empty string"),
        ("w\x01s", "anthropic-workspace-id must be text matching"),
        ("wZ\tZQo)", "anthropic-workspace-id must be text matching"),
        ("w s", "anthropic-workspace-id must be text matching"),
        ("wrkspc_é", "anthropic-workspace-id must be ASCII text"),
    ],
)
def test_an_unusable_workspace_header_is_400(app: ModelsApp, value: str, fragment: str) -> None:
    """An empty workspace id (minLength 1) or one outside the spec's pattern (a tab too) is a 400."""
    answer = call(app, "/v1/models/m-a", headers={"anthropic-workspace-id": value})
    assert_error(answer, 400, "invalid_request_error", fragment)
    assert "anthropic-workspace-id" not in answer.headers


@pytest.mark.parametrize(
    ("target", "key", "status"),
    [("/v1/models/nope", KEY, 404), ("/v1/models", "bad", 401), ("/v1/models?limit=0", KEY, 400)],
)
def test_errors_echo_the_workspace_too(app: ModelsApp, target: str, key: str, status: int) -> None:
    """Errors echo a usable workspace header as well (the official SDK reads it from errors)."""
    answer = call(app, target, key=key, headers={"anthropic-workspace-id": "wrkspc_1"})
    assert answer.status == status
    assert answer.headers["anthropic-workspace-id"] == "wrkspc_1"


def test_a_repeated_lifecycle_is_not_a_repeated_scalar(app: ModelsApp) -> None:
    """lifecycle[] is an array and may repeat; limit, after_id and before_id may not."""
    assert call(app, "/v1/models?lifecycle[]=active&lifecycle[]=retired").status == 200
    assert_error(
        call(app, "/v1/models?lifecycle[]=active&limit=1&limit=1"),
        400,
        "invalid_request_error",
        "limit given 2 times",
    )


def _every_kind_of_request() -> list[dict[str, Any]]:
    return [
        {"target": "/v1/models"},
        {"target": "/v1/models?limit=2&after_id=m-b"},
        {"target": "/v1/models/m-latest"},
        {"target": "/v1/models?limit=0"},
        {"target": "/v1/models", "key": None},
        {"target": "/v1/models", "key": "wrong"},
        {"target": "/v1/models/nope"},
        {"target": "/nope"},
        {"target": "/v1/models", "method": "POST"},
        {"target": "/v1/models", "method": "HEAD"},
    ]


def test_every_response_has_a_unique_request_id_and_json(app: ModelsApp) -> None:
    """200s, 400s, 401s, 404s and 405s all carry a fresh request-id and a JSON content type."""
    seen: set[str] = set()
    for _ in range(20):
        for request in _every_kind_of_request():
            answer = call(app, **request)
            rid = answer.headers["request-id"]
            assert REQUEST_ID.match(rid)
            assert rid not in seen
            seen.add(rid)
            assert answer.headers["content-type"] == "application/json"
    assert len(seen) == 200


def test_the_app_follows_the_wsgi_protocol(app: ModelsApp) -> None:
    """wsgiref.validate finds nothing wrong with any kind of answer."""
    checked = validator(app)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for request in _every_kind_of_request():
            call(checked, **request)


def test_an_unexpected_exception_is_a_500_api_error(
    app: ModelsApp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug becomes a logged 500 api_error with a request-id, never a traceback to the client."""

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("boom")

    monkeypatch.setattr(Catalogue, "page_json", broken)
    answer = call(app, "/v1/models")
    assert_error(answer, 500, "api_error", "unexpected error")
    assert b"boom" not in answer.body
    assert b"Traceback" not in answer.body
    assert answer.headers["request-id"] in caplog.text


def _nasty_targets(count: int) -> list[str]:
    rng = random.Random(1234)
    alphabet = "/?&=%+#;:@!$'()*,azAZ09-._~ \x00\x7f\xe9\xff" + "".join(SMALL_ORDER)
    pieces = [
        "/v1/models",
        "/v1/models/",
        "?limit=",
        "&after_id=",
        "&before_id=",
        "%",
        "%2F",
        "%ff",
    ]
    targets = []
    for _ in range(count):
        parts = [
            rng.choice(pieces) if rng.random() < 0.5 else rng.choice(alphabet)
            for _ in range(rng.randint(1, 12))
        ]
        targets.append("".join(parts))
    return targets


def test_no_input_makes_a_500(app: ModelsApp, caplog: pytest.LogCaptureFixture) -> None:
    """Two thousand random targets, methods and credentials: never a 500, always the spec's shape."""
    rng = random.Random(99)
    methods = ["GET", "GET", "GET", "POST", "HEAD", "", "G\xe9T"]
    keys = [KEY, KEY, None, "", "x" * 5000, "\xff\x00"]
    for target in _nasty_targets(2000):
        answer = call(app, target, method=rng.choice(methods), key=rng.choice(keys))
        assert answer.status in (200, 400, 401, 404, 405), (target, answer.body)
        assert REQUEST_ID.match(answer.headers["request-id"])
        if answer.body:
            answer.json()
    assert "unexpected error" not in caplog.text


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"api_key": ""}, "api_key must not be empty"),
        ({"api_key": " "}, "api_key has a character that cannot be sent in an HTTP header"),
        ({"api_key": 5}, "api_key must be a string, not int"),
        ({"latency_ms": -1}, "latency_ms must not be negative"),
        ({"fail_rate": 1.5}, "fail_rate must be within 0..1"),
        ({"fail_rate": -0.1}, "fail_rate must be within 0..1"),
        ({"retry_after": -1}, "retry_after must not be negative"),
    ],
)
def test_bad_app_options_are_refused(kwargs: dict[str, Any], message: str) -> None:
    """Options that make no sense are a ValueError at construction."""
    with pytest.raises(ValueError, match=message):
        ModelsApp(small_catalog(), **kwargs)


def test_the_default_catalogue_is_the_builtin_one() -> None:
    """ModelsApp() serves the built-in catalogue and accepts any key."""
    app = ModelsApp()
    assert app.catalog.ids == Catalogue.builtin().ids
    assert app.api_key is None
    assert "any key" in repr(app)


def _mounted(
    target: str, script_name: str, raw_key: Optional[str], raw: Optional[str] = None
) -> Any:
    """The environ of ``target`` under a mount, as a WSGI server hands it to the mounted app."""
    from urllib.parse import unquote

    path = target.split("?", 1)[0]
    env = environ(target, headers={"x-api-key": KEY}, raw_uri=None)
    env["SCRIPT_NAME"] = unquote(script_name.split("?")[0], "latin-1")
    env["PATH_INFO"] = unquote(path, "latin-1")
    if raw_key:
        env[raw_key] = raw if raw is not None else script_name + target
    return env


def _answer(app: ModelsApp, env: dict[str, Any]) -> tuple[str, bytes]:
    started: list[str] = []
    body = b"".join(app(env, lambda status, headers, exc_info=None: started.append(status)))
    return started[0], body


@pytest.mark.parametrize("raw_key", ["REQUEST_URI", "RAW_URI"])
@pytest.mark.parametrize("mount", ["/mount", "/a/b", "/mo%20unt", "/caf%C3%A9"])
def test_a_slash_id_under_a_mount_works_with_a_raw_target(
    odd_app: ModelsApp, raw_key: str, mount: str
) -> None:
    """Under SCRIPT_NAME, with the raw target (uWSGI, gunicorn, ours), %2F stays in the id."""
    status, body = _answer(odd_app, _mounted("/v1/models/org%2Fmodel", mount, raw_key))
    assert status == "200 OK"
    assert b'"id":"org/model"' in body
    status, _ = _answer(odd_app, _mounted("/v1/models?limit=2", mount, raw_key))
    assert status == "200 OK"


def test_a_slash_id_under_a_mount_without_a_raw_target_is_404(odd_app: ModelsApp) -> None:
    """With PATH_INFO alone the server cannot tell %2F from /: such an id is a 404 no such path."""
    status, body = _answer(odd_app, _mounted("/v1/models/org%2Fmodel", "/mount", None))
    assert status == "404 Not Found"
    assert b"no such path" in body
    status, body = _answer(odd_app, _mounted("/v1/models/mod%C3%A8le", "/mount", None))
    assert status == "200 OK"


def test_a_raw_target_that_does_not_match_the_mount_falls_back_to_path_info(
    odd_app: ModelsApp,
) -> None:
    """A proxy-rewritten raw target (other prefix, or other rest) is ignored for PATH_INFO."""
    env = _mounted("/v1/models/with%20space", "/mount", "REQUEST_URI", "/elsewhere/v1/models/x")
    status, body = _answer(odd_app, env)
    assert status == "200 OK" and b'"id":"with space"' in body
    env = _mounted("/v1/models/with%20space", "/mount", "REQUEST_URI", "/mount/v1/models/x")
    status, body = _answer(odd_app, env)
    assert status == "200 OK" and b'"id":"with space"' in body


def test_thousands_of_lifecycle_values_are_one_quick_400(app: ModelsApp) -> None:
    """A query repeating lifecycle[] thousands of times is refused by count, not walked per value."""
    query = "&".join(["lifecycle[]=active"] * 5000)
    answer = call(app, "/v1/models?" + query)
    assert_error(answer, 400, "invalid_request_error", "lifecycle[] takes 1 to 3 values, not 5000")
