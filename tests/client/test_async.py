"""AsyncModelsClient under asyncio, on the fake pool: surface, errors, concurrency, cancellation."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any

import pytest

from anthropic_models import AsyncModelsClient, ModelsClient, errors
from tests.fakes import FakePool, FakeResponse, Sent

BASE = "https://api.example.test"


def model(model_id: str, lifecycle: str = "active") -> dict[str, Any]:
    """A model as the API sends it."""
    return {
        "id": model_id,
        "type": "model",
        "created_at": "2026-01-01T00:00:00Z",
        "display_name": model_id,
        "lifecycle": lifecycle,
    }


def server(sent: Sent, delay: float = 0.0) -> FakeResponse:
    """Three models, two per page; retrieve knows 'a' and the retired 'old'."""
    time.sleep(delay)
    if "/v1/models/" in sent.url:
        name = sent.url.rsplit("/", 1)[1]
        if name in ("a", "old"):
            lifecycle = "retired" if name == "old" else "active"
            return FakeResponse(200, json.dumps(model(name, lifecycle)).encode(), {})
        error = {"type": "error", "error": {"type": "not_found_error", "message": "no"}}
        return FakeResponse(404, json.dumps(error).encode(), {"request-id": "req_404"})
    after = "after_id=b" in sent.url
    ids = ["c"] if after else ["a", "b"]
    body: dict[str, Any] = {
        "data": [model(i) for i in ids],
        "first_id": ids[0],
        "last_id": ids[-1],
        "has_more": not after,
    }
    return FakeResponse(200, json.dumps(body).encode(), {})


def make(delay: float = 0.0) -> AsyncModelsClient:
    """An async client over the fake server."""
    pool = FakePool(handler=lambda sent: server(sent, delay))
    return AsyncModelsClient(api_key="sk-test", base_url=BASE, pool=pool)


def test_the_surface_mirrors_the_sync_client() -> None:
    """list_models, iter_models, retrieve, availability, find_models and latest, awaited."""

    async def main() -> list[Any]:
        async with make() as client:
            page = await client.list_models(limit=2)
            walked = [m.id async for m in client.iter_models(limit=2)]
            return [
                [m.id for m in page],
                walked,
                (await client.retrieve("a")).id,
                await client.is_model_available("old"),
                await client.is_model_available("nope"),
                [m.id for m in await client.find_models()],
                (await client.latest()).id,  # type: ignore[union-attr]
            ]

    assert asyncio.run(main()) == [
        ["a", "b"],
        ["a", "b", "c"],
        "a",
        False,
        False,
        ["a", "b", "c"],
        "a",
    ]


def test_errors_are_the_sync_clients() -> None:
    """A 404 raises NotFoundError with its request id; bad arguments raise before any await."""

    async def main() -> None:
        client = make()
        with pytest.raises(errors.NotFoundError) as info:
            await client.retrieve("nope")
        assert info.value.request_id == "req_404"
        with pytest.raises(errors.InvalidArgumentError):
            client.iter_models(limit=0)
        with pytest.raises(errors.ModelUnavailableError, match="retired"):
            await client.require_model("old")

    asyncio.run(main())


def test_requests_run_concurrently() -> None:
    """Eight calls of 0.2 s each take far less than 1.6 s together: the loop is not blocked."""

    async def main() -> float:
        client = make(delay=0.2)
        started = time.monotonic()
        results = await asyncio.gather(*(client.retrieve("a") for _ in range(8)))
        assert [m.id for m in results] == ["a"] * 8
        return time.monotonic() - started

    assert asyncio.run(main()) < 1.0


def test_a_cancelled_call_returns_at_once() -> None:
    """Cancelling a task waiting on a slow request raises CancelledError without waiting for it."""
    release = threading.Event()

    def slow(sent: Sent) -> FakeResponse:
        release.wait(5)
        return server(sent)

    client = AsyncModelsClient(api_key="sk-test", base_url=BASE, pool=FakePool(handler=slow))

    async def main() -> float:
        task = asyncio.ensure_future(client.retrieve("a"))
        await asyncio.sleep(0.05)
        started = time.monotonic()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        elapsed = time.monotonic() - started
        release.set()  # the thread's request finishes; its answer is dropped
        return elapsed

    try:
        assert asyncio.run(main()) < 0.5
    finally:
        release.set()


def test_an_existing_client_can_be_shared_and_is_not_closed() -> None:
    """client= wraps a ModelsClient; the async client's aclose leaves it open."""
    sync = ModelsClient(api_key="sk-test", base_url=BASE, pool=FakePool(handler=server))

    async def main() -> None:
        async with AsyncModelsClient(client=sync) as client:
            assert client.sync is sync
        with pytest.raises(errors.InvalidArgumentError, match="not both"):
            AsyncModelsClient(client=sync, api_key="x")

    asyncio.run(main())
    assert sync.retrieve("a").id == "a"
