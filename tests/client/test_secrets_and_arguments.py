"""The client keeps secrets out of everything it shows, and refuses bad arguments before sending."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from anthropic_models import ModelsClient, errors
from tests.fakes import FakePool, FakeResponse

BASE = "https://api.example.test"
LONG_KEY = "sk-ant-api03-HARDENING-0123456789"
PAGE = json.dumps({"data": [], "first_id": None, "last_id": None, "has_more": False}).encode()


def ok() -> FakeResponse:
    """An empty list page."""
    return FakeResponse(200, PAGE, {"request-id": "req_1"})


def failing(body: Any, status: int = 401) -> FakeResponse:
    """An error answer with this JSON body."""
    return FakeResponse(status, json.dumps(body).encode(), {"request-id": "req_2"})


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ANTHROPIC_* variable of the developer's leaks into a test."""
    for name in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


# -- 1. which credential is sent ------------------------------------------------------------------


def test_an_explicit_api_key_keeps_the_environment_token_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With api_key given, $ANTHROPIC_AUTH_TOKEN is not sent as Bearer (it used to be)."""
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "sk-users-real-token")
    pool = FakePool([ok()])
    ModelsClient(api_key="sk-local", base_url=BASE, pool=pool).list_models()
    assert "authorization" not in pool.sent[0].headers
    assert pool.sent[0].headers["x-api-key"] == "sk-local"


def test_an_explicit_token_keeps_the_environment_key_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """With auth_token given, $ANTHROPIC_API_KEY is not sent as x-api-key."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-users-real-key")
    pool = FakePool([ok()])
    ModelsClient(auth_token="tok-local", base_url=BASE, pool=pool).list_models()
    assert "x-api-key" not in pool.sent[0].headers
    assert pool.sent[0].headers["authorization"] == "Bearer tok-local"


def test_without_explicit_credentials_both_variables_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Neither argument given: the environment's key and token are both sent, as the SDK does."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", "env-key")
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "env-token")
    pool = FakePool([ok()])
    ModelsClient(base_url=BASE, pool=pool).list_models()
    assert pool.sent[0].headers["x-api-key"] == "env-key"
    assert pool.sent[0].headers["authorization"] == "Bearer env-token"


# -- 2. keys that cannot travel in a header -------------------------------------------------------


@pytest.mark.parametrize("key", ["sk-x\u200b", "sk-é", "sk key", "sk-\x7f", " sk", "sk\t"])
def test_a_key_outside_visible_ascii_is_refused_without_showing_it(key: str) -> None:
    """InvalidArgumentError at construction; neither its message nor its args hold the key."""
    with pytest.raises(errors.InvalidArgumentError) as info:
        ModelsClient(api_key=key, base_url=BASE, pool=FakePool([]))
    assert key not in str(info.value)
    assert all(key not in str(arg) for arg in info.value.args)
    assert "api_key" in str(info.value)


def test_a_bad_key_from_the_environment_is_refused_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """$ANTHROPIC_API_KEY with a zero-width space: the same typed error, no UnicodeEncodeError."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-secret\u200b")
    with pytest.raises(errors.InvalidArgumentError) as info:
        ModelsClient(base_url=BASE, pool=FakePool([]))
    assert "sk-secret" not in repr(info.value)


# -- 3. redaction where a secret can appear --------------------------------------------------------


def test_a_one_letter_key_does_not_rewrite_the_error_body() -> None:
    """--api-key e: the error type and message survive whole (they used to become typ[REDACTED])."""
    body = {"type": "error", "error": {"type": "authentication_error", "message": "invalid key"}}
    pool = FakePool([failing(body)])
    with pytest.raises(errors.AuthenticationError) as info:
        ModelsClient(api_key="e", base_url=BASE, pool=pool, max_retries=0).list_models()
    assert info.value.error_type == "authentication_error"
    assert info.value.message == "invalid key"
    assert info.value.body == body


def test_a_key_that_is_a_word_leaves_ordinary_text_alone() -> None:
    """--api-key model: 'model not found' stays as the server wrote it."""
    body = {"type": "error", "error": {"type": "not_found_error", "message": "model not found"}}
    pool = FakePool([failing(body, 404)])
    with pytest.raises(errors.NotFoundError) as info:
        ModelsClient(api_key="model", base_url=BASE, pool=pool).retrieve("x")
    assert info.value.message == "model not found"


def test_an_echoed_key_is_masked_in_message_body_and_str() -> None:
    """A real-length key echoed by the server is masked everywhere, the JSON still parsed."""
    body = {
        "type": "error",
        "error": {"type": "authentication_error", "message": f"bad key {LONG_KEY}"},
        "echo": {"x-api-key": LONG_KEY},
    }
    pool = FakePool([failing(body)])
    with pytest.raises(errors.AuthenticationError) as info:
        ModelsClient(api_key=LONG_KEY, base_url=BASE, pool=pool).list_models()
    assert LONG_KEY not in str(info.value) and LONG_KEY not in repr(info.value.body)
    assert info.value.message == "bad key [REDACTED]"
    assert info.value.error_type == "authentication_error"


def test_a_short_key_echoed_as_a_whole_value_is_masked() -> None:
    """A value that is exactly the key is masked, however short the key."""
    body = {"type": "error", "error": {"type": "authentication_error", "message": "no"}, "k": "e"}
    pool = FakePool([failing(body)])
    with pytest.raises(errors.AuthenticationError) as info:
        ModelsClient(api_key="e", base_url=BASE, pool=pool).list_models()
    assert isinstance(info.value.body, dict) and info.value.body["k"] == "[REDACTED]"


# -- 4. an empty base URL -------------------------------------------------------------------------


@pytest.mark.parametrize("base_url", ["", "   "])
def test_an_empty_base_url_is_refused(base_url: str) -> None:
    """base_url='' no longer means production: it is an error."""
    with pytest.raises(errors.InvalidArgumentError, match="base_url is empty"):
        ModelsClient(api_key="k", base_url=base_url)


def test_an_empty_base_url_variable_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """ANTHROPIC_BASE_URL= (set but empty) is an error, not the real API."""
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "")
    with pytest.raises(errors.InvalidArgumentError, match="ANTHROPIC_BASE_URL is set but empty"):
        ModelsClient(api_key="k")


# -- 6. text that cannot be sent ------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.retrieve("\udcff"),
        lambda c: c.list_models(after_id="a\udcffb"),
        lambda c: c.is_model_available("\ud800"),
        lambda c: list(c.iter_models(before_id="\udcff")),
    ],
)
def test_lone_surrogates_are_refused_before_sending(call: Any) -> None:
    """A lone surrogate in an id or cursor is InvalidArgumentError, and nothing is sent."""
    pool = FakePool([])
    client = ModelsClient(api_key="k", base_url=BASE, pool=pool)
    with pytest.raises(errors.InvalidArgumentError, match="lone surrogate"):
        call(client)
    assert pool.sent == []


# -- 10. argument checks at the call, not later ----------------------------------------------------


@pytest.mark.parametrize("capability", [5, b"batch", "", ["batch"]])
def test_find_models_refuses_a_capability_that_is_not_a_name(capability: Any) -> None:
    """capability=5 is InvalidArgumentError (it used to be an AttributeError)."""
    client = ModelsClient(api_key="k", base_url=BASE, pool=FakePool([]))
    with pytest.raises(errors.InvalidArgumentError, match="capability"):
        client.find_models(capability=capability)


@pytest.mark.parametrize("ttl", [math.nan, math.inf, -1, 0, "60", True])
def test_cache_ttl_must_be_a_positive_finite_number(ttl: Any) -> None:
    """cache_ttl=nan (a cache never fresh) is refused with the others."""
    with pytest.raises(errors.InvalidArgumentError, match="cache_ttl"):
        ModelsClient(api_key="k", base_url=BASE, cache_ttl=ttl)


@pytest.mark.parametrize("pool", [5, "pool", object()])
def test_a_pool_without_urlopen_is_refused_at_construction(pool: Any) -> None:
    """pool=5 fails at once, not at the first call."""
    with pytest.raises(errors.InvalidArgumentError, match="pool"):
        ModelsClient(api_key="k", base_url=BASE, pool=pool)


def test_a_deeply_nested_error_body_is_an_api_error_not_a_recursion_error() -> None:
    """An error body nested 900 deep (valid JSON) still gives the status's class, key masked."""
    body = ("[" * 900 + json.dumps(LONG_KEY) + "]" * 900).encode()
    pool = FakePool([FakeResponse(400, body, {})])
    with pytest.raises(errors.BadRequestError) as info:
        ModelsClient(api_key=LONG_KEY, base_url=BASE, pool=pool, max_retries=0).list_models()
    assert LONG_KEY not in repr(info.value.body)
    node = info.value.body
    for _ in range(900):
        assert isinstance(node, list)
        node = node[0]
    assert node == "[REDACTED]"
