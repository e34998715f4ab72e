"""The clients' shared core and its two shells: per-call options, retries, closing, asyncio."""

from __future__ import annotations

import asyncio
import inspect
import json
import threading
import time
from typing import Any

import pytest

from anthropic_models import AsyncModelsClient, ModelsClient, errors
from anthropic_models._retry import _sleep as real_sleep
from anthropic_models_generated import methods
from tests.fakes import FakePool, FakeResponse, Sent

KEY = "sk-ant-core-test-key"
BASE = "https://api.example.test"


def model(model_id: str) -> dict[str, Any]:
    return {
        "id": model_id,
        "type": "model",
        "created_at": "2025-01-01T00:00:00Z",
        "display_name": model_id,
        "lifecycle": "active",
    }


def page(ids: list[str], has_more: bool) -> FakeResponse:
    body = {
        "data": [model(i) for i in ids],
        "first_id": ids[0] if ids else None,
        "last_id": ids[-1] if ids else None,
        "has_more": has_more,
    }
    return FakeResponse(200, json.dumps(body).encode())


def query(sent: Sent) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl, urlsplit

    return parse_qsl(urlsplit(sent.url).query, keep_blank_values=True)


@pytest.fixture(autouse=True)
def _no_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sync shell's waits are recorded, not slept."""
    monkeypatch.setattr("anthropic_models._retry._sleep", lambda seconds: None)
    for name in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def test_extra_query_replaces_the_methods_own_value() -> None:
    """A name in extra_query replaces the method's own parameter, on every page of a walk."""
    pool = FakePool([page(["a"], True), page(["b"], True), page(["c"], False)])
    client = ModelsClient(api_key=KEY, base_url=BASE, pool=pool)
    client.list_models(limit=2, extra_query={"limit": 5})
    assert query(pool.sent[0]) == [("limit", "5")]
    assert [m.id for m in client.iter_models(limit=1, extra_query={"limit": 3})] == ["b", "c"]
    assert query(pool.sent[1]) == [("limit", "3")]
    assert query(pool.sent[2]) == [("after_id", "b"), ("limit", "3")]


def test_a_body_failure_is_not_retried_when_the_headers_said_no() -> None:
    """x-should-retry: false on an answer whose body then fails is one attempt (SDK 2.16+)."""
    cut = FakeResponse(
        200,
        b"{",
        {"content-length": "100", "x-should-retry": "false"},
    )
    pool = FakePool([cut, page([], False)])
    client = ModelsClient(api_key=KEY, base_url=BASE, pool=pool, max_retries=2)
    with pytest.raises(errors.APIConnectionError, match="cut off"):
        client.list_models()
    assert len(pool.sent) == 1
    retried = FakePool([FakeResponse(200, b"{", {"content-length": "100"}), page([], False)])
    ModelsClient(api_key=KEY, base_url=BASE, pool=retried, max_retries=2).list_models()
    assert len(retried.sent) == 2


def test_a_closed_client_refuses_calls() -> None:
    """After close(), a call raises ClientClosedError and sends nothing (the pool is not reopened)."""
    pool = FakePool([page([], False)])
    client = ModelsClient(api_key=KEY, base_url=BASE, pool=pool)
    client.close()
    assert client.closed
    with pytest.raises(errors.ClientClosedError, match="closed"):
        client.retrieve("m")
    with pytest.raises(errors.ClientClosedError):
        list(client.iter_models())
    assert pool.sent == []


@pytest.mark.parametrize("name", ["list_models", "iter_models", "retrieve"])
def test_the_asyncio_methods_have_the_sync_signatures(name: str) -> None:
    """Both clients' typed methods come from the spec: identical parameters, typed, no **kwargs."""
    sync = inspect.signature(getattr(methods.SyncMethods, name))
    asynchronous = inspect.signature(getattr(methods.AsyncMethods, name))
    assert list(sync.parameters.values()) == list(asynchronous.parameters.values())
    assert all(p.kind is not p.VAR_KEYWORD for p in sync.parameters.values())
    assert all(p.annotation is not p.empty for p in sync.parameters.values() if p.name != "self")
    assert getattr(ModelsClient, name) is getattr(methods.SyncMethods, name)
    assert getattr(AsyncModelsClient, name) is getattr(methods.AsyncMethods, name)


def test_asyncio_calls_run_concurrently() -> None:
    """Twenty calls are in flight at once (they meet at a barrier), not queued behind a few threads."""
    barrier = threading.Barrier(20, timeout=10)

    def handler(sent: Sent) -> FakeResponse:
        barrier.wait()
        return FakeResponse(200, json.dumps(model("m")).encode())

    async def main() -> list[str]:
        client = AsyncModelsClient(
            client=ModelsClient(api_key=KEY, base_url=BASE, pool=FakePool(handler=handler))
        )
        async with client:
            found = await asyncio.gather(*(client.retrieve("m") for _ in range(20)))
        return [m.id for m in found]

    assert asyncio.run(main()) == ["m"] * 20


def test_an_asyncio_backoff_is_awaited_and_cancellable(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wait between attempts is an await: cancelling it ends the call at once, no thread held."""
    monkeypatch.setattr("anthropic_models._retry._sleep", real_sleep)
    busy = FakeResponse(503, b"{}", {"retry-after": "30"})
    pool = FakePool(handler=lambda sent: busy)

    async def main() -> tuple[float, int]:
        client = AsyncModelsClient(
            client=ModelsClient(api_key=KEY, base_url=BASE, pool=pool, max_retry_wait=60)
        )
        task = asyncio.ensure_future(client.retrieve("m"))
        while not pool.sent:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)  # now in the 30 s backoff
        started = time.monotonic()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await client.aclose()
        return time.monotonic() - started, threading.active_count()

    elapsed, _threads = asyncio.run(main())
    assert elapsed < 5  # far below the 30 s the server asked for
    assert len(pool.sent) == 1


def test_a_closed_asyncio_client_refuses_calls() -> None:
    """After aclose(), an awaited call raises ClientClosedError."""

    async def main() -> None:
        client = AsyncModelsClient(client=ModelsClient(api_key=KEY, base_url=BASE, pool=FakePool()))
        await client.aclose()
        with pytest.raises(errors.ClientClosedError):
            await client.retrieve("m")

    asyncio.run(main())


@pytest.mark.parametrize("limit", [0, True, "8", 10_001])
def test_a_bad_connection_limit_is_refused(limit: Any) -> None:
    """connection_limit is a whole number from 1 to 10000."""
    with pytest.raises(errors.InvalidArgumentError, match="connection_limit"):
        AsyncModelsClient(api_key=KEY, base_url=BASE, connection_limit=limit)


def test_an_asyncio_client_that_validates_loads_openapi_core_off_the_event_loop() -> None:
    """Making AsyncModelsClient(validate=True) imports no openapi-core: the first call loads it in a worker."""
    import subprocess
    import sys

    pytest.importorskip("openapi_core")
    code = (
        "import sys\n"
        "from anthropic_models import AsyncModelsClient\n"
        "AsyncModelsClient(api_key='k', base_url='http://127.0.0.1:9', validate=True)\n"
        "print('openapi_core' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
