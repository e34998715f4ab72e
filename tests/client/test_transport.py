"""The generated urllib3 transport, against a fake pool."""

from __future__ import annotations

import pytest
from urllib3 import Timeout
from urllib3.exceptions import ProtocolError, ReadTimeoutError

from anthropic_models_generated import transport
from tests.fakes import FakePool, FakeResponse

BASE = "https://api.example.test"


def test_list_models_builds_method_path_query_and_headers() -> None:
    """Every query and header parameter of list_models lands where the spec puts it."""
    pool = FakePool([FakeResponse(200, b"{}", {"request-id": "r"})])
    timeout = Timeout(connect=1, read=2)
    raw = transport.list_models(
        pool,
        BASE + "/",
        after_id="claude a/b",
        limit=5,
        anthropic_version="2023-06-01",
        anthropic_beta="x,y",
        headers={"x-api-key": "k"},
        timeout=timeout,
        retries=0,
    )
    (sent,) = pool.sent
    assert sent.method == "GET"
    assert sent.url == BASE + "/v1/models?after_id=claude%20a%2Fb&limit=5"
    assert sent.redirect is False
    assert sent.headers == {
        "anthropic-version": "2023-06-01",
        "anthropic-beta": "x,y",
        "x-api-key": "k",
    }
    assert sent.options["timeout"] is timeout
    assert sent.options["retries"] == 0
    assert sent.options["preload_content"] is False
    assert (raw.status, raw.body, raw.headers["request-id"]) == (200, b"{}", "r")
    assert (raw.method, raw.url) == ("GET", sent.url)


def test_unset_parameters_are_not_sent() -> None:
    """None means absent: no empty query, no header, the pool's own timeout, and no retry."""
    pool = FakePool([FakeResponse(200, b"{}")])
    transport.list_models(pool, BASE)
    (sent,) = pool.sent
    assert sent.url == BASE + "/v1/models"
    assert sent.headers == {}
    assert "timeout" not in sent.options
    assert sent.options["retries"] is False  # one connection per call, not urllib3's Retry(3)


def test_before_id_and_limit_one() -> None:
    """before_id is a query parameter like after_id."""
    pool = FakePool([FakeResponse(200, b"{}")])
    transport.list_models(pool, BASE, before_id="m1", limit=1)
    assert pool.sent[0].url == BASE + "/v1/models?before_id=m1&limit=1"


@pytest.mark.parametrize(
    ("model_id", "path"),
    [
        ("claude-sonnet-4-5", "/v1/models/claude-sonnet-4-5"),
        ("a/b", "/v1/models/a%2Fb"),
        ("../../admin", "/v1/models/..%2F..%2Fadmin"),
        ("x?limit=1#y", "/v1/models/x%3Flimit%3D1%23y"),
        ("ünï cödé", "/v1/models/%C3%BCn%C3%AF%20c%C3%B6d%C3%A9"),
    ],
)
def test_get_model_percent_encodes_the_path_segment(model_id: str, path: str) -> None:
    """A model id is one path segment whatever it contains."""
    pool = FakePool([FakeResponse(200, b"{}")])
    transport.get_model(pool, BASE, model_id, anthropic_version="v")
    assert pool.sent[0].url == BASE + path
    assert pool.sent[0].headers == {"anthropic-version": "v"}


@pytest.mark.parametrize("model_id", ["", ".", ".."])
def test_get_model_refuses_segments_that_change_the_path(model_id: str) -> None:
    """An empty or dot segment would address another resource: refused before sending."""
    pool = FakePool()
    with pytest.raises(transport.InvalidParameterError, match="model_id"):
        transport.get_model(pool, BASE, model_id)
    assert pool.sent == []


@pytest.mark.parametrize("value", ["a\r\nx-evil: 1", "a\nb", "a\x00b"])
def test_header_injection_is_refused(value: str) -> None:
    """Header values with line breaks or NUL never reach the wire."""
    pool = FakePool()
    with pytest.raises(transport.InvalidParameterError, match="anthropic_beta"):
        transport.list_models(pool, BASE, anthropic_beta=value)
    assert pool.sent == []


def test_body_is_read_whole_and_the_connection_released() -> None:
    """A body in many chunks is joined, and the connection goes back to the pool."""
    response = FakeResponse(200, b"x" * 200_000, chunk=1000)
    raw = transport.list_models(FakePool([response]), BASE)
    assert raw.body == b"x" * 200_000
    assert response.released and not response.closed


def test_body_over_the_limit_is_refused_and_the_connection_closed() -> None:
    """A body larger than max_body_bytes raises ResponseTooLarge and is not reused."""
    response = FakeResponse(200, b"x" * 10_001, chunk=1000)
    with pytest.raises(transport.ResponseTooLarge, match="10000 bytes"):
        transport.list_models(FakePool([response]), BASE, max_body_bytes=10_000)
    assert response.closed and response.released


def test_body_timeout_stops_a_slow_body() -> None:
    """A body still arriving body_timeout seconds after the headers raises BodyTimeout."""
    response = FakeResponse(200, b"x" * 100, chunk=10)
    with pytest.raises(transport.BodyTimeout, match="still arriving"):
        transport.list_models(FakePool([response]), BASE, body_timeout=-1.0)
    assert response.closed


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (ProtocolError("Connection broken: reset"), transport.BodyInterrupted),
        (ConnectionResetError(104, "reset"), transport.BodyInterrupted),
        (ReadTimeoutError(None, "u", "read timed out"), transport.BodyTimeout),  # type: ignore[arg-type]
    ],
)
def test_failures_mid_body_are_body_errors(
    failure: BaseException, kind: type[transport.BodyError]
) -> None:
    """A body cut short becomes a BodyError whose cause is the failure, and is not reused."""
    response = FakeResponse(200, b"x" * 100, chunk=10, fail_after=failure)
    with pytest.raises(kind) as info:
        transport.list_models(FakePool([response]), BASE)
    assert info.value.__cause__ is failure
    assert response.closed


def test_operations_registry_matches_the_spec() -> None:
    """OPERATIONS describes both operations as the spec declares them."""
    assert set(transport.OPERATIONS) == {"list_models", "get_model"}
    get = transport.OPERATIONS["get_model"]
    assert (get.method, get.path, get.path_params) == (
        "GET",
        "/v1/models/{model_id}",
        ("model_id",),
    )
    assert transport.LIST_MODELS.query_params == ("after_id", "before_id", "limit", "lifecycle[]")
    assert transport.LIST_MODELS.header_params == (
        "anthropic-version",
        "anthropic-beta",
        "anthropic-workspace-id",
    )


def test_parameters_carry_the_spec_numbers() -> None:
    """Each operation's parameters carry their bounds, defaults and enum values from the spec."""
    limit = transport.LIST_MODELS.parameter("limit")
    assert (limit.name, limit.location, limit.kind) == ("limit", "query", "integer")
    assert (limit.minimum, limit.maximum, limit.default) == (1, 1000, 20)
    lifecycle = transport.LIST_MODELS.parameter("lifecycle")
    assert (lifecycle.name, lifecycle.kind, lifecycle.max_items) == ("lifecycle[]", "array", 3)
    assert lifecycle.enum == ("active", "deprecated", "retired")
    assert transport.GET_MODEL.parameter("model_id").required
    with pytest.raises(KeyError):
        transport.GET_MODEL.parameter("limit")


def test_array_parameters_repeat_in_bracket_form() -> None:
    """lifecycle=[...] goes out as lifecycle[]=a&lifecycle[]=b, as the official SDK sends it."""
    pool = FakePool([FakeResponse(200, b"{}")])
    transport.list_models(pool, BASE, lifecycle=["active", "retired"], limit=5)
    assert (
        pool.sent[0].url
        == f"{BASE}/v1/models?limit=5&lifecycle%5B%5D=active&lifecycle%5B%5D=retired"
    )


def test_extra_query_follows_the_declared_parameters() -> None:
    """extra_query pairs are appended after the declared ones, repeated names included."""
    pool = FakePool([FakeResponse(200, b"{}")])
    transport.list_models(
        pool, BASE, limit=1, extra_query=[("x", "1"), ("x", "2"), ("flag", "true")]
    )
    assert pool.sent[0].url == f"{BASE}/v1/models?limit=1&x=1&x=2&flag=true"


def test_extra_query_replaces_a_declared_parameter_of_the_same_name() -> None:
    """A name given in extra_query replaces the operation's own value (as the official SDK does)."""
    pool = FakePool([FakeResponse(200, b"{}")])
    transport.list_models(pool, BASE, limit=2, extra_query=[("limit", "5")])
    assert pool.sent[0].url == f"{BASE}/v1/models?limit=5"


def test_a_body_shorter_than_its_content_length_was_cut_off() -> None:
    """EOF before content-length bytes (how urllib3 1.26 may see a reset) is BodyInterrupted."""
    response = FakeResponse(200, b"x" * 10, {"content-length": "20"})
    with pytest.raises(transport.BodyInterrupted, match="cut off at 10 of 20 bytes"):
        transport.list_models(FakePool([response]), BASE)
    exact = FakeResponse(200, b"x" * 10, {"content-length": "10"})
    assert transport.list_models(FakePool([exact]), BASE).body == b"x" * 10
