"""The official anthropic SDK, unchanged, against the reference server (Python >= 3.10, with the SDK)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from itertools import combinations
from typing import Any

import pytest

from anthropic_models.server import RunningServer, serve_in_thread
from anthropic_models.server.catalog import STAGES

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(sys.version_info < (3, 10), reason="the SDK needs Python 3.10 or later"),
]

anthropic: Any = pytest.importorskip("anthropic")

KEY = "sk-ant-sdk-key"
WORKSPACE = "wrkspc_011CZkZaBF1tNoB5wlCeusgy"
STAGE_SETS = [list(stages) for size in (1, 2, 3) for stages in combinations(STAGES, size)]


@pytest.fixture(scope="module")
def server() -> Iterator[RunningServer]:
    """The built-in catalogue, one accepted key, fault controls on for the retry and error tests."""
    with serve_in_thread(api_key=KEY, faults=True) as running:
        yield running


@pytest.fixture
def client(server: RunningServer) -> Iterator[Any]:
    """An SDK client pointed at the server, without retries."""
    with anthropic.Anthropic(api_key=KEY, base_url=server.url, max_retries=0) as sdk:
        yield sdk


def test_list_auto_paginates_over_the_default_view(server: RunningServer, client: Any) -> None:
    """client.models.list(limit=3) iterates the active and deprecated models, never a retired one."""
    first = client.models.list(limit=3)
    assert len(first.data) == 3
    assert first.has_more is True
    models = list(first)
    assert [model.id for model in models] == list(server.catalog.view_ids())
    assert {model.lifecycle for model in models} == {"active", "deprecated"}
    assert "claude-3-opus-20240229" not in {model.id for model in models}


@pytest.mark.parametrize("stages", STAGE_SETS, ids="+".join)
def test_list_with_a_lifecycle_filter_returns_exactly_those_stages(
    server: RunningServer, client: Any, stages: list[str]
) -> None:
    """lifecycle=[...] (sent as lifecycle[]) lists exactly the requested stages, across pages."""
    models = list(client.models.list(lifecycle=stages, limit=4))
    assert [model.id for model in models] == list(server.catalog.view_ids(stages))
    assert {model.lifecycle for model in models} == set(stages)


def test_list_walks_backward_from_a_before_id(server: RunningServer, client: Any) -> None:
    """Starting with before_id, the SDK pages backward until has_more is false."""
    ids = list(server.catalog.view_ids())
    pages = list(client.models.list(before_id=ids[-1], limit=3).iter_pages())
    assert len(pages) == -(-(len(ids) - 1) // 3)
    seen = sorted({model.id for page in pages for model in page.data}, key=ids.index)
    assert seen == ids[:-1]


def test_a_retired_cursor_pages_the_default_view(server: RunningServer, client: Any) -> None:
    """A cursor naming a retired model (outside the default view) still places the page."""
    page = client.models.list(after_id="claude-opus-4-1-20250805", lifecycle=["retired"], limit=2)
    assert [model.id for model in page.data] == [
        "claude-opus-4-20250514",
        "claude-sonnet-4-20250514",
    ]
    empty = client.models.list(after_id="claude-opus-4-1-20250805")
    assert (empty.data, empty.has_more) == ([], False)


def test_workspace_id_is_sent_and_echoed(client: Any) -> None:
    """workspace_id= goes out as anthropic-workspace-id on both operations and comes back."""
    listed = client.models.with_raw_response.list(workspace_id=WORKSPACE, limit=1)
    assert listed.headers["anthropic-workspace-id"] == WORKSPACE
    assert len(listed.parse().data) == 1
    got = client.models.with_raw_response.retrieve("claude-opus-5", workspace_id=WORKSPACE)
    assert got.headers["anthropic-workspace-id"] == WORKSPACE
    assert got.parse().id == "claude-opus-5"


def test_beta_models_list_and_retrieve(server: RunningServer, client: Any) -> None:
    """client.beta.models (with betas, so an anthropic-beta header) reads the same catalogue."""
    listed = list(client.beta.models.list(betas=["files-api-2025-04-14"], limit=10))
    assert [model.id for model in listed] == list(server.catalog.view_ids())
    retired = list(client.beta.models.list(lifecycle=["retired"], workspace_id=WORKSPACE))
    assert [model.id for model in retired] == list(server.catalog.view_ids(["retired"]))
    model = client.beta.models.retrieve("claude-haiku-4-5", betas=["files-api-2025-04-14"])
    assert model.id == "claude-haiku-4-5-20251001"
    assert model.capabilities.thinking.types.between_tools.supported is True


def test_retrieve_resolves_an_alias_and_reads_the_new_fields(client: Any) -> None:
    """client.models.retrieve(alias) returns the dated model with its lifecycle and capabilities."""
    model = client.models.retrieve("claude-sonnet-4-5")
    assert model.id == "claude-sonnet-4-5-20250929"
    assert model.display_name == "Claude Sonnet 4.5"
    assert model.type == "model"
    assert model.lifecycle == "deprecated"
    assert model.retires_at.date().isoformat() == "2026-11-30"
    assert model.capabilities.effort.max.supported is False
    assert model.capabilities.server_tools.web_search.supported is True


def test_retrieve_returns_a_retired_model(client: Any) -> None:
    """A retired model (by id or by an alias) is still retrievable, with lifecycle retired."""
    for name in ("claude-3-opus-20240229", "claude-opus-4-0"):
        model = client.models.retrieve(name)
        assert model.lifecycle == "retired"
        assert model.deprecated_at < model.retires_at


def test_errors_map_to_the_sdk_classes_with_request_ids(server: RunningServer, client: Any) -> None:
    """404, 400 and 401 become the SDK's error classes, carrying the server's request id."""
    with pytest.raises(anthropic.NotFoundError) as not_found:
        client.models.retrieve("no-such-model")
    assert not_found.value.request_id.startswith("req_")
    assert not_found.value.body["request_id"] == not_found.value.request_id
    assert not_found.value.type == "not_found_error"
    with pytest.raises(anthropic.BadRequestError):
        client.models.list(after_id="no-such-model")
    with anthropic.Anthropic(api_key="wrong", base_url=server.url, max_retries=0) as other:
        with pytest.raises(anthropic.AuthenticationError):
            other.models.retrieve("claude-sonnet-4-5")


@pytest.mark.parametrize("stages", [["gone"], ["active,retired"], [""], ["active"] * 4])
def test_an_invalid_stage_is_a_bad_request_error(client: Any, stages: list[str]) -> None:
    """An unknown or empty stage, or more than three values, is the SDK's BadRequestError."""
    with pytest.raises(anthropic.BadRequestError) as caught:
        client.models.list(lifecycle=stages)
    assert caught.value.type == "invalid_request_error"
    assert caught.value.body["request_id"] == caught.value.request_id


@pytest.mark.parametrize(
    ("status", "error_class", "error_type"),
    [
        (402, "PaymentRequiredError", "billing_error"),
        (504, "GatewayTimeoutError", "timeout_error"),
        (529, "OverloadedError", "overloaded_error"),
        (503, "ServiceUnavailableError", "api_error"),
        (409, "ConflictError", "conflict_error"),
    ],
)
def test_injected_statuses_become_the_sdk_classes(
    client: Any, status: int, error_class: str, error_type: str
) -> None:
    """x-mock-status answers become the SDK's status classes, with type and request id."""
    with pytest.raises(getattr(anthropic, error_class)) as caught:
        client.models.list(extra_headers={"x-mock-status": str(status)}, workspace_id=WORKSPACE)
    error = caught.value
    assert (error.status_code, error.type) == (status, error_type)
    assert error.request_id.startswith("req_")
    assert error.body["request_id"] == error.request_id
    assert error.workspace_id == WORKSPACE


def test_the_sdk_retries_through_injected_failures(server: RunningServer) -> None:
    """x-mock-fail-times makes the first two calls fail with 529; the SDK's retries get through."""
    headers = {"x-mock-fail-times": "2", "x-mock-key": "sdk-retry", "x-mock-retry-after": "0"}
    with anthropic.Anthropic(api_key=KEY, base_url=server.url, max_retries=2) as sdk:
        model = sdk.models.retrieve("claude-opus-4-0", extra_headers=headers)
    assert model.id == "claude-opus-4-20250514"


@pytest.mark.parametrize(
    ("code", "error_class"),
    [
        ("organization_on_hold", "OrganizationOnHoldError"),
        ("claude_code_key_creator_not_member", "ClaudeCodeKeyCreatorNotMemberError"),
    ],
)
def test_an_error_code_picks_the_sdk_class(client: Any, code: str, error_class: str) -> None:
    """details.error_code (x-mock-error-code) makes the SDK raise its class for that cause."""
    headers = {"x-mock-status": "400", "x-mock-error-code": code}
    with pytest.raises(getattr(anthropic, error_class)) as caught:
        client.models.list(extra_headers=headers)
    assert isinstance(caught.value, anthropic.BadRequestError)
    assert caught.value.error_code == code
