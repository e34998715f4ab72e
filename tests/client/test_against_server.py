"""The client against the reference server: walks, helpers, validation, threads, docstrings."""

from __future__ import annotations

import doctest
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from anthropic_models import ModelsClient, errors
from anthropic_models import client as client_module
from anthropic_models.server import RunningServer, serve_in_thread
from anthropic_models_generated.models import Lifecycle
from tests.catalogue_facts import CATALOG, a_model, an_alias, newest_of_line

pytestmark = pytest.mark.integration

KEY = "sk-ant-integration-0123456789"


@pytest.fixture(scope="module")
def server() -> Iterator[RunningServer]:
    """The reference server with its built-in catalogue and a key."""
    with serve_in_thread(api_key=KEY) as running:
        yield running


@pytest.fixture
def client(server: RunningServer) -> Iterator[ModelsClient]:
    """A client of that server."""
    with ModelsClient(api_key=KEY, base_url=server.url, max_retries=0) as made:
        yield made


def catalogue_ids(server: RunningServer) -> list[str]:
    """The ids of the server's default view (no retired models), newest first."""
    return [model.id for model in server.catalog if model.lifecycle is not Lifecycle.retired]


def test_the_filter_and_the_whole_catalogue(server: RunningServer, client: ModelsClient) -> None:
    """lifecycle=all stages walks the whole catalogue; each stage alone walks its models."""
    everything = [model.id for model in server.catalog]
    assert [m.id for m in client.iter_models(lifecycle=list(Lifecycle), limit=7)] == everything
    for stage in Lifecycle:
        expected = [m.id for m in server.catalog if m.lifecycle is stage]
        assert expected, stage
        assert [m.id for m in client.iter_models(lifecycle=stage, limit=3)] == expected


def test_a_cursor_outside_the_view_still_works(server: RunningServer, client: ModelsClient) -> None:
    """A retired model's id is a valid cursor for the default view (our spec's decision)."""
    everything = list(server.catalog)
    retired = next(m for m in everything if m.lifecycle is Lifecycle.retired)
    after = everything[everything.index(retired) + 1 :]
    expected = [m.id for m in after if m.lifecycle is not Lifecycle.retired]
    assert [m.id for m in client.iter_models(after_id=retired.id)] == expected


def test_docstring_examples_run_against_the_reference_server(
    server: RunningServer, client: ModelsClient
) -> None:
    """The client's examples are real: they run against the built-in catalogue."""
    retired = next(m.id for m in server.catalog if m.lifecycle is Lifecycle.retired)
    result = doctest.testmod(
        client_module, extraglobs={"client": client, "retired_id": retired}, raise_on_error=False
    )
    assert result.failed == 0
    assert result.attempted >= 8


@pytest.mark.parametrize("limit", [1, 2, 3, 7, 19, 20, 21, 1000, None])
def test_walks_cover_the_catalogue_both_ways(
    server: RunningServer, client: ModelsClient, limit: int
) -> None:
    """Forward from the top gives the catalogue; backward from the oldest gives it reversed."""
    ids = catalogue_ids(server)
    assert [m.id for m in client.iter_models(limit=limit)] == ids
    backward = [m.id for m in client.iter_models(limit=limit, before_id=ids[-1])]
    assert backward == list(reversed(ids[:-1]))


def test_walk_from_a_cursor_is_exclusive(server: RunningServer, client: ModelsClient) -> None:
    """after_id starts after the cursor; before_id ends before it."""
    ids = catalogue_ids(server)
    assert [m.id for m in client.iter_models(limit=4, after_id=ids[5])] == ids[6:]
    assert [m.id for m in client.iter_models(limit=4, before_id=ids[5])] == list(reversed(ids[:5]))


def test_helpers_against_the_server(server: RunningServer, client: ModelsClient) -> None:
    """retrieve resolves aliases; availability, require, find and latest agree with the catalogue."""
    alias, target = an_alias("deprecated")
    assert client.retrieve(alias).id == target
    assert client.is_model_available(alias) is True
    assert client.is_model_available(a_model("retired")) is False
    assert client.is_model_available("claude-nope") is False
    with pytest.raises(errors.ModelUnavailableError, match="retired"):
        client.require_model(an_alias("retired")[0])
    retired = [m.id for m in server.catalog if m.lifecycle is Lifecycle.retired]
    assert [m.id for m in client.find_models(lifecycle="retired")] == retired
    latest = client.latest("haiku")
    assert latest is not None and latest.id == newest_of_line("haiku")


def test_server_errors_reach_the_client_typed(server: RunningServer) -> None:
    """A wrong key is AuthenticationError with the server's request id; no key leaks."""
    with ModelsClient(api_key="sk-wrong-key", base_url=server.url) as wrong:
        with pytest.raises(errors.AuthenticationError) as info:
            wrong.list_models()
    assert info.value.request_id and info.value.request_id.startswith("req_")
    assert info.value.error_type == "authentication_error"
    assert "sk-wrong-key" not in str(info.value)


def test_both_auth_schemes_work(server: RunningServer) -> None:
    """The key works as x-api-key and as a Bearer token."""
    with ModelsClient(auth_token=KEY, base_url=server.url) as bearer:
        assert len(bearer.list_models(limit=1)) == 1


def test_sixteen_threads_share_one_client(server: RunningServer, client: ModelsClient) -> None:
    """One client walked by 16 threads at once: every thread sees the whole catalogue."""
    ids = catalogue_ids(server)
    results: list[list[str]] = []
    failures: list[BaseException] = []
    barrier = threading.Barrier(16)

    def walk() -> None:
        try:
            barrier.wait()
            results.append([m.id for m in client.iter_models(limit=3)])
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=walk) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert failures == []
    assert results == [ids] * 16


def test_validate_true_checks_every_response(server: RunningServer) -> None:
    """With validate=True a whole walk and a retrieve pass the spec's checks."""
    pytest.importorskip("openapi_core")
    with ModelsClient(api_key=KEY, base_url=server.url, validate=True) as strict:
        walked = list(strict.iter_models(limit=3, lifecycle=list(Lifecycle)))
        assert len(walked) == len(server.catalog)
        alias, target = an_alias("active", "deprecated")
        assert strict.retrieve(alias) == CATALOG.get(target)


def test_validate_true_without_the_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without openapi-core, validate=True raises MissingDependencyError naming the extra."""
    from anthropic_models import _validation

    monkeypatch.setitem(sys.modules, "openapi_core", None)
    _validation.spec_validator.cache_clear()
    try:
        with pytest.raises(errors.MissingDependencyError, match=r"anthropic-models\[validation\]"):
            ModelsClient(api_key=KEY, validate=True)
    finally:
        _validation.spec_validator.cache_clear()


def test_validate_true_checks_requests_before_sending(
    server: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With validate=True, a request the spec refuses (no credentials) is not sent."""
    pytest.importorskip("openapi_core")
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_AUTH_TOKEN", raising=False)
    with ModelsClient(base_url=server.url, validate=True) as anonymous:
        with pytest.raises(errors.InvalidArgumentError, match="breaks the spec"):
            anonymous.list_models()


def test_the_async_client_against_the_server(server: RunningServer) -> None:
    """AsyncModelsClient under asyncio: walks, retrieve, availability and errors, concurrently."""
    import asyncio

    from anthropic_models import AsyncModelsClient

    async def main() -> None:
        async with AsyncModelsClient(api_key=KEY, base_url=server.url) as client:
            walks: list[Any] = await asyncio.gather(
                *(client.find_models() for _ in range(4)),
                *(client.list_models(limit=3, lifecycle="retired") for _ in range(4)),
            )
            ids = catalogue_ids(server)
            assert all([m.id for m in walk] == ids for walk in walks[:4])
            assert all(m.lifecycle is Lifecycle.retired for page in walks[4:] for m in page)
            assert [m.id async for m in client.iter_models(limit=7)] == ids
            alias, target = an_alias("deprecated")
            assert (await client.retrieve(alias)).id == target
            assert await client.is_model_available(a_model("retired")) is False
            with pytest.raises(errors.NotFoundError):
                await client.retrieve("claude-nope")

    asyncio.run(main())
