"""The command line's output, in-process against a fake API (no sockets): what a terminal and a
script can trust, and how output cut short ends."""

from __future__ import annotations

import errno
import gc
import io
import json
import os
import shlex
from typing import Any

import pytest

from anthropic_models import cli
from anthropic_models.cli import _commands, _terminal
from anthropic_models.client import ModelsClient
from anthropic_models_generated import transport
from tests.cli.fake_api import CATALOGUE, HOSTILE, KEY, FakeAPI, Run

# -- output a terminal can trust -----------------------------------------------------------------


def test_text_output_escapes_what_the_server_sends(run: Run) -> None:
    """An id or name holding terminal escapes is shown escaped in every text output."""
    for argv in (("list",), ("list", "--all"), ("get", "claude-evil" + HOSTILE)):
        status, out, _ = run(*argv)
        assert status == 0
        assert "\x1b" not in out and "\x07" not in out
        assert "claude-evil\\x1b]0;title\\x07\\x1b[2J" in out
    status, out, _ = run("check", "claude-evil" + HOSTILE)
    assert status == 0 and "\x1b" not in out and out.count("\\x1b") == 4


def test_json_output_stays_exact(run: Run) -> None:
    """--json gives the server's strings back exactly, with the controls as JSON escapes."""
    status, out, _ = run("list", "--all", "--json")
    assert status == 0 and "\x1b" not in out
    assert [m["id"] for m in json.loads(out)] == [
        m["id"] for m in CATALOGUE if m["lifecycle"] != "retired"
    ]
    status, out, _ = run("get", "claude-evil" + HOSTILE, "--json")
    assert json.loads(out)["display_name"] == "Evil" + HOSTILE


def test_errors_on_stderr_are_escaped(run: Run) -> None:
    """A message that echoes a hostile id reaches stderr escaped, on one line."""
    status, out, err = run("get", "claude-nope" + HOSTILE)
    assert status == 2 and out == ""
    assert "\x1b" not in err and len(err.splitlines()) == 1
    assert err.startswith("anthropic-models: error: 404 not_found_error")


# -- output cut short ----------------------------------------------------------------------------


class _Closed(io.TextIOBase):
    """A stdout whose writes fail as a closed pipe or a full disk does."""

    def __init__(self, error: int, after: int = 0) -> None:
        self.error, self.left = error, after

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.left <= 0:
            raise OSError(self.error, os.strerror(self.error))
        self.left -= 1
        return len(text)


@pytest.mark.parametrize(
    "argv",
    [
        ("list", "--all", "--json", "--limit", "1"),
        ("list",),
        ("spec",),
        ("--help",),
        ("check", "claude-new"),
    ],
)
def test_a_closed_pipe_ends_quietly_with_141(
    api: FakeAPI,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
) -> None:
    """When the reader goes away, the command stops: status 141, nothing on stderr."""
    monkeypatch.setattr("sys.stdout", _Closed(errno.EPIPE))
    assert cli.main(list(argv)) == cli.EXIT_BROKEN_PIPE
    assert capsys.readouterr().err == ""


def test_a_closed_pipe_stops_the_walk(api: FakeAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    """list --all --json stops fetching pages once its output is gone."""
    monkeypatch.setattr("sys.stdout", _Closed(errno.EPIPE, after=1))
    assert cli.main(["list", "--all", "--json", "--limit", "1"]) == cli.EXIT_BROKEN_PIPE
    assert len(api.sent) <= 2


def test_a_full_disk_is_one_line_and_status_2(
    api: FakeAPI, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Output that cannot be written (ENOSPC) is an error: one line, status 2."""
    monkeypatch.setattr("sys.stdout", _Closed(errno.ENOSPC))
    assert cli.main(["list"]) == 2
    err = capsys.readouterr().err
    assert err == "anthropic-models: error: cannot write the output: No space left on device\n"


def test_an_ascii_terminal_gets_escapes_not_errors(
    api: FakeAPI, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With an ASCII-only stdout, text shows escapes and JSON stays valid and exact."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", newline="\n")
    monkeypatch.setattr("sys.stdout", stream)
    assert cli.main(["get", "claude-new"]) == 0
    assert cli.main(["get", "claude-new", "--json"]) == 0
    stream.flush()
    text, _, document = raw.getvalue().decode("ascii").partition("{")
    assert "Claude New \\u2014 \\xe9t\\xe9" in text
    assert json.loads("{" + document)["display_name"] == "Claude New \u2014 \u00e9t\u00e9"
    assert capsys.readouterr().err == ""


# -- paging from a script ------------------------------------------------------------------------


def test_single_page_json_keeps_the_way_to_the_next_page(run: Run) -> None:
    """list --json (one page) carries has_more, the cursors and the next page's parameters."""
    status, out, _ = run("list", "--json", "--limit", "2")
    page = json.loads(out)
    assert status == 0
    assert [m["id"] for m in page["data"]] == ["claude-new", "claude-evil" + HOSTILE]
    assert page["has_more"] is True and page["last_id"] == "claude-evil" + HOSTILE
    assert page["next_page"] == {"after_id": "claude-evil" + HOSTILE}
    status, out, _ = run("list", "--json", "--limit", "2", "--after", page["last_id"])
    last = json.loads(out)
    assert [m["id"] for m in last["data"]] == ["claude-mid", "claude-first"]
    assert last["has_more"] is False and last["next_page"] is None


def test_the_more_hint_is_a_shell_command_that_keeps_the_options(run: Run) -> None:
    """The "(more: ...)" line keeps --limit and the base URL, and quotes the cursor for a shell."""
    status, out, _ = run("list", "--limit", "1", "--base-url", "http://127.0.0.1:9")
    hint = out.splitlines()[-1]
    assert status == 0
    assert (
        hint
        == "(more: anthropic-models list --base-url http://127.0.0.1:9 --limit 1 --after-id claude-new)"
    )
    status, out, _ = run("list", "--limit", "1", "--after", "claude-new")
    hint = out.splitlines()[-1]
    assert "\x1b" not in hint
    assert hint.endswith("--after-id $'claude-evil\\x1b]0;title\\x07\\x1b[2J')")
    api_words = shlex.split(hint[len("(more: ") : -1].replace("$'claude-evil", "'claude-evil"))
    assert api_words[:4] == ["anthropic-models", "list", "--limit", "1"]


def test_list_all_json_writes_each_page_before_fetching_the_next(
    api: FakeAPI, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """list --all --json streams: when a page is requested, the models before it are written."""
    written: list[str] = []
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    api.on_list = lambda: written.append(out.getvalue())
    assert cli.main(["list", "--all", "--json", "--limit", "1"]) == 0
    assert [text.count('"type": "model"') for text in written] == [0, 1, 2, 3]
    assert len(json.loads(out.getvalue())) == 4


# -- bounds from the spec ------------------------------------------------------------------------


def test_limit_bounds_come_from_the_spec(run: Run) -> None:
    """--limit accepts the spec's minimum and maximum and refuses one past either."""
    limit = transport.LIST_MODELS.parameter("limit")
    assert limit.minimum is not None and limit.maximum is not None
    assert run("list", "--limit", str(limit.minimum))[0] == 0
    assert run("list", "--limit", str(limit.maximum))[0] == 0
    for bad in (limit.minimum - 1, limit.maximum + 1):
        status, out, err = run("list", "--limit", str(bad))
        assert status == 2 and out == ""
        assert f"must be an integer from {limit.minimum} to {limit.maximum}" in err
        assert len(err.splitlines()) == 1


# -- arguments that are not valid UTF-8 ----------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("get", "\udcff"),
        ("list", "--after", "\udcff"),
        ("list", "--before", "a\udcffb"),
        ("check", "claude-new", "\udcff"),
        ("latest", "--line", "\udcff"),
        ("list", "--workspace-id", "\udcff"),
        ("list", "--base-url", "http://127.0.0.1:9/\udcff"),
    ],
)
def test_arguments_that_are_not_utf8_are_refused_before_sending(
    run: Run, api: FakeAPI, argv: tuple[str, ...]
) -> None:
    """A lone surrogate (a byte that is not UTF-8) is one clear line, status 2, nothing sent."""
    status, out, err = run(*argv)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert "not valid UTF-8: b'" in err and "\\xff" in err
    assert api.sent == []


def test_an_api_key_that_is_not_utf8_is_refused_without_showing_it(run: Run, api: FakeAPI) -> None:
    """--api-key with bad bytes is refused before sending, and not echoed."""
    status, _, err = run("list", "--api-key", "sk-secret-\udcff")
    assert status == 2 and "sk-secret" not in err and "not valid UTF-8" in err
    assert api.sent == []


def test_bad_arguments_are_one_line(run: Run) -> None:
    """argparse's own errors (unknown option, missing argument) are one line, status 2."""
    for argv in (("list", "--nope" + HOSTILE), ("get",), ("frobnicate",), ()):
        status, out, err = run(*argv)
        assert status == 2 and out == ""
        assert len(err.splitlines()) == 1 and "\x1b" not in err
        assert "--help" in err


def test_help_and_version_return_0(run: Run) -> None:
    """--help and --version print to stdout and return 0 instead of raising SystemExit."""
    status, out, _ = run("--version")
    assert status == 0 and out.startswith("anthropic-models ")
    status, out, _ = run("list", "--help")
    assert status == 0 and "--lifecycle LIFECYCLE" in out and "--after-id" in out


def test_a_stdout_closed_under_the_command_is_one_line(
    api: FakeAPI, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stdout object already closed is status 2 and one line, and the wrapper left for the
    garbage collector flushes nothing (filterwarnings=error would report it)."""
    closed = io.StringIO()
    closed.close()
    monkeypatch.setattr("sys.stdout", closed)
    assert cli.main(["spec"]) == 2
    assert capsys.readouterr().err == (
        "anthropic-models: error: cannot write the output: Bad file descriptor\n"
    )
    wrapper = _terminal.Stdout(closed)
    del wrapper
    gc.collect()


def test_a_backward_page_points_further_back(run: Run) -> None:
    """A page asked for with --before leads on with --before its first id, in text and JSON."""
    status, out, _ = run("list", "--limit", "1", "--before", "claude-first")
    assert status == 0
    assert out.splitlines()[-1] == "(more: anthropic-models list --limit 1 --before-id claude-mid)"
    status, out, _ = run("list", "--limit", "1", "--before", "claude-first", "--json")
    assert json.loads(out)["next_page"] == {"before_id": "claude-mid"}


# -- networks ------------------------------------------------------------------------------------


def test_proxy_and_ca_certs_reach_the_client(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--proxy and --ca-certs are given to the client as they were typed."""
    seen: dict[str, Any] = {}

    def record(**options: Any) -> ModelsClient:
        seen.update(options)
        raise cli.CommandError("recorded")

    monkeypatch.setattr(_commands, "ModelsClient", record)
    status = cli.main(
        ["list", "--proxy", "http://user:pw@proxy.example:3128", "--ca-certs", "ca.pem"]
    )
    assert status == 2 and capsys.readouterr().err == "anthropic-models: error: recorded\n"
    assert seen["proxy"] == "http://user:pw@proxy.example:3128" and seen["ca_certs"] == "ca.pem"


@pytest.mark.parametrize(
    "proxy", ["ftp://user:hunter22@proxy.example", "http://user:hunter22@proxy:99999", "x\udcff"]
)
def test_a_bad_proxy_is_one_line_without_its_credentials(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], proxy: str
) -> None:
    """A proxy URL the client refuses is one line, status 2, and its text is not shown."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "http://127.0.0.1:9")
    assert cli.main(["list", "--proxy", proxy]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "hunter22" not in err and "\\xff" not in err
