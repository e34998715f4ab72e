"""The command line against the reference server: output, exit codes, errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from anthropic_models._format import stage
from anthropic_models.cli import main
from anthropic_models.server import RunningServer, serve_in_thread
from anthropic_models_generated import transport
from tests.catalogue_facts import a_model, an_alias

pytestmark = pytest.mark.integration

KEY = "sk-ant-cli-secret-42"


@pytest.fixture(scope="module")
def server() -> Iterator[RunningServer]:
    """The reference server with the built-in catalogue."""
    with serve_in_thread(api_key=KEY) as running:
        yield running


@pytest.fixture
def run(server: RunningServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run the CLI against the server; returns (status, stdout, stderr)."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", server.url)

    def invoke(*argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        out, err = capsys.readouterr()
        assert KEY not in out + err
        return status, out, err

    return invoke


def _default_view(server: RunningServer) -> list[str]:
    return [m.id for m in server.catalog if stage(m) != "retired"]


def test_list_prints_a_page_and_the_next_command(run, server: RunningServer) -> None:  # type: ignore[no-untyped-def]
    """list shows one page as a table and the command for the next one, keeping --limit."""
    status, out, _ = run("list", "--limit", "3")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == ["ID", "NAME", "RELEASED", "LIFECYCLE", "LINE"]
    assert len(lines) == 5
    third = _default_view(server)[2]
    assert lines[-1] == f"(more: anthropic-models list --limit 3 --after-id {third})"


def test_list_all_json_is_the_catalogue(run, server: RunningServer) -> None:  # type: ignore[no-untyped-def]
    """list --all --json prints the default view (no retired model), --lifecycle all everything."""
    status, out, _ = run("list", "--all", "--json", "--limit", "4")
    assert status == 0
    assert [m["id"] for m in json.loads(out)] == _default_view(server)
    status, out, _ = run("list", "--all", "--json", "--lifecycle", "all")
    assert [m["id"] for m in json.loads(out)] == [m.id for m in server.catalog]
    status, out, _ = run("list", "--all", "--json", "--lifecycle", "retired")
    retired = [m.id for m in server.catalog if stage(m) == "retired"]
    assert retired and [m["id"] for m in json.loads(out)] == retired


def test_list_filters(run, server: RunningServer) -> None:  # type: ignore[no-untyped-def]
    """--line, --lifecycle and --capability filter the whole catalogue."""
    status, out, _ = run("list", "--line", "haiku", "--lifecycle", "active", "--json")
    assert status == 0
    assert [m["id"] for m in json.loads(out)] == [
        m.id for m in server.catalog if m.line == "haiku" and stage(m) == "active"
    ]
    status, out, _ = run("list", "--capability", "batch", "--json")
    assert status == 0 and all(m["capabilities"]["batch"]["supported"] for m in json.loads(out))


def test_get_and_latest(run, server: RunningServer) -> None:  # type: ignore[no-untyped-def]
    """get resolves an alias; latest prints the newest active id of a line."""
    alias, target = an_alias("active", "deprecated")
    status, out, _ = run("get", alias, "--json")
    assert status == 0 and json.loads(out)["id"] == target
    sonnet = next(m.id for m in server.catalog if m.line == "sonnet" and stage(m) == "active")
    assert run("latest", "--line", "sonnet") == (0, f"{sonnet}\n", "")
    status, _, err = run("latest", "--line", "gpt")
    assert status == 1 and "no active model" in err


def test_check_exit_codes(run) -> None:  # type: ignore[no-untyped-def]
    """check: 0 when all are available, 1 when one is not, with the reason."""
    deprecated, active, retired = an_alias("deprecated")[0], a_model("active"), a_model("retired")
    status, out, _ = run("check", deprecated, active)
    assert status == 0 and out.count(": ok") == 2
    status, out, _ = run("check", deprecated, retired, "claude-nope")
    assert status == 1
    assert f"{retired}: unavailable (retired)" in out
    assert "claude-nope: unavailable (not found)" in out


def test_errors_are_one_line_with_status_two(run) -> None:  # type: ignore[no-untyped-def]
    """A server error, a bad argument and an unreachable server each print one line and exit 2."""
    status, out, err = run("get", "claude-x", "--api-key", "sk-wrong-but-secret")
    assert status == 2 and out == ""
    assert err.startswith("anthropic-models: error: 401 authentication_error")
    assert "sk-wrong-but-secret" not in err and len(err.splitlines()) == 1
    limit = transport.LIST_MODELS.parameter("limit")
    status, _, err = run("list", "--limit", "0")
    assert status == 2 and f"must be an integer from {limit.minimum} to {limit.maximum}" in err
    status, _, err = run("list", "--timeout", "inf")
    assert status == 2 and "expected seconds from 0 to 3600, got 'inf'" in err
    status, _, err = run("list", "--base-url", "http://example.com")
    assert status == 2 and "refusing plain http" in err
    status, _, err = run("check", "m", "--base-url", "http://127.0.0.1:1", "--max-retries", "0")
    assert status == 2 and "cannot connect" in err


def test_diff_files_and_live(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """diff compares snapshots: exit 0 for additions, 1 for removals or new deprecations."""
    _, out, _ = run("list", "--all", "--json")
    snapshot = json.loads(out)
    current = tmp_path / "current.json"
    current.write_text(out)
    assert run("diff", str(current), "--live")[0] == 0
    older = tmp_path / "older.json"
    older.write_text(json.dumps(snapshot[1:]))
    status, out, _ = run("diff", str(older), str(current))
    assert status == 0 and out.startswith(f"+ added    {snapshot[0]['id']}\n")
    extra = dict(snapshot[0], id="claude-gone-20200101")
    gone = tmp_path / "gone.json"
    gone.write_text(json.dumps([*snapshot, extra]))
    status, out, _ = run("diff", str(gone), "--live")
    assert status == 1 and "- removed  claude-gone-20200101" in out


def test_diff_refuses_bad_files(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A missing file, non-JSON or a wrong shape is a clear one-line error."""
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": 1}]')
    status, _, err = run("diff", str(bad), str(bad))
    assert status == 2 and "$.id: expected a string" in err
    status, _, err = run("diff", str(tmp_path / "missing.json"), "--live")
    assert status == 2 and "cannot read" in err


def test_demo_runs_as_the_readme_says() -> None:
    """python -m anthropic_models demo starts its own server and reports every check as held."""
    out = subprocess.run(
        [sys.executable, "-m", "anthropic_models", "demo"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "exactly the forward walk reversed" in out.stdout
    assert "walks consistent: yes; availability as expected: yes" in out.stdout
    assert out.stderr == ""


def test_conformance_subcommand_passes_the_reference_server(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """anthropic-models conformance --reference runs the kit and ends on its summary line."""
    assert main(["conformance", "--reference"]) == 0
    out = capsys.readouterr().out
    # Without the validation extra (min-deps) the schema check is skipped, not failed.
    assert ", 0 failed, " in out
