"""The command line as a process: output cut short, a full disk, an ASCII terminal, bytes that are
not UTF-8 in argv, and what each command imports. A scripted loopback server plays the API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any, Optional

import pytest

from anthropic_models.cli import EXIT_BROKEN_PIPE
from tests.scripted_server import Reply, Scripted, scripted_server

pytestmark = pytest.mark.integration

KEY = "sk-ant-cli-process-secret-9"
NAME = "Claude \u00e9t\u00e9 \u2014 " + "x" * 2000


def _model(index: int) -> dict[str, Any]:
    return {
        "id": f"claude-test-{index:04d}",
        "type": "model",
        "created_at": "2025-01-01T00:00:00Z",
        "display_name": NAME,
        "lifecycle": "active",
        "capabilities": None,
    }


MODELS = [_model(i) for i in range(200)]  # some 400 KB of JSON: more than a pipe holds
PAGE = {"data": MODELS, "first_id": MODELS[0]["id"], "last_id": MODELS[-1]["id"], "has_more": False}


@pytest.fixture(scope="module")
def api() -> Iterator[Scripted]:
    """A server answering every request with one page of 200 models."""
    with scripted_server(Reply(200, json.dumps(PAGE).encode())) as server:
        yield server


def _env(api: Scripted, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    env.update(ANTHROPIC_API_KEY=KEY, ANTHROPIC_BASE_URL=api.url, **extra)
    return env


def _cli(
    api: Scripted, *argv: str, stdout: Any = subprocess.PIPE, env: Optional[dict[str, str]] = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "anthropic_models", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env or _env(api),
        timeout=120,
        check=False,
    )


def _into_closed_pipe(api: Scripted, *argv: str) -> subprocess.CompletedProcess[bytes]:
    read, write = os.pipe()
    os.close(read)
    try:
        return _cli(api, *argv, stdout=write)
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "argv",
    [
        ("list", "--all", "--json"),
        ("list",),
        ("spec",),
        ("--help",),
        ("conformance", "--list-checks"),
    ],
)
def test_a_closed_pipe_ends_quietly(api: Scripted, argv: tuple[str, ...]) -> None:
    """Writing into a pipe nobody reads: status 141, nothing on stderr (no traceback)."""
    result = _into_closed_pipe(api, *argv)
    assert (result.returncode, result.stderr) == (EXIT_BROKEN_PIPE, b"")


def test_head_reads_one_line_of_a_streamed_catalogue(api: Scripted) -> None:
    """`list --all --json | head -1`: the first line arrives, then the command stops quietly."""
    process = subprocess.Popen(
        [sys.executable, "-m", "anthropic_models", "list", "--all", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(api),
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"[\n"
    process.stdout.close()
    assert process.wait(timeout=120) == EXIT_BROKEN_PIPE
    assert process.stderr.read() == b""
    process.stderr.close()


def test_demo_into_head_ends_quietly(api: Scripted) -> None:
    """`demo | head -2` stops the demo (and its server) quietly."""
    result = _into_closed_pipe(api, "demo")
    assert (result.returncode, result.stderr) == (EXIT_BROKEN_PIPE, b"")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [("spec",), ("list", "--all", "--json")])
def test_a_full_disk_is_one_line(api: Scripted, argv: tuple[str, ...]) -> None:
    """`> /dev/full`: status 2 and one line saying why, as `ls > /dev/full` does."""
    with open("/dev/full", "w") as full:
        result = _cli(api, *argv, stdout=full)
    assert result.returncode == 2
    assert (
        result.stderr
        == b"anthropic-models: error: cannot write the output: No space left on device\n"
    )


@pytest.mark.skipif(not os.path.exists("/bin/sh"), reason="needs a POSIX shell")
def test_a_closed_stdout_is_one_line(api: Scripted) -> None:
    """`>&-` (stdout closed before start): status 2 and one line, no traceback."""
    result = subprocess.run(
        ["/bin/sh", "-c", 'exec "$0" -m anthropic_models spec >&-', sys.executable],
        capture_output=True,
        env=_env(api),
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert (
        result.stderr == b"anthropic-models: error: cannot write the output: Bad file descriptor\n"
    )


def test_an_ascii_terminal_gets_escapes(api: Scripted) -> None:
    """PYTHONIOENCODING=ascii: text shows escapes, JSON stays valid and exact."""
    env = _env(api, PYTHONIOENCODING="ascii")
    text = _cli(api, "list", "--limit", "3", env=env)
    assert text.returncode == 0 and text.stderr == b""
    assert b"Claude \\xe9t\\xe9 \\u2014 xxx" in text.stdout
    document = _cli(api, "list", "--all", "--json", env=env)
    assert document.returncode == 0
    models = json.loads(document.stdout.decode("ascii"))
    assert [(m["id"], m["display_name"]) for m in models] == [(m["id"], NAME) for m in MODELS]


def test_arguments_that_are_not_utf8(api: Scripted) -> None:
    """`get $'\\xff'`, `list --after $'\\xff'`, `check $'\\xff'`: one line, status 2, nothing sent."""
    before = len(api.received)
    for argv in ([b"get", b"\xff"], [b"list", b"--after", b"\xff"], [b"check", b"ok", b"\xff"]):
        result = subprocess.run(
            [os.fsencode(sys.executable), b"-m", b"anthropic_models", *argv],
            capture_output=True,
            env=_env(api),
            timeout=120,
            check=False,
        )
        assert result.returncode == 2 and result.stdout == b""
        assert result.stderr.count(b"\n") == 1 and b"not valid UTF-8: b'\\xff'" in result.stderr
    assert len(api.received) == before


_IMPORTS = """
import sys
from anthropic_models.cli import main
status = main(sys.argv[1:])
loaded = sorted(
    name for name in sys.modules
    if name.startswith(("anthropic_models.server", "anthropic_models.conformance"))
)
print("LOADED", loaded, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "argv", [("list",), ("list", "--all", "--json"), ("get", "x"), ("--help",), ("list", "--help")]
)
def test_client_commands_load_neither_server_nor_kit(api: Scripted, argv: tuple[str, ...]) -> None:
    """`list` and the other client commands import neither the server nor the conformance kit."""
    result = subprocess.run(
        [sys.executable, "-c", _IMPORTS, *argv],
        capture_output=True,
        env=_env(api),
        timeout=120,
        check=False,
    )
    assert result.stderr.decode().splitlines()[-1] == "LOADED []"


def test_serve_help_still_shows_its_options(api: Scripted) -> None:
    """The server's options, loaded only for `serve`, are in `serve --help`."""
    result = _cli(api, "serve", "--help")
    assert result.returncode == 0 and b"--synthetic" in result.stdout
