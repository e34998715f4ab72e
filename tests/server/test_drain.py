"""Stopping the reference server: requests in flight are answered (within a bound), idle ones end.

In process through :meth:`RunningServer.stop`, and as a process on SIGTERM and SIGINT.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
import time
from typing import Any, Optional

import pytest
import urllib3

from anthropic_models.server import serve_in_thread
from anthropic_models.server.runner import RunningServer
from tests.catalogue_facts import a_model

pytestmark = pytest.mark.integration

KEY = "sk-ant-drain-key"


class Slow(threading.Thread):
    """A GET that the server answers after ``delay_ms``, run in a thread; its outcome is kept."""

    def __init__(self, url: str, delay_ms: int) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.delay_ms = delay_ms
        self.status: Optional[int] = None
        self.body: Any = None
        self.error: Optional[BaseException] = None

    def run(self) -> None:
        headers = {"x-api-key": KEY, "x-mock-delay-ms": str(self.delay_ms)}
        try:
            with urllib3.PoolManager(retries=False, timeout=30) as pool:
                response = pool.request("GET", self.url + "/v1/models?limit=2", headers=headers)
            self.status, self.body = response.status, json.loads(response.data)
        except BaseException as exc:  # reported by the test
            self.error = exc


def wait_until_in_flight(server: RunningServer, count: int = 1) -> None:
    """Block until ``count`` requests have arrived at the server."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with server._server._changed:
            busy = sum(server._server._connections.values())
        if busy >= count:
            return
        time.sleep(0.01)
    raise AssertionError("the request never arrived")


def test_stop_answers_a_request_in_flight() -> None:
    """A request still being answered when stop() is called gets its whole 200 answer."""
    server = serve_in_thread(api_key=KEY, faults=True)
    slow = Slow(server.url, 600)
    slow.start()
    wait_until_in_flight(server)
    started = time.monotonic()
    assert server.stop(drain_seconds=10) == 0
    slow.join(10)
    assert slow.error is None
    assert slow.status == 200 and len(slow.body["data"]) == 2
    assert time.monotonic() - started < 5


def test_stop_cuts_requests_still_running_after_the_bound() -> None:
    """A request longer than the drain bound is cut once the bound has passed, not waited for."""
    server = serve_in_thread(api_key=KEY, faults=True)
    slow = Slow(server.url, 20_000)
    slow.start()
    wait_until_in_flight(server)
    started = time.monotonic()
    assert server.stop(drain_seconds=0.3) == 1
    assert 0.3 <= time.monotonic() - started < 3
    slow.join(10)
    assert slow.status is None and slow.error is not None


def test_new_connections_are_refused_while_draining() -> None:
    """Once stopping has begun the port accepts nothing new, even while a request drains."""
    server = serve_in_thread(api_key=KEY, faults=True)
    slow = Slow(server.url, 800)
    slow.start()
    wait_until_in_flight(server)
    stopper = threading.Thread(target=server.stop, kwargs={"drain_seconds": 10})
    stopper.start()
    try:
        deadline = time.monotonic() + 5
        while server.listening_socket.fileno() != -1 and time.monotonic() < deadline:
            time.sleep(0.01)
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((server.host, server.port), timeout=2).close()
    finally:
        stopper.join(15)
        slow.join(10)
    assert slow.status == 200


def test_idle_connections_do_not_hold_the_stop() -> None:
    """A connection that sent nothing is closed at once: stop() does not wait for it."""
    server = serve_in_thread(api_key=KEY)
    idle = socket.create_connection((server.host, server.port), timeout=5)
    try:
        time.sleep(0.1)  # accepted by the server, waiting for a request line
        started = time.monotonic()
        assert server.stop(drain_seconds=10) == 0
        assert time.monotonic() - started < 2
        assert idle.recv(1) == b""  # closed by the server
    finally:
        idle.close()


def test_a_request_sent_just_before_stopping_is_answered() -> None:
    """A whole request sitting unread on a connection when stop() begins still gets its answer."""
    server = serve_in_thread(api_key=KEY)
    with socket.create_connection((server.host, server.port), timeout=5) as sock:
        sock.sendall(
            f"GET /v1/models/{a_model('active')} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            f"x-api-key: {KEY}\r\n\r\n".encode()
        )
        assert server.stop(drain_seconds=10) == 0
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith((b"HTTP/1.0 200", b"HTTP/1.1 200"))


def start(*args: str) -> subprocess.Popen[str]:
    """The server command with these options, its output piped."""
    return subprocess.Popen(
        [sys.executable, "-m", "anthropic_models.server", "--api-key", KEY, "--faults", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_drains_requests_in_flight_before_exiting(signum: int) -> None:
    """SIGTERM (or SIGINT) during a request: the request gets its 200, then the process exits 0."""
    with start("--port", "0") as process:
        try:
            assert process.stdout is not None
            url = process.stdout.readline().split()[-1]
            slow = Slow(url, 1500)
            slow.start()
            time.sleep(0.5)  # the request has arrived and waits on its delay
            process.send_signal(signum)
            slow.join(20)
            _out, err = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert slow.error is None, slow.error
    assert slow.status == 200
    assert process.returncode == 0, err
    assert "Traceback" not in err


def test_the_drain_is_bounded_by_the_drain_option() -> None:
    """With --drain 0.5 a request of 60 s is cut and the process exits 0 soon after SIGTERM."""
    with start("--port", "0", "--drain", "0.5") as process:
        try:
            assert process.stdout is not None
            url = process.stdout.readline().split()[-1]
            slow = Slow(url, 60_000)
            slow.start()
            time.sleep(0.5)
            started = time.monotonic()
            process.send_signal(signal.SIGTERM)
            _out, err = process.communicate(timeout=20)
            elapsed = time.monotonic() - started
            slow.join(10)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert process.returncode == 0, err
    assert elapsed < 5
    assert slow.status is None
    assert "1 request(s) still in flight" in err
    assert "Traceback" not in err and KEY not in err


def test_a_second_signal_ends_the_drain_at_once() -> None:
    """SIGTERM starts a 30 s drain; a second signal (SIGINT, a second Ctrl-C) ends it now, status 0."""
    with start("--port", "0", "--drain", "30") as process:
        try:
            assert process.stdout is not None
            url = process.stdout.readline().split()[-1]
            slow = Slow(url, 60_000)
            slow.start()
            time.sleep(0.5)
            started = time.monotonic()
            process.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            process.send_signal(signal.SIGINT)
            _, err = process.communicate(timeout=20)
            elapsed = time.monotonic() - started
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert process.returncode == 0, err
    assert elapsed < 5
    assert "Traceback" not in err
