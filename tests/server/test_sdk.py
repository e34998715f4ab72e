"""The official anthropic SDK, unchanged, against the reference server (Python >= 3.10, with the SDK).

The SDK's sync and async clients list the default view and every filter, retrieve every id the
SDK names and every retired model; the expected answers are read from the served catalogue and
the installed SDK, never written here.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from itertools import combinations
from typing import Any

import pytest

from anthropic_models.server import Catalogue, RunningServer, serve_in_thread
from anthropic_models.server.catalog import STAGES
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import sdk_drift

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(sys.version_info < (3, 10), reason="the SDK needs Python 3.10 or later"),
]

anthropic: Any = pytest.importorskip("anthropic")

KEY = "sk-ant-sdk-key"
WORKSPACE = "wrkspc_011CZkZaBF1tNoB5wlCeusgy"
STAGE_SETS = [list(stages) for size in (1, 2, 3) for stages in combinations(STAGES, size)]
CATALOG = Catalogue.builtin()
RETIRED = CATALOG.view_ids(["retired"])
RETIRED_ALIASES = sorted(alias for alias, target in CATALOG.aliases.items() if target in RETIRED)
DEFAULT_ALIASES = sorted(set(CATALOG.aliases) - set(RETIRED_ALIASES))


def _expected(name: str) -> dict[str, Any]:
    """The catalogue's model for an id or alias, as JSON (what the SDK must read back)."""
    body = CATALOG.model_json(name)
    assert body is not None, name
    data: dict[str, Any] = json.loads(body)
    return data


def _read(model: Any) -> dict[str, Any]:
    """An SDK model as JSON, with the fields the server sent."""
    data: dict[str, Any] = model.model_dump(mode="json", exclude_unset=True)
    return data


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
    assert not {model.id for model in models} & set(RETIRED)


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


@pytest.mark.parametrize("cursor", RETIRED)
def test_a_retired_cursor_pages_the_default_view(client: Any, cursor: str) -> None:
    """A cursor naming a retired model (outside the default view) still places the page."""
    after = RETIRED[RETIRED.index(cursor) + 1 :]
    page = client.models.list(after_id=cursor, lifecycle=["retired"], limit=2)
    assert [model.id for model in page.data] == list(after[:2])
    position = CATALOG.position(cursor)
    assert position is not None
    older = [i for i in CATALOG.view_ids() if (CATALOG.position(i) or 0) > position]
    assert [model.id for model in client.models.list(after_id=cursor)] == older


def test_workspace_id_is_sent_and_echoed(client: Any) -> None:
    """workspace_id= goes out as anthropic-workspace-id on both operations and comes back."""
    listed = client.models.with_raw_response.list(workspace_id=WORKSPACE, limit=1)
    assert listed.headers["anthropic-workspace-id"] == WORKSPACE
    assert len(listed.parse().data) == 1
    newest = CATALOG.view_ids()[0]
    got = client.models.with_raw_response.retrieve(newest, workspace_id=WORKSPACE)
    assert got.headers["anthropic-workspace-id"] == WORKSPACE
    assert got.parse().id == newest


def test_beta_models_list_and_retrieve(server: RunningServer, client: Any) -> None:
    """client.beta.models (with betas, so an anthropic-beta header) reads the same catalogue."""
    listed = list(client.beta.models.list(betas=["files-api-2025-04-14"], limit=10))
    assert [model.id for model in listed] == list(server.catalog.view_ids())
    retired = list(client.beta.models.list(lifecycle=["retired"], workspace_id=WORKSPACE))
    assert [model.id for model in retired] == list(server.catalog.view_ids(["retired"]))
    for alias in DEFAULT_ALIASES:
        model = client.beta.models.retrieve(alias, betas=["files-api-2025-04-14"])
        assert _read(model) == _expected(alias)


@pytest.mark.parametrize("name", sorted(sdk_drift.model_names(anthropic)))
def test_retrieve_reads_every_model_the_sdk_names(client: Any, name: str) -> None:
    """client.models.retrieve(id or alias) of every name in the SDK's Model literal reads the
    catalogue's model whole: id, lifecycle, dates and capabilities."""
    model = client.models.retrieve(name)
    assert model.id == CATALOG.resolve(name)
    assert model.lifecycle in {"active", "deprecated"}
    assert _read(model) == _expected(name)


@pytest.mark.parametrize("name", [*RETIRED, *RETIRED_ALIASES])
def test_retrieve_returns_a_retired_model(client: Any, name: str) -> None:
    """A retired model (by id or by an alias) is still retrievable, with lifecycle retired."""
    model = client.models.retrieve(name)
    assert model.lifecycle == "retired"
    assert model.deprecated_at < model.retires_at
    assert _read(model) == _expected(name)


def test_the_async_client_lists_filters_and_retrieves(server: RunningServer) -> None:
    """AsyncAnthropic auto-paginates the default view and each filter, and retrieves every SDK
    name and every retired model, as the catalogue holds them."""

    async def run() -> None:
        async with anthropic.AsyncAnthropic(api_key=KEY, base_url=server.url, max_retries=0) as sdk:
            listed = [model.id async for model in sdk.models.list(limit=4)]
            assert listed == list(CATALOG.view_ids())
            for stages in STAGE_SETS:
                found = [model.id async for model in sdk.models.list(lifecycle=stages, limit=5)]
                assert found == list(CATALOG.view_ids(stages)), stages
            names = [*sorted(sdk_drift.model_names(anthropic)), *RETIRED, *RETIRED_ALIASES]
            models = await asyncio.gather(*(sdk.models.retrieve(name) for name in names))
            assert [_read(model) for model in models] == [_expected(name) for name in names]

    asyncio.run(run())


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
            other.models.retrieve(CATALOG.view_ids()[0])


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
    alias, target = next(iter(CATALOG.aliases.items()))
    with anthropic.Anthropic(api_key=KEY, base_url=server.url, max_retries=2) as sdk:
        model = sdk.models.retrieve(alias, extra_headers=headers)
    assert model.id == target


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
