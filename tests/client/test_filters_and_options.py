"""The client and today's API: the lifecycle filter, the workspace, per-call options, richer errors."""

from __future__ import annotations

import inspect
import json
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from urllib3 import Timeout

from anthropic_models import ModelsClient, errors
from anthropic_models.client import DEFAULT_ANTHROPIC_VERSION
from anthropic_models_generated import spec, transport
from anthropic_models_generated.models import Lifecycle
from tests.fakes import FakePool, FakeResponse

BASE = "https://api.example.test"
PAGE = json.dumps({"data": [], "first_id": None, "last_id": None, "has_more": False}).encode()


def ok() -> FakeResponse:
    """An empty list page."""
    return FakeResponse(200, PAGE, {"request-id": "req_1"})


def pairs(pool: FakePool, index: int = 0) -> list[tuple[str, str]]:
    """The query pairs of one recorded request, in order."""
    return parse_qsl(urlsplit(pool.sent[index].url).query)


def client(pool: FakePool, **options: Any) -> ModelsClient:
    """A client with a key on the fake pool."""
    return ModelsClient(api_key="sk-test", base_url=BASE, pool=pool, **options)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ANTHROPIC_* variable of the developer's leaks into a test."""
    for name in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("lifecycle", "sent"),
    [
        (None, []),
        ("retired", ["retired"]),
        (Lifecycle.deprecated, ["deprecated"]),
        (["active", "retired"], ["active", "retired"]),
        ([Lifecycle.retired, "active"], ["retired", "active"]),
        (list(Lifecycle), ["active", "deprecated", "retired"]),
    ],
)
def test_lifecycle_is_sent_in_bracket_form(lifecycle: Any, sent: list[str]) -> None:
    """lifecycle goes out as lifecycle[]=... (the SDK's form); none means the default view."""
    pool = FakePool([ok()])
    client(pool).list_models(lifecycle=lifecycle)
    assert [value for name, value in pairs(pool) if name == "lifecycle[]"] == sent
    assert all(name != "lifecycle" for name, _ in pairs(pool))


@pytest.mark.parametrize(
    ("lifecycle", "words"),
    [
        ("sunset", "one of active, deprecated, retired"),
        (["active", "preview"], "'preview'"),
        ([], "1 to 3 values, not 0"),
        (["active", "active", "retired", "retired"], "1 to 3 values, not 4"),
        (5, "lifecycle must be a string, not 5"),
        ([None], "not None"),
    ],
)
def test_a_bad_lifecycle_is_refused_before_sending(lifecycle: Any, words: str) -> None:
    """Unknown stages, none at all, or a value that is not stages: InvalidArgumentError, no request."""
    pool = FakePool([])
    for call in (client(pool).list_models, client(pool).iter_models, client(pool).find_models):
        with pytest.raises(errors.InvalidArgumentError, match=words):
            call(lifecycle=lifecycle)
    assert pool.sent == []


def test_iter_models_keeps_the_filter_on_every_page() -> None:
    """Every page of a filtered walk carries the same lifecycle[] values."""
    first = FakeResponse(
        200,
        json.dumps(
            {
                "data": [
                    {
                        "id": "a",
                        "type": "model",
                        "created_at": "2025-01-01T00:00:00Z",
                        "display_name": "A",
                        "lifecycle": "retired",
                    }
                ],
                "first_id": "a",
                "last_id": "a",
                "has_more": True,
            }
        ).encode(),
    )
    pool = FakePool([first, ok()])
    assert [m.id for m in client(pool).iter_models(lifecycle=["retired"], limit=1)] == ["a"]
    assert pairs(pool, 1) == [("after_id", "a"), ("limit", "1"), ("lifecycle[]", "retired")]


def test_workspace_id_on_the_client_and_per_call() -> None:
    """workspace_id is sent as anthropic-workspace-id; a per-call value wins for that call."""
    pool = FakePool([ok(), ok(), FakeResponse(200, b"{}")])
    c = client(pool, workspace_id="wrkspc_client")
    c.list_models()
    c.list_models(workspace_id="wrkspc_call")
    with pytest.raises(errors.ResponseValidationError):
        c.retrieve("m")
    assert [s.headers["anthropic-workspace-id"] for s in pool.sent] == [
        "wrkspc_client",
        "wrkspc_call",
        "wrkspc_client",
    ]


def test_per_call_extra_headers_extra_query_and_timeout() -> None:
    """extra_headers and extra_query reach the wire; timeout replaces the client's for one call."""
    pool = FakePool([ok(), ok()])
    c = client(pool, timeout=30)
    c.list_models(extra_headers={"X-Gateway-Key": "g"}, extra_query={"beta": True}, timeout=2)
    c.list_models()
    first, second = pool.sent
    assert first.headers["x-gateway-key"] == "g"
    assert pairs(pool) == [("beta", "true")]
    assert first.options["timeout"].read_timeout == 2
    assert second.options["timeout"].read_timeout == 30
    assert "x-gateway-key" not in second.headers


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"extra_headers": {"x-a": "line\nbreak"}}, "line break"),
        ({"extra_headers": ["x-a"]}, "mapping"),
        ({"extra_query": {"a": object()}}, "text or a number"),
        ({"timeout": float("nan")}, "timeout"),
        ({"workspace_id": ""}, "workspace_id"),
        ({"workspace_id": "wrk spc"}, "workspace_id must be text matching"),
    ],
)
def test_bad_per_call_options_are_refused(options: dict[str, Any], words: str) -> None:
    """Each per-call option is checked before anything is sent."""
    pool = FakePool([])
    with pytest.raises(errors.InvalidArgumentError, match=words):
        client(pool).list_models(**options)
    assert pool.sent == []


def test_the_default_version_is_the_one_the_spec_and_the_sdk_name() -> None:
    """anthropic-version defaults to the spec's default, the value the official SDK sends."""
    declared = spec.SPEC["components"]["parameters"]["AnthropicVersion"]["schema"]["default"]
    assert DEFAULT_ANTHROPIC_VERSION == declared == "2026-10-21"
    pool = FakePool([ok()])
    client(pool).list_models()
    assert pool.sent[0].headers["anthropic-version"] == declared
    pool = FakePool([ok()])
    client(pool, anthropic_version="2023-06-01").list_models()
    assert pool.sent[0].headers["anthropic-version"] == "2023-06-01"


def test_errors_carry_error_code_details_and_the_body_request_id() -> None:
    """details.error_code and details are on the error; request_id falls back to the body's."""
    body = {
        "type": "error",
        "error": {
            "type": "invalid_request_error",
            "message": "on hold",
            "details": {"error_code": "organization_on_hold", "appeal_url": "https://x.test"},
        },
        "request_id": "req_from_body",
    }
    pool = FakePool([FakeResponse(400, json.dumps(body).encode(), {})])
    with pytest.raises(errors.BadRequestError) as info:
        client(pool).list_models()
    exc = info.value
    assert (exc.error_code, exc.request_id) == ("organization_on_hold", "req_from_body")
    assert exc.details == {"error_code": "organization_on_hold", "appeal_url": "https://x.test"}
    assert "(organization_on_hold)" in str(exc)


def test_the_header_request_id_wins_over_the_body() -> None:
    """When both are present, request_id is the request-id header."""
    body = {"type": "error", "error": {"type": "x", "message": "m"}, "request_id": "req_body"}
    pool = FakePool([FakeResponse(404, json.dumps(body).encode(), {"request-id": "req_head"})])
    with pytest.raises(errors.NotFoundError) as info:
        client(pool).retrieve("m")
    assert info.value.request_id == "req_head"
    assert info.value.error_code is None and info.value.details is None


def test_every_generated_parameter_is_a_facade_keyword() -> None:
    """Each parameter of each generated operation is exposed by the facade (named on failure).

    After a regeneration adds a parameter, this test names what the facade must learn; until
    then, extra_query and extra_headers reach it.
    """
    facade: dict[str, Any] = {
        "list_models": ModelsClient.list_models,
        "get_model": ModelsClient.retrieve,
    }
    handled_by_the_client = {"anthropic_version", "anthropic_beta"}
    renamed = {"anthropic_workspace_id": "workspace_id"}
    missing = []
    for operation in transport.OPERATIONS.values():
        method = facade.get(operation.operation_id)
        if method is None:
            missing.append(f"operation {operation.operation_id} has no facade method")
            continue
        keywords = set(inspect.signature(method).parameters)
        for param in operation.parameters:
            name = renamed.get(param.python_name, param.python_name)
            if name not in keywords and param.python_name not in handled_by_the_client:
                missing.append(f"{operation.operation_id}: {param.name} ({name}=)")
    assert missing == []


def test_every_facade_operation_takes_the_per_call_options() -> None:
    """list_models, iter_models and retrieve take extra_headers, extra_query and timeout."""
    for method in (ModelsClient.list_models, ModelsClient.iter_models, ModelsClient.retrieve):
        assert {"extra_headers", "extra_query", "timeout", "workspace_id"} <= set(
            inspect.signature(method).parameters
        )


def test_a_urllib3_timeout_per_call_is_kept() -> None:
    """A urllib3 Timeout given per call is used as it is."""
    pool = FakePool([ok()])
    client(pool).list_models(timeout=Timeout(connect=1, read=7))
    assert pool.sent[0].options["timeout"].read_timeout == 7


def preview_model(model_id: str = "m") -> dict[str, Any]:
    """A model in a lifecycle stage newer than the spec."""
    return {
        "id": model_id,
        "type": "model",
        "created_at": "2026-11-01T00:00:00Z",
        "display_name": "M",
        "lifecycle": "preview",
    }


def preview_answer(sent: Any) -> FakeResponse:
    """A server that already sends lifecycle "preview", for the list and for retrieve."""
    headers = {"request-id": "r", "content-type": "application/json"}
    if "/v1/models/" in sent.url:
        return FakeResponse(200, json.dumps(preview_model()).encode(), headers)
    body = {"data": [preview_model()], "first_id": "m", "last_id": "m", "has_more": False}
    return FakeResponse(200, json.dumps(body).encode(), headers)


def test_a_newer_lifecycle_value_works_through_every_call() -> None:
    """list_models, iter_models, retrieve and availability all work with "preview" (lenient)."""
    c = client(FakePool(handler=preview_answer))
    assert c.list_models().data[0].lifecycle == "preview"
    assert [m.lifecycle for m in c.iter_models()] == ["preview"]
    assert c.retrieve("m").lifecycle == "preview"
    assert c.is_model_available("m") is True
    assert c.require_model("m").id == "m"
    assert [m.id for m in c.find_models()] == ["m"]


def test_validate_reports_a_newer_value_as_newer_than_the_spec() -> None:
    """validate=True refuses the page, saying the value is newer than the spec."""
    pytest.importorskip("openapi_core")
    c = client(FakePool(handler=preview_answer), validate=True)
    with pytest.raises(errors.ResponseValidationError, match="newer than the spec") as info:
        c.list_models()
    assert "lifecycle" in info.value.path
