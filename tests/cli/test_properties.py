"""The command line under arbitrary arguments: for any text or bytes given to
any command, the exit status is one the docstring of ``cli`` documents, nothing raises out of
``main()`` (no traceback), stderr holds at most one line, the output holds no character that
could drive a terminal, and the key never appears.

Runs in-process against the fake API (no sockets); ``serve``, ``conformance`` and ``demo`` have
their handlers replaced, so their argument parsing is what is tested, not a server run. Issue 18
adds proxy and certificate variables, ``--proxy``, ``--timeout``, ``--ca-certs`` and
``--workspace-id`` (a header value), with the client's own pool builder answering from the fake.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("hypothesis", reason="hypothesis needs attrs >= 22.2 (not in min-deps)")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anthropic_models import ModelsClient, cli
from anthropic_models.cli import _commands
from anthropic_models_generated import transport
from tests.cli.fake_api import CATALOGUE, HOSTILE, KEY, FakeAPI

# Every status the command line documents; 141 and 130 need a real pipe or a Ctrl-C.
STATUSES = {0, 1, 2}
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

_LIMIT = transport.LIST_MODELS.parameter("limit")
_STAGES = transport.LIST_MODELS.parameter("lifecycle").enum or ()
COMMANDS = ["list", "get", "check", "latest", "diff", "spec", "serve", "conformance", "demo"]
OPTIONS = [
    "--json", "--all", "--limit", "--after", "--before", "--lifecycle", "--line", "--capability",
    "--workspace-id", "--timeout", "--max-retries", "--validate", "--live", "--help", "--version",
    "--api-key", "--base-url", "--proxy", "--ca-certs", "-", "--port", "--synthetic", "--catalog",
    "--reference", "--only", "--skip", "--list-checks", "--max-requests",
]  # fmt: skip
VALUES = [
    *(m["id"] for m in CATALOGUE), "claude-evil" + HOSTILE, "all", *_STAGES, "batch",
    "effort.high", "opus", "0", "1", str(_LIMIT.maximum), str((_LIMIT.maximum or 0) + 1), "-1",
    "nan", "inf", "1e9", "", " ", "\x00x", "\udcff", "a\ud800",
]  # fmt: skip

token = st.one_of(
    st.sampled_from(OPTIONS),
    st.sampled_from(VALUES),
    st.text(max_size=24),
    st.binary(max_size=12).map(os.fsdecode),  # argv as a POSIX system decodes raw bytes
)
argv = st.tuples(st.sampled_from(COMMANDS), st.lists(token, max_size=6)).map(
    lambda parts: [parts[0], *parts[1:][0]]
)


def _stub(*args: Any, **kwargs: Any) -> int:
    return 0


@pytest.fixture
def fake_commands(api: FakeAPI, monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> FakeAPI:
    """The fake API behind the client; the long-running commands replaced; cwd an empty dir."""
    monkeypatch.setattr("anthropic_models.server.cli.run_serve", _stub)
    monkeypatch.setattr("anthropic_models.conformance.cli.run_conformance_command", _stub)
    monkeypatch.setattr("anthropic_models.demo.run_demo", _stub)
    monkeypatch.chdir(tmp_path)
    return api


def _run(arguments: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _stdin(stdin):
        status = cli.main(arguments)
    return status, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def _stdin(data: bytes) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        yield
    finally:
        sys.stdin = saved


def _assert_promises(status: int, out: str, err: str) -> None:
    assert status in STATUSES
    assert "Traceback" not in err
    assert len(err.splitlines()) <= 1, err
    assert (out + err).replace("\n", "").isprintable(), (out + err)[:500]
    assert KEY not in out + err


@SETTINGS
@given(arguments=argv)
def test_any_arguments_keep_the_promises(fake_commands: FakeAPI, arguments: list[str]) -> None:
    """Any argv for any command: a documented status, no traceback, escaped output, no key."""
    _assert_promises(*_run(arguments))


@SETTINGS
@given(
    data=st.one_of(
        st.binary(max_size=200),
        st.sampled_from([b"[" * 100_000, b"[]", b'{"data": []}', b"\xef\xbb\xbf[]"]),
        st.lists(st.sampled_from(CATALOGUE), max_size=4).map(
            lambda models: json.dumps(models).encode()
        ),
    ),
    extra=st.lists(token, max_size=3),
)
def test_any_snapshot_on_stdin_keeps_the_promises(
    fake_commands: FakeAPI, data: bytes, extra: list[str]
) -> None:
    """diff with any bytes as a snapshot on stdin, against the live view or itself."""
    for arguments in (["diff", "-", "--live", *extra], ["diff", "-", *extra]):
        _assert_promises(*_run(arguments, data))


# -- proxy settings, timeouts and header values from the environment and the options -------------

PROXY_SECRET = "proxy-Secret-0042"
NETWORK_VARIABLES = [
    "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "https_proxy", "all_proxy",
    "SSL_CERT_FILE", "SSL_CERT_DIR",
]  # fmt: skip
NETWORK_VALUES = [
    f"http://corp:{PROXY_SECRET}@proxy.corp:3128", f"http://corp:{PROXY_SECRET}@proxy .corp:3128",
    f"http://corp:{PROXY_SECRET}@[proxy:1", f"socks5://corp:{PROXY_SECRET}@p:1080",
    f"ftp://corp:{PROXY_SECRET}@p", f"http://corp:{PROXY_SECRET}@p:99999", "proxy.corp:8080",
    f"http://corp:{PROXY_SECRET}@p\t:1", "*", "127.0.0.1,localhost", "/nowhere/ca.pem", ".", "",
    " ", "http://127.0.0.1:9",
]  # fmt: skip
OTHER_ARGUMENTS = [
    "0.001", "1e10", "3600", "3601", "nan", "-0", "1" * 400, "https://api.example.test",
    "http://127.0.0.1:9", "http://localhost:9", "wrkspc_é", "wrkspc ok", "/nowhere/ca.pem", ".",
]  # fmt: skip

# The proxy's password travels only where a proxy is expected (--proxy or a variable): a stray
# positional argument is echoed by argparse as any unknown word is, whatever it holds.
network_pair = st.one_of(
    st.tuples(st.just("--proxy"), st.sampled_from(NETWORK_VALUES) | st.text(max_size=16)),
    st.tuples(
        st.sampled_from(["--timeout", "--ca-certs", "--base-url", "--workspace-id"]),
        st.sampled_from(OTHER_ARGUMENTS) | st.text(max_size=16),
    ),
    st.tuples(st.sampled_from(OTHER_ARGUMENTS)),
)
network_argv = st.tuples(
    st.sampled_from(["list", "get", "check", "latest"]), st.lists(network_pair, max_size=4)
).map(lambda parts: [parts[0], *(word for pair in parts[1] for word in pair)])
environment = st.dictionaries(
    st.sampled_from(NETWORK_VARIABLES),
    st.one_of(
        st.sampled_from(NETWORK_VALUES), st.text(max_size=16).filter(lambda v: "\0" not in v)
    ),
    max_size=3,
)


@pytest.fixture
def network_api(api: FakeAPI, monkeypatch: pytest.MonkeyPatch) -> FakeAPI:
    """The fake API behind the pool the client builds itself: network settings are all read."""
    monkeypatch.setattr(_commands, "ModelsClient", ModelsClient)
    monkeypatch.setattr("anthropic_models.client.make_pool", lambda *args, **kw: api.pool)
    for name in NETWORK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.swapcase(), raising=False)
    return api


@SETTINGS
@given(arguments=network_argv, environ=environment)
def test_network_settings_keep_the_promises(
    network_api: FakeAPI,
    monkeypatch: pytest.MonkeyPatch,
    arguments: list[str],
    environ: dict[str, str],
) -> None:
    """Any proxy, certificate or timeout setting, from the environment or an option: a documented
    status, one line, no traceback, neither the key nor the proxy's password shown."""
    with monkeypatch.context() as patch:
        for name, value in environ.items():
            patch.setenv(name, value)
        status, out, err = _run(arguments)
    _assert_promises(status, out, err)
    assert PROXY_SECRET not in out + err
    for name, value in environ.items():  # a variable is named in an error, never shown
        if len(value) >= 8 and value in err and all(value not in word for word in arguments):
            raise AssertionError(f"{name}'s value shown: {err}")
