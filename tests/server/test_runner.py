"""The reference server on 127.0.0.1: start, serve concurrently, shut down cleanly, odd HTTP."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from typing import Any, Optional

import pytest
import urllib3

from anthropic_models.server import Catalogue, ModelsApp, serve_in_thread
from anthropic_models.server.runner import RunningServer

pytestmark = pytest.mark.integration

KEY = "sk-ant-runner-key"


def get(
    pool: urllib3.HTTPConnectionPool, path: str, headers: Optional[dict[str, str]] = None
) -> tuple[int, dict[str, str], Any]:
    """GET path with the key; status, headers and parsed JSON body."""
    response = pool.request("GET", path, headers={"x-api-key": KEY, **(headers or {})})
    return response.status, dict(response.headers), json.loads(response.data)


def walk(server: RunningServer, limit: int) -> tuple[list[str], list[str]]:
    """Walk the whole catalogue forward over a fresh pool; the ids and the request ids seen."""
    ids: list[str] = []
    request_ids: list[str] = []
    pool = urllib3.HTTPConnectionPool(server.host, server.port, maxsize=1, retries=False)
    try:
        cursor = ""
        while True:
            status, headers, body = get(pool, f"/v1/models?limit={limit}{cursor}")
            assert status == 200, body
            request_ids.append(headers["request-id"])
            ids += [m["id"] for m in body["data"]]
            if not body["has_more"]:
                return ids, request_ids
            cursor = f"&after_id={body['last_id']}"
    finally:
        pool.close()


def test_serve_in_thread_listens_on_a_free_port_and_answers() -> None:
    """Port 0 picks a free loopback port; the URL, catalogue and key are those served."""
    with serve_in_thread(api_key=KEY) as server:
        assert server.url == f"http://127.0.0.1:{server.port}"
        assert server.port > 0
        assert str(server) == server.url
        assert server.api_key == KEY
        assert server.catalog.ids == Catalogue.builtin().ids
        assert server.running
        ids, _ = walk(server, 7)
        assert ids == list(server.catalog.view_ids())


def test_stop_closes_the_socket_and_ends_the_thread() -> None:
    """After the with block the listening socket is closed, the thread gone, the port refuses."""
    with serve_in_thread(api_key=KEY) as server:
        port = server.port
        sock = server.listening_socket
    assert sock.fileno() == -1
    assert not server.running
    assert "stopped" in repr(server)
    server.stop()  # twice is harmless
    with (
        pytest.raises(ConnectionRefusedError),
        socket.create_connection(("127.0.0.1", port), timeout=2),
    ):
        pass


def test_the_server_stops_when_the_block_raises() -> None:
    """An exception inside the with block still stops the server."""
    with pytest.raises(RuntimeError, match="inside"), serve_in_thread() as server:
        raise RuntimeError("inside")
    assert not server.running


def test_options_go_to_a_new_app_but_not_to_a_given_one() -> None:
    """serve_in_thread(catalog, **options) builds an app; a ModelsApp with options is a TypeError."""
    catalog = Catalogue.synthetic(5)
    with serve_in_thread(catalog, api_key=KEY) as server:
        assert server.catalog is catalog
        assert server.app.api_key == KEY
    app = ModelsApp(catalog)
    with serve_in_thread(app) as server:
        assert server.app is app
    with pytest.raises(TypeError, match="api_key"):
        serve_in_thread(app, api_key=KEY)


def test_sixteen_threads_walking_at_once_all_get_the_whole_catalogue() -> None:
    """Concurrent walks over separate connections each see every model once, in order."""
    results: list[tuple[list[str], list[str]]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    with serve_in_thread(Catalogue.synthetic(60), api_key=KEY) as server:
        start = threading.Barrier(16)

        def worker(limit: int) -> None:
            try:
                start.wait(timeout=10)
                outcome = walk(server, limit)
            except BaseException as exc:  # reported below, in the test's thread
                with lock:
                    errors.append(exc)
            else:
                with lock:
                    results.append(outcome)

        threads = [threading.Thread(target=worker, args=(n % 7 + 3,)) for n in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        expected = list(server.catalog.view_ids())
    assert errors == []
    assert len(results) == 16
    assert all(ids == expected for ids, _ in results)
    request_ids = [rid for _, rids in results for rid in rids]
    assert len(set(request_ids)) == len(request_ids)


def _raw_exchange(server: RunningServer, data: bytes) -> bytes:
    with socket.create_connection((server.host, server.port), timeout=5) as sock:
        sock.sendall(data)
        chunks: list[bytes] = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /v1/models HTTP/one\r\n\r\n", 400),
        (b"GET /v1/models HTTP/1.1 extra\r\n\r\n", 400),
        (b"GET /v1/models HTTP/1.1\r\nx-long: " + b"a" * 70_000 + b"\r\n\r\n", 431),
        (b"GET /v1/models HTTP/9.9\r\n\r\n", 505),
        (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414),
    ],
)
def test_requests_the_http_layer_refuses_get_the_spec_error_body(
    request_bytes: bytes, status: int
) -> None:
    """Malformed HTTP is answered by the server itself, still as JSON with a request-id."""
    with serve_in_thread(api_key=KEY) as server:
        answer = _raw_exchange(server, request_bytes)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ")[1] == str(status).encode()
    assert b"\r\nrequest-id: req_" in head
    assert b"\r\ncontent-type: application/json" in head
    assert json.loads(body)["type"] == "error"
    header_id = head.split(b"\r\nrequest-id: ", 1)[1].split(b"\r\n", 1)[0].decode()
    assert json.loads(body)["request_id"] == header_id


def test_a_raw_percent_2f_stays_inside_the_model_id() -> None:
    """The runner hands the raw target to the app, so %2F is part of an id, not a separator."""
    catalog = Catalogue(
        [
            {
                "id": "org/m",
                "type": "model",
                "created_at": "2025-01-01T00:00:00Z",
                "display_name": "M",
                "lifecycle": "active",
            }
        ]
    )
    with serve_in_thread(catalog, api_key=KEY) as server:
        pool = urllib3.HTTPConnectionPool(server.host, server.port, retries=False)
        try:
            status, _, body = get(pool, "/v1/models/org%2Fm")
            assert (status, body["id"]) == (200, "org/m")
            status, _, _ = get(pool, "/v1/models/org/m")
            assert status == 404
        finally:
            pool.close()


def test_the_access_log_shows_request_lines_never_keys(caplog: pytest.LogCaptureFixture) -> None:
    """With access_log the request line is logged at INFO; headers, and so the key, never are."""
    caplog.set_level(logging.INFO, logger="anthropic_models.server")
    with serve_in_thread(api_key=KEY, access_log=True) as server:
        pool = urllib3.HTTPConnectionPool(server.host, server.port, retries=False)
        try:
            get(pool, "/v1/models?limit=1")
            get(pool, "/v1/models?limit=1", headers={"x-api-key": "wrong-key-value"})
        finally:
            pool.close()
        deadline = time.monotonic() + 5
        while len(caplog.records) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
    assert '"GET /v1/models?limit=1 HTTP/1.1" 200' in caplog.text
    assert '"GET /v1/models?limit=1 HTTP/1.1" 401' in caplog.text
    assert KEY not in caplog.text
    assert "wrong-key-value" not in caplog.text


def test_quiet_by_default(caplog: pytest.LogCaptureFixture) -> None:
    """Without access_log no record is emitted for ordinary requests."""
    caplog.set_level(logging.DEBUG, logger="anthropic_models.server.access")
    with serve_in_thread(api_key=KEY) as server:
        walk(server, 20)
    assert [r for r in caplog.records if r.name == "anthropic_models.server.access"] == []


def test_injected_faults_and_delays_over_http() -> None:
    """Through real sockets: a forced 529 with retry-after, then fail-times, then a delay."""
    with serve_in_thread(api_key=KEY, faults=True) as server:
        pool = urllib3.HTTPConnectionPool(server.host, server.port, retries=False)
        try:
            status, headers, body = get(pool, "/v1/models", {"x-mock-status": "529"})
            assert (status, headers["retry-after"], body["error"]["type"]) == (
                529,
                "0",
                "overloaded_error",
            )
            controls = {"x-mock-fail-times": "2", "x-mock-key": "it", "x-mock-status": "503"}
            assert [get(pool, "/v1/models", controls)[0] for _ in range(3)] == [503, 503, 200]
            started = time.monotonic()
            assert get(pool, "/v1/models?limit=1", {"x-mock-delay-ms": "200"})[0] == 200
            assert time.monotonic() - started >= 0.2
        finally:
            pool.close()


def test_a_seeded_fail_rate_over_http() -> None:
    """fail_rate with a seed fails the same requests on two servers."""
    runs = []
    for _ in range(2):
        with serve_in_thread(api_key=KEY, fail_rate=0.5, seed=11) as server:
            pool = urllib3.HTTPConnectionPool(server.host, server.port, retries=False)
            try:
                runs.append([get(pool, "/v1/models?limit=1")[0] for _ in range(30)])
            finally:
                pool.close()
    assert runs[0] == runs[1]
    assert set(runs[0]) > {200}
