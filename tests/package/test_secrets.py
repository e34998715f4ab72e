"""A recognisable key must never appear anywhere: reprs, errors, logs, CLI output, server logs."""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import urllib3

from anthropic_models import ModelsClient, errors
from anthropic_models.cli import main
from anthropic_models.server import RunningServer, serve_in_thread
from tests.catalogue_facts import a_model, an_alias
from tests.scripted_server import Reply, Reset, Stall, scripted_server

pytestmark = pytest.mark.integration

SECRET = "sk-ant-SECRET-a1b2c3d4e5f6-DO-NOT-LEAK"
TOKEN = "tok-SECRET-bearer-DO-NOT-LEAK"


def assert_clean(*texts: object) -> None:
    """None of the texts holds either secret."""
    for text in texts:
        assert SECRET not in str(text) and TOKEN not in str(text), str(text)[:300]


@pytest.fixture(scope="module")
def server() -> Iterator[RunningServer]:
    """The reference server, accepting only SECRET, with its access log on."""
    with serve_in_thread(api_key=SECRET, access_log=True) as running:
        yield running


def test_client_repr_and_every_error_are_clean(
    server: RunningServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Across successes and every kind of failure, no repr, message or DEBUG log shows the key."""
    caplog.set_level(logging.DEBUG)
    seen: list[object] = []
    with ModelsClient(api_key=SECRET, base_url=server.url, max_retries=0) as good:
        seen.append(repr(good))
        seen.append(good.list_models(limit=2))
        for call in (
            lambda: good.retrieve("claude-nope"),
            lambda: good.require_model(a_model("retired")),
            lambda: good.list_models(after_id="nope"),
        ):
            with pytest.raises(errors.AnthropicModelsError) as info:
                call()
            seen += [str(info.value), repr(info.value), getattr(info.value, "body", None)]
    wrong_clients = [
        ModelsClient(api_key=SECRET + "-wrong", base_url=server.url),
        ModelsClient(auth_token=TOKEN, base_url=server.url),
    ]
    for wrong in wrong_clients:
        with wrong, pytest.raises(errors.AuthenticationError) as info:
            wrong.list_models()
        seen += [repr(wrong), str(info.value), repr(info.value), info.value.body]
    echo = json.dumps(
        {"type": "error", "error": {"type": "x", "message": f"you sent {SECRET}"}}
    ).encode()
    with scripted_server(
        Reply(400, echo),
        Reply(302, b"", {"location": f"https://evil.example/{SECRET}"}),
        Reply(200, f"<html>{SECRET}</html>".encode()),
        Reset(),
        Stall(),
    ) as hostile:
        with ModelsClient(
            api_key=SECRET, base_url=hostile.url, max_retries=0, timeout=0.5
        ) as client:
            for _ in range(5):
                with pytest.raises(errors.AnthropicModelsError) as info:
                    client.list_models()
                seen += [str(info.value), repr(info.value), getattr(info.value, "body", None)]
    seen.append(caplog.text)
    assert_clean(*seen)


def test_bad_secrets_and_urls_are_refused_without_echo() -> None:
    """Refusing a key with a line break, or http off loopback, does not repeat the key."""
    with pytest.raises(errors.InvalidArgumentError) as info:
        ModelsClient(api_key=SECRET + "\r\nx-evil: 1")
    assert_clean(str(info.value))
    with pytest.raises(errors.InvalidArgumentError) as info:
        ModelsClient(api_key=SECRET, base_url="http://example.com")
    assert_clean(str(info.value))


def test_cli_output_and_errors_are_clean(
    server: RunningServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every CLI command, succeeding or failing, prints no key on stdout or stderr."""
    monkeypatch.setenv("ANTHROPIC_BASE_URL", server.url)
    runs = [
        ["list", "--api-key", SECRET],
        ["list", "--all", "--json", "--api-key", SECRET],
        ["get", an_alias("active", "deprecated")[0], "--api-key", SECRET],
        ["check", a_model("deprecated"), "claude-nope", "--api-key", SECRET],
        ["latest", "--api-key", SECRET],
        ["get", "claude-x", "--api-key", SECRET + "-wrong"],
        ["list", "--api-key", SECRET, "--base-url", "http://127.0.0.1:1", "--max-retries", "0"],
        ["list", "--api-key", SECRET, "--limit", "5000"],
    ]
    for argv in runs:
        main(argv)
        out, err = capsys.readouterr()
        assert_clean(out, err)


def test_server_logs_and_cli_are_clean(server: RunningServer) -> None:
    """The server's own command line, with its key and access log, never prints the key."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "anthropic_models.server",
            "--port",
            "0",
            "--api-key",
            SECRET,
            "--access-log",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split()[-1]
        for key in (SECRET, "sk-wrong"):
            with ModelsClient(api_key=key, base_url=url, max_retries=0) as client:
                with contextlib.suppress(errors.AuthenticationError):
                    client.list_models()
    finally:
        process.terminate()
        out, err = process.communicate(timeout=30)
    assert "GET /v1/models" in err
    assert_clean(out, err)


class _Echo(BaseHTTPRequestHandler):
    """Answers every request with the status the server holds and the request's headers in the
    error message: a server (or proxy) that echoes credentials."""

    def do_GET(self) -> None:
        echoed = "; ".join(f"{name}: {value}" for name, value in self.headers.items())
        body = json.dumps({"type": "error", "error": {"type": "x", "message": echoed}}).encode()
        self.send_response(self.server.status)  # type: ignore[attr-defined]
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def echo_server(status: int) -> Iterator[str]:
    """An echoing server on a free loopback port answering ``status``; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    server.status = status  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


PROXY_PASSWORD = "proxy-pass-DO-NOT-LEAK"


def test_a_proxy_echoing_proxy_authorization_in_a_407_is_masked() -> None:
    """A 407 body repeating ``Proxy-Authorization: Basic ...``: no password, not even in base64."""
    basic = base64.b64encode(f"corp:{PROXY_PASSWORD}".encode()).decode()
    with (
        echo_server(407) as proxy,
        ModelsClient(
            api_key=SECRET,
            base_url="http://127.0.0.1:9",
            proxy=proxy.replace("//", f"//corp:{PROXY_PASSWORD}@"),
            max_retries=0,
        ) as client,
        pytest.raises(errors.APIStatusError) as info,
    ):
        client.list_models()
    assert info.value.status_code == 407 and "proxy-authorization" in str(info.value).lower()
    for text in (str(info.value), repr(info.value), json.dumps(info.value.body)):
        assert basic not in text and PROXY_PASSWORD not in text
        assert_clean(text)


@pytest.mark.parametrize(
    "headers",
    [
        {"x-custom-token": "custom-token-DO-NOT-LEAK"},
        {"Cookie": "session=cookie-DO-NOT-LEAK"},
        {"X-Client-Secret": "client-secret-DO-NOT-LEAK"},
        {"Authorization": "Bearer bearer-DO-NOT-LEAK"},
        {"Authorization": "Basic " + base64.b64encode(b"u:basic-DO-NOT-LEAK").decode()},
    ],
)
def test_per_call_credential_headers_echoed_by_a_server_are_masked(
    headers: dict[str, str],
) -> None:
    """extra_headers with credential-like names: a server echoing them shows no value, no decoding."""
    with (
        echo_server(401) as url,
        ModelsClient(api_key=SECRET, base_url=url, max_retries=0) as client,
        pytest.raises(errors.AuthenticationError) as info,
    ):
        client.list_models(extra_headers=headers)
    for text in (str(info.value), repr(info.value), json.dumps(info.value.body)):
        assert "DO-NOT-LEAK" not in text, text
        assert base64.b64encode(b"u:basic-DO-NOT-LEAK").decode() not in text


def test_the_access_log_masks_the_servers_key_in_a_request_line(
    server: RunningServer, caplog: pytest.LogCaptureFixture
) -> None:
    """A client putting the key in the URL, plain or percent-encoded: the access log masks it."""
    caplog.set_level(logging.INFO, logger="anthropic_models.server.access")
    encoded = urllib.parse.quote(SECRET, safe="")
    partly = SECRET.replace("-", "%2D", 1)
    with urllib3.PoolManager() as pool:
        for target in (f"/v1/models?key={SECRET}", f"/v1/models/{encoded}", f"/v1/{partly}"):
            pool.request("GET", server.url + target, headers={"x-api-key": SECRET})
    deadline = time.monotonic() + 5  # a line is logged once its answer is sent
    while caplog.text.count("/v1/") < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert caplog.text.count("/v1/") >= 3
    assert SECRET not in caplog.text and encoded not in caplog.text and partly not in caplog.text
