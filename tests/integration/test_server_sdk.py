"""The official anthropic SDK, unchanged, against the reference server (skipped without it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from anthropic_models.server import RunningServer, serve_in_thread

pytestmark = pytest.mark.integration

anthropic: Any = pytest.importorskip("anthropic")

KEY = "sk-ant-sdk-key"


@pytest.fixture(scope="module")
def server() -> Iterator[RunningServer]:
    """The built-in catalogue, one accepted key, fault controls on for the retry test."""
    with serve_in_thread(api_key=KEY, faults=True) as running:
        yield running


@pytest.fixture
def client(server: RunningServer) -> Iterator[Any]:
    """An SDK client pointed at the server, without retries."""
    with anthropic.Anthropic(api_key=KEY, base_url=server.url, max_retries=0) as sdk:
        yield sdk


def test_list_auto_paginates_over_the_whole_catalogue(server: RunningServer, client: Any) -> None:
    """client.models.list(limit=3) iterates every model, newest first, across several pages."""
    first = client.models.list(limit=3)
    assert len(first.data) == 3
    assert first.has_more is True
    assert [model.id for model in first] == list(server.catalog.ids)


def test_list_walks_backward_from_a_before_id(server: RunningServer, client: Any) -> None:
    """Starting with before_id, the SDK pages backward until has_more is false."""
    ids = list(server.catalog.ids)
    pages = list(client.models.list(before_id=ids[-1], limit=3).iter_pages())
    assert len(pages) == -(-(len(ids) - 1) // 3)
    seen = sorted({model.id for page in pages for model in page.data}, key=ids.index)
    assert seen == ids[:-1]


def test_retrieve_resolves_an_alias_and_reads_the_new_fields(client: Any) -> None:
    """client.models.retrieve(alias) returns the dated model with its lifecycle and capabilities."""
    model = client.models.retrieve("claude-sonnet-4-5")
    assert model.id == "claude-sonnet-4-5-20250929"
    assert model.display_name == "Claude Sonnet 4.5"
    assert model.type == "model"


def test_errors_map_to_the_sdk_classes_with_request_ids(server: RunningServer, client: Any) -> None:
    """404, 400 and 401 become the SDK's error classes, carrying the server's request-id."""
    with pytest.raises(anthropic.NotFoundError) as not_found:
        client.models.retrieve("no-such-model")
    assert not_found.value.request_id.startswith("req_")
    with pytest.raises(anthropic.BadRequestError):
        client.models.list(after_id="no-such-model")
    with anthropic.Anthropic(api_key="wrong", base_url=server.url, max_retries=0) as other:
        with pytest.raises(anthropic.AuthenticationError):
            other.models.retrieve("claude-sonnet-4-5")


def test_the_sdk_retries_through_injected_failures(server: RunningServer) -> None:
    """x-mock-fail-times makes the first two calls fail with 529; the SDK's retries get through."""
    headers = {"x-mock-fail-times": "2", "x-mock-key": "sdk-retry", "x-mock-retry-after": "0"}
    with anthropic.Anthropic(api_key=KEY, base_url=server.url, max_retries=2) as sdk:
        model = sdk.models.retrieve("claude-opus-4-0", extra_headers=headers)
    assert model.id == "claude-opus-4-20250514"
