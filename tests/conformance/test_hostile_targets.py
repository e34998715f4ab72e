"""The kit against hostile targets: dripped headers and bodies, deep JSON, echoed secrets, huge bodies.

Each target runs on 127.0.0.1 in-process and always stops; each run is bounded in time by the kit's
own deadlines (the bound asserted here is generous: it catches a run that hangs, not a slow one).
"""

from __future__ import annotations

import json
import socket
import time

import pytest

from anthropic_models.conformance import run_conformance
from anthropic_models.conformance.target import MAX_BODY_BYTES
from tests.conformance.hostile import HostileTarget, answer, head
from tests.conformance.independent import IndependentApp, make_models
from tests.server.wsgi import call

pytestmark = pytest.mark.integration

KEY = "sk-ant-hostile-" + "h" * 24
APP = IndependentApp(make_models(6), api_key=KEY)
BOUND = 20.0
"""Seconds a whole run may take against any of these targets (its deadlines are far smaller)."""


def proper(connection: socket.socket, path: str, headers: dict[str, str]) -> None:
    """Answer as the independent implementation does."""
    got = call(APP, path, key=None, headers=headers)
    answer(connection, got.status, got.body, **{"request-id": "req_1"})


def test_headers_dripped_a_byte_at_a_time_end_in_the_request_deadline() -> None:
    """A status line and headers dripped forever end each request at its deadline, not never."""

    def script(target: HostileTarget, conn: socket.socket, path: str, h: dict[str, str]) -> None:
        target.drip(conn, b"HTTP/1.1 200 OK\r\nx-slow: " + b"a" * 10_000, 0.05)

    started = time.monotonic()
    with HostileTarget(script) as target:
        report = run_conformance(target.url, api_key=KEY, timeout=1, request_deadline=0.5)
    assert time.monotonic() - started < BOUND
    assert report.exit_code == 2
    assert "deadline" in (report.untestable or ""), report.untestable


def test_a_body_dripped_on_every_retrieve_ends_within_the_run_deadline() -> None:
    """Retrieves whose bodies drip a byte at a time fail at the request deadline; the run ends
    at its own deadline with the checks left marked as not run."""

    def script(target: HostileTarget, conn: socket.socket, path: str, h: dict[str, str]) -> None:
        if path.startswith("/v1/models/"):
            conn.sendall(head(200, {}, 5000))
            target.drip(conn, b"{" * 5000, 0.05)
        else:
            proper(conn, path, h)

    started = time.monotonic()
    with HostileTarget(script) as target:
        report = run_conformance(
            target.url, api_key=KEY, timeout=1, request_deadline=0.4, run_deadline=3
        )
    assert time.monotonic() - started < BOUND
    assert report.exit_code == 1, report.to_text()
    assert any("deadline" in r.reason for r in report.failures), report.to_text()
    assert report.stopped is not None and "run deadline" in report.stopped


def test_deeply_nested_json_is_a_finding_not_a_traceback() -> None:
    """A list page nested 100,000 deep gives a report with a documented exit status (no crash)."""
    deep = b'{"data":[],"has_more":false,"first_id":null,"last_id":null,"x":'
    deep += b"[" * 100_000 + b"]" * 100_000 + b"}"

    def script(target: HostileTarget, conn: socket.socket, path: str, h: dict[str, str]) -> None:
        if path.startswith("/v1/models?") or path == "/v1/models":
            answer(conn, 200, deep)
        else:
            proper(conn, path, h)

    with HostileTarget(script) as target:
        report = run_conformance(target.url, api_key=KEY, timeout=2)
    assert report.exit_code in (0, 1, 2, 3)
    text = report.to_text()
    assert "nested" in text, text
    json.loads(report.to_json())


def test_a_secret_header_value_echoed_back_is_masked_in_every_report() -> None:
    """A short secret header value echoed in a header and a body field never reaches a report."""
    secret = "hunter"

    def script(target: HostileTarget, conn: socket.socket, path: str, h: dict[str, str]) -> None:
        got = call(APP, path, key=None, headers=h)
        body = got.body
        if got.status == 200 and body.startswith(b'{"data"'):
            body = b'{"echo":' + json.dumps(h.get("x-gateway-password")).encode() + b"," + body[1:]
        answer(conn, got.status, body, **{"x-echo": h.get("x-gateway-password", "")})

    proxy = "Basic dXNlcjpodW50ZXI="
    with HostileTarget(script) as target:
        report = run_conformance(
            target.url,
            api_key=KEY,
            timeout=2,
            headers={"X-Gateway-Password": secret, "Proxy-Authorization": proxy},
        )
    assert report.drift, report.to_text()
    for text in (report.to_text(), report.to_json(), report.to_junit_xml()):
        assert secret not in text
        assert "dXNlcjpodW50ZXI=" not in text


def test_a_body_over_the_cap_says_so_rather_than_unreachable() -> None:
    """A first page larger than the kit's body cap is reported as too large, naming the cap."""

    def script(target: HostileTarget, conn: socket.socket, path: str, h: dict[str, str]) -> None:
        size = MAX_BODY_BYTES + 1024
        conn.sendall(head(200, {}, size))
        chunk = b" " * 65536
        sent = 0
        while sent < size and not target.stopping.is_set():
            conn.sendall(chunk[: size - sent])
            sent += len(chunk)

    with HostileTarget(script) as target:
        report = run_conformance(target.url, api_key=KEY, timeout=2)
    assert report.exit_code == 2
    reason = report.untestable or ""
    assert "unreachable" not in reason
    assert "MiB cap" in reason and str(MAX_BODY_BYTES // (1024 * 1024)) in reason, reason
