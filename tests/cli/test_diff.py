"""``anthropic-models diff`` against hostile snapshots: refused on one line, never a traceback,
never read whole when too large."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from anthropic_models.snapshot import MAX_SNAPSHOT_BYTES
from tests.cli.fake_api import CATALOGUE, KEY, FakeAPI, Run, model

VISIBLE = [m for m in CATALOGUE if m["lifecycle"] != "retired"]


def _write(path: Path, data: object) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_a_deeply_nested_file_is_refused(run: Run, tmp_path: Path) -> None:
    """A 200,000-deep JSON array is "nested too deeply", not a RecursionError."""
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    status, out, err = run("diff", str(deep), str(deep))
    assert status == 2 and out == ""
    assert err == f"anthropic-models: error: {deep}: not JSON: nested too deeply\n"


def test_a_deeply_nested_model_field_is_refused(run: Run, tmp_path: Path) -> None:
    """Deep nesting inside a model (an unknown field) is refused the same way or read."""
    nested = tmp_path / "nested.json"
    text = json.dumps([dict(VISIBLE[0], extra="X")]).replace('"X"', "[" * 50_000 + "]" * 50_000)
    nested.write_text(text)
    status, _, err = run("diff", str(nested), str(nested))
    assert status in (0, 2) and len(err.splitlines()) <= 1


def test_a_file_over_the_limit_is_refused_without_reading_it(run: Run, tmp_path: Path) -> None:
    """A regular file larger than the limit is refused from its size (a sparse file here)."""
    huge = tmp_path / "huge.json"
    with huge.open("wb") as stream:
        stream.truncate(MAX_SNAPSHOT_BYTES * 64)
    status, _, err = run("diff", str(huge), str(huge))
    limit = MAX_SNAPSHOT_BYTES // 2**20
    assert status == 2
    assert (
        err
        == f"anthropic-models: error: {huge}: larger than {limit} MiB, the limit for a snapshot\n"
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_stream_is_refused_at_the_limit(run: Run) -> None:
    """/dev/zero (no size, no end) is read up to the limit, then refused."""
    status, _, err = run("diff", "/dev/zero", "/dev/zero")
    assert status == 2 and "/dev/zero: larger than" in err


def test_duplicate_ids_are_refused_naming_the_id(run: Run, tmp_path: Path) -> None:
    """A snapshot holding an id twice is an error naming the id and where it is."""
    twice = _write(tmp_path / "twice.json", [VISIBLE[0], VISIBLE[2], VISIBLE[0]])
    good = _write(tmp_path / "good.json", VISIBLE)
    status, out, err = run("diff", good, twice)
    assert status == 2 and out == ""
    assert err == f"anthropic-models: error: {twice}: $[2]: duplicate model id 'claude-new'\n"


def test_new_and_live_together_are_refused(run: Run, api: FakeAPI, tmp_path: Path) -> None:
    """diff OLD NEW --live is refused before anything is read or sent."""
    good = _write(tmp_path / "good.json", VISIBLE)
    status, _, err = run("diff", good, good, "--live")
    assert status == 2 and err == "anthropic-models: error: give NEW.json or --live, not both\n"
    assert api.sent == []


def test_a_dash_reads_standard_input(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`-` stands for stdin, as OLD or as NEW; not for both."""
    good = _write(tmp_path / "good.json", VISIBLE)
    _stdin(monkeypatch, json.dumps(VISIBLE[1:]).encode())
    status, out, _ = run("diff", "-", good)
    assert status == 0 and out.startswith("+ added    claude-new\n")
    _stdin(monkeypatch, json.dumps(VISIBLE[1:]).encode())
    status, out, _ = run("diff", good, "-")
    assert status == 1 and "- removed  claude-new" in out
    status, _, err = run("diff", "-", "-")
    assert status == 2 and "only one snapshot can be read from standard input" in err


def test_stdin_is_bounded_too(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stream on stdin longer than the limit is refused at the limit."""
    _stdin(monkeypatch, b" " * (MAX_SNAPSHOT_BYTES + 1))
    status, _, err = run("diff", "-", "--live")
    assert status == 2 and "<stdin>: larger than" in err


def test_live_follows_the_default_view(run: Run, api: FakeAPI, tmp_path: Path) -> None:
    """diff --live compares with the server's default view (retired models left out)."""
    current = _write(tmp_path / "current.json", VISIBLE)
    status, out, _ = run("diff", current, "--live")
    assert (status, out) == (0, "no changes\n")
    assert all("lifecycle" not in sent.url for sent in api.sent)
    with_retired = _write(tmp_path / "all.json", CATALOGUE)
    status, out, _ = run("diff", with_retired, "--live")
    assert status == 1 and "- removed  claude-old" in out


def test_lifecycle_without_live_is_refused(run: Run, tmp_path: Path) -> None:
    """--lifecycle chooses the live view only: with two files it is an error."""
    good = _write(tmp_path / "good.json", VISIBLE)
    status, _, err = run("diff", good, good, "--lifecycle", "all")
    assert status == 2 and "use it with --live" in err


def test_a_snapshot_with_hostile_ids_is_reported_escaped(run: Run, tmp_path: Path) -> None:
    """Ids and names from a snapshot reach the terminal escaped."""
    old = _write(tmp_path / "old.json", [model("a\x1b[2J", name="x\x1b]0;t\x07")])
    new = _write(tmp_path / "new.json", [model("a\x1b[2J", name="y\u202e")])
    status, out, _ = run("diff", old, new)
    assert status == 0 and "\x1b" not in out and "\u202e" not in out
    assert "~ renamed  a\\x1b[2J: 'x\\x1b]0;t\\x07' -> 'y\\u202e'" in out
    status, out, _ = run("diff", old, new, "--json")
    assert json.loads(out)["renamed"] == [
        {"id": "a\x1b[2J", "old": "x\x1b]0;t\x07", "new": "y\u202e"}
    ]


def test_not_utf8_and_not_json_are_one_line(run: Run, tmp_path: Path) -> None:
    """Bytes that are not UTF-8, and text that is not JSON, are refused on one line."""
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'[{"id": "\xff"}]')
    status, _, err = run("diff", str(latin), str(latin))
    assert status == 2 and "not JSON" in err and len(err.splitlines()) == 1
    assert KEY not in err
