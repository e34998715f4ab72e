"""The client's retries and timeouts against a scripted loopback server (real urllib3, real sockets)."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest

from anthropic_models import ModelsClient, _retry, errors
from tests.scripted_server import Drip, Reply, Reset, Stall, scripted_server

pytestmark = pytest.mark.integration

KEY = "sk-ant-faults-key"


def listing(ids: list[str], has_more: bool = False) -> bytes:
    """A list response body."""
    data = [
        {
            "id": i,
            "type": "model",
            "created_at": "2025-01-01T00:00:00Z",
            "display_name": i,
            "lifecycle": "active",
        }
        for i in ids
    ]
    return json.dumps(
        {
            "data": data,
            "first_id": ids[0] if ids else None,
            "last_id": ids[-1] if ids else None,
            "has_more": has_more,
        }
    ).encode()


def error_body(kind: str) -> bytes:
    """An error body in the spec's shape."""
    return json.dumps({"type": "error", "error": {"type": kind, "message": kind}}).encode()


OK = Reply(200, listing(["a", "b"]), {"request-id": "req_ok"})


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retry waits, recorded instead of slept."""
    recorded: list[float] = []
    monkeypatch.setattr(_retry, "_sleep", recorded.append)
    return recorded


@pytest.fixture
def make_client() -> Iterator[Any]:
    """Clients bound to a URL, closed after the test."""
    clients: list[ModelsClient] = []

    def make(url: str, **options: Any) -> ModelsClient:
        client = ModelsClient(api_key=KEY, base_url=url, **options)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504, 529])
def test_transient_statuses_are_retried_then_succeed(
    status: int, waits: list[float], make_client: Any
) -> None:
    """One transient error, then success: two requests, one backoff wait of about 0.5 s."""
    with scripted_server(Reply(status, error_body("x")), OK) as server:
        page = make_client(server.url).list_models()
    assert [m.id for m in page] == ["a", "b"]
    assert len(server.received) == 2
    assert len(waits) == 1 and 0.375 <= waits[0] <= 0.5


def test_retry_after_ms_is_honoured(waits: list[float], make_client: Any) -> None:
    """The wait before a retry is what retry-after-ms says."""
    with scripted_server(
        Reply(429, error_body("rate_limit_error"), {"retry-after-ms": "1200"}), OK
    ) as server:
        make_client(server.url).list_models()
    assert waits == [1.2]


def test_retry_after_seconds_is_honoured(waits: list[float], make_client: Any) -> None:
    """retry-after in seconds is honoured too."""
    with scripted_server(
        Reply(529, error_body("overloaded_error"), {"retry-after": "3"}), OK
    ) as server:
        make_client(server.url).list_models()
    assert waits == [3.0]


def test_x_should_retry_false_stops_at_once(waits: list[float], make_client: Any) -> None:
    """A 503 marked x-should-retry: false is final after one request."""
    with (
        scripted_server(
            Reply(503, error_body("api_error"), {"x-should-retry": "false"}), OK
        ) as server,
        pytest.raises(errors.InternalServerError),
    ):
        make_client(server.url).list_models()
    assert len(server.received) == 1 and waits == []


def test_x_should_retry_true_retries_a_client_error(waits: list[float], make_client: Any) -> None:
    """A 400 marked x-should-retry: true is retried."""
    with scripted_server(
        Reply(400, error_body("invalid_request_error"), {"x-should-retry": "true"}), OK
    ) as server:
        make_client(server.url).list_models()
    assert len(server.received) == 2


def test_retries_run_out(waits: list[float], make_client: Any) -> None:
    """max_retries=2: three 529s give OverloadedError after three requests and two waits."""
    with (
        scripted_server(
            Reply(529, error_body("overloaded_error"), {"request-id": "req_last"})
        ) as server,
        pytest.raises(errors.OverloadedError) as info,
    ):
        make_client(server.url).list_models()
    assert len(server.received) == 3
    assert info.value.request_id == "req_last"
    assert len(waits) == 2 and 0.75 <= waits[1] <= 1.0


def test_max_retries_zero_sends_once(waits: list[float], make_client: Any) -> None:
    """max_retries=0 disables retries."""
    with scripted_server(Reply(503, error_body("api_error"))) as server:
        with pytest.raises(errors.InternalServerError):
            make_client(server.url, max_retries=0).list_models()
    assert len(server.received) == 1 and waits == []


def test_not_found_is_not_retried(waits: list[float], make_client: Any) -> None:
    """A 404 is final: one request."""
    with scripted_server(Reply(404, error_body("not_found_error"))) as server:
        assert make_client(server.url).is_model_available("nope") is False
    assert len(server.received) == 1


def test_connection_refused_is_a_connection_error_after_retries(
    waits: list[float], make_client: Any
) -> None:
    """Nobody listening: APIConnectionError once the retries are spent."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(errors.APIConnectionError) as info:
        make_client(f"http://127.0.0.1:{port}").list_models()
    assert not isinstance(info.value, errors.APITimeoutError)
    assert len(waits) == 2


def test_reset_before_the_answer_is_retried(waits: list[float], make_client: Any) -> None:
    """A connection reset before any response is retried."""
    with scripted_server(Reset(), OK) as server:
        assert len(make_client(server.url).list_models()) == 2
    assert len(server.received) == 2


def test_reset_in_the_middle_of_the_body_is_retried(waits: list[float], make_client: Any) -> None:
    """A body cut short by a reset is retried within the same budget."""
    body = listing(["a", "b"])
    with scripted_server(Reset(body, sent=10), OK) as server:
        assert len(make_client(server.url).list_models()) == 2
    assert len(server.received) == 2 and len(waits) == 1


def test_mid_body_resets_use_up_the_budget(waits: list[float], make_client: Any) -> None:
    """Resets mid-body every time: APIConnectionError after max_retries + 1 requests."""
    with scripted_server(Reset(listing(["a"]), sent=5)) as server:
        with pytest.raises(errors.APIConnectionError):
            make_client(server.url, max_retries=1).list_models()
    assert len(server.received) == 2


def test_a_stalled_server_times_out_in_bounded_time(make_client: Any) -> None:
    """A server that never answers gives APITimeoutError within about the read timeout."""
    with scripted_server(Stall()) as server:
        started = time.monotonic()
        with pytest.raises(errors.APITimeoutError):
            make_client(server.url, timeout=0.3, max_retries=0).list_models()
        assert time.monotonic() - started < 2


def test_a_slow_drip_body_times_out_in_bounded_time(make_client: Any) -> None:
    """A body arriving a byte at a time stops after the read timeout, not after the body."""
    with scripted_server(Drip(listing(["a"] * 50), interval=0.05)) as server:
        started = time.monotonic()
        with pytest.raises(errors.APITimeoutError):
            make_client(server.url, timeout=0.3, max_retries=0).list_models()
        assert time.monotonic() - started < 2


def test_truncated_json_is_a_validation_error(make_client: Any) -> None:
    """A complete HTTP answer holding cut-off JSON is ResponseValidationError."""
    with scripted_server(Reply(200, listing(["a"])[:-7])) as server:
        with pytest.raises(errors.ResponseValidationError, match="not JSON"):
            make_client(server.url).list_models()


def test_a_walk_that_recovers_loses_and_repeats_nothing(
    waits: list[float], make_client: Any
) -> None:
    """Faults between pages are retried; the walk yields every model once, in order."""
    with scripted_server(
        Reply(200, listing(["a", "b"], has_more=True)),
        Reply(503, error_body("api_error")),
        Reset(listing(["c", "d"], has_more=True), sent=3),
        Reply(200, listing(["c", "d"], has_more=True)),
        Reply(200, listing(["e"])),
    ) as server:
        ids = [m.id for m in make_client(server.url).iter_models(limit=2)]
        paths = [r.path for r in server.received]
    assert ids == ["a", "b", "c", "d", "e"]
    assert paths[1:4] == ["/v1/models?after_id=b&limit=2"] * 3


def test_a_redirect_to_another_host_is_not_followed(make_client: Any) -> None:
    """A 307 to another host is an APIConnectionError; the key is sent nowhere else."""
    with scripted_server(Reply(307, b"", {"location": "http://127.0.0.2:9/v1/models"})) as server:
        with pytest.raises(errors.APIConnectionError, match=r"redirect to http://127\.0\.0\.2:9"):
            make_client(server.url).list_models()
    assert len(server.received) == 1


def test_a_fifty_megabyte_body_is_refused_in_bounded_memory(make_client: Any) -> None:
    """A 50 MB answer stops at max_body_bytes (32 MiB by default) with a typed error."""
    body = b'{"data": [' + b" " * (50 * 1024 * 1024) + b"]}"
    with scripted_server(Reply(200, body)) as server:
        started = time.monotonic()
        with pytest.raises(errors.APIConnectionError, match="larger than"):
            make_client(server.url).list_models()
        assert time.monotonic() - started < 10
