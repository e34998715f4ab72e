"""The reference server on a real socket under hostile requests and a bounded load.

Every hostile request gets a 4xx with the spec's error body and a request-id, quickly: never a 5xx,
a traceback, or a hang. The load test holds 16 concurrent clients for a fixed number of requests
and checks every page against the catalogue.
"""

from __future__ import annotations

import json
import random
import socket
import threading
import time
from collections.abc import Iterator
from http.client import HTTPResponse

import pytest
import urllib3

from anthropic_models.server import Catalogue, RunningServer, serve_in_thread

pytestmark = pytest.mark.integration

KEY = "sk-ant-hostile-key"
AUTH = f"x-api-key: {KEY}\r\n"
LOAD_CLIENTS = 16
LOAD_REQUESTS_EACH = 60


@pytest.fixture(scope="module")
def server() -> Iterator[RunningServer]:
    """The reference server with a 500-model synthetic catalogue and a key."""
    with serve_in_thread(Catalogue.synthetic(500), api_key=KEY) as running:
        yield running


def exchange(
    server: RunningServer, head: bytes, timeout: float = 5.0
) -> tuple[int, dict[str, str], bytes]:
    """Send raw request bytes; return the status, headers and body of the answer."""
    host, port = server.url.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(head)
        response = HTTPResponse(sock)
        response.begin()
        body = response.read()
        headers = {name.lower(): value for name, value in response.getheaders()}
        response.close()
    return response.status, headers, body


def request(target: bytes, *, method: bytes = b"GET", headers: bytes = AUTH.encode()) -> bytes:
    """A raw HTTP/1.1 request that closes the connection after the answer."""
    return (
        method
        + b" "
        + target
        + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + headers
        + b"\r\n"
    )


HOSTILE = {
    "100 KB query string": request(b"/v1/models?after_id=" + b"A" * 100_000),
    "100 KB unknown cursor under the line limit": request(b"/v1/models?before_id=" + b"B" * 60_000),
    "NUL byte, percent-encoded, in a cursor": request(b"/v1/models?after_id=a%00b"),
    "NUL byte, percent-encoded, in a model id": request(b"/v1/models/a%00b"),
    "raw NUL byte in the request line": request(b"/v1/models/a\x00b"),
    "invalid UTF-8 in a cursor": request(b"/v1/models?after_id=%FF%FE%FD"),
    "invalid UTF-8 in a model id": request(b"/v1/models/%C3%28"),
    "broken percent-encoding": request(b"/v1/models?limit=%ZZ"),
    "path traversal in a model id, encoded": request(b"/v1/models/..%2F..%2Fetc%2Fpasswd"),
    "path traversal, raw": request(b"/v1/models/../../etc/passwd"),
    "dot segment model id": request(b"/v1/models/%2E%2E"),
    "duplicated limit": request(b"/v1/models?limit=1&limit=2"),
    "duplicated cursor": request(b"/v1/models?after_id=x&after_id=y"),
    "huge limit": request(b"/v1/models?limit=" + b"9" * 5000),
    "negative limit": request(b"/v1/models?limit=-1"),
    "float limit": request(b"/v1/models?limit=1.5"),
    "empty limit": request(b"/v1/models?limit="),
    "both cursors": request(b"/v1/models?after_id=a&before_id=b"),
    "POST": request(b"/v1/models", method=b"POST"),
    "DELETE a model": request(b"/v1/models/claude-x", method=b"DELETE"),
    "PUT": request(b"/v1/models", method=b"PUT"),
    "OPTIONS": request(b"/v1/models", method=b"OPTIONS"),
    "made-up method": request(b"/v1/models", method=b"FROB"),
    "no auth": request(b"/v1/models", headers=b""),
    "empty x-api-key": request(b"/v1/models", headers=b"x-api-key: \r\n"),
    "bearer without token": request(b"/v1/models", headers=b"Authorization: Bearer\r\n"),
    "basic auth": request(b"/v1/models", headers=b"Authorization: Basic dXNlcjpwYXNz\r\n"),
    "wrong key": request(b"/v1/models", headers=b"x-api-key: sk-wrong\r\n"),
    "key of invalid bytes": request(b"/v1/models", headers=b"x-api-key: \xff\xfe\r\n"),
    "two different keys": request(
        b"/v1/models", headers=AUTH.encode() + b"Authorization: Bearer other\r\n"
    ),
    "a 70 KB header": request(
        b"/v1/models", headers=AUTH.encode() + b"x-junk: " + b"j" * 70_000 + b"\r\n"
    ),
    "200 headers": request(
        b"/v1/models", headers=AUTH.encode() + b"".join(b"x-h%d: v\r\n" % i for i in range(200))
    ),
    "unknown path": request(b"/v2/models"),
    "root": request(b"/"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_requests_get_a_4xx_error_body(server: RunningServer, name: str) -> None:
    """Each hostile request is answered quickly with a 4xx, the error shape and a request-id."""
    started = time.monotonic()
    status, headers, body = exchange(server, HOSTILE[name])
    assert time.monotonic() - started < 5
    assert 400 <= status < 500, (status, body[:200])
    if status != 405 or not name.startswith("HEAD"):
        error = json.loads(body)
        assert error["type"] == "error"
        assert isinstance(error["error"]["type"], str) and isinstance(
            error["error"]["message"], str
        )
    assert headers["request-id"].startswith("req_")
    assert KEY.encode() not in body


def test_a_client_that_sends_half_a_request_does_not_block_others(server: RunningServer) -> None:
    """A connection left half-open does not stop the server from answering the next client."""
    host, port = server.url.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=5) as stalled:
        stalled.sendall(b"GET /v1/models HTTP/1.1\r\nHost: x\r\n")
        status, _, _ = exchange(server, request(b"/v1/models?limit=1"))
    assert status == 200


def test_bounded_load_sixteen_clients_every_page_correct(server: RunningServer) -> None:
    """16 concurrent clients, 60 random pages each: no error, every page exactly as the catalogue says."""
    catalog = server.catalog
    failures: list[str] = []
    done = [0]
    lock = threading.Lock()

    def client(seed: int) -> None:
        rng = random.Random(seed)
        with urllib3.PoolManager(maxsize=1, retries=False, timeout=10.0) as pool:
            for _ in range(LOAD_REQUESTS_EACH):
                limit = rng.randint(1, 50)
                cursor = rng.choice(catalog.ids)
                direction = rng.choice(["after_id", "before_id"])
                response = pool.request(
                    "GET",
                    f"{server.url}/v1/models?{direction}={cursor}&limit={limit}",
                    headers={"x-api-key": KEY},
                )
                expected = catalog.page_json(limit=limit, **{direction: cursor})
                if response.status != 200 or json.loads(response.data) != json.loads(expected):
                    with lock:
                        failures.append(f"{direction}={cursor} limit={limit}: {response.status}")
                with lock:
                    done[0] += 1

    threads = [threading.Thread(target=client, args=(seed,)) for seed in range(LOAD_CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert failures == []
    assert done[0] == LOAD_CLIENTS * LOAD_REQUESTS_EACH
