"""A recognisable key must never appear anywhere: reprs, errors, logs, CLI output, server logs."""

from __future__ import annotations

import contextlib
import json
import logging
import subprocess
import sys
from collections.abc import Iterator

import pytest

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
