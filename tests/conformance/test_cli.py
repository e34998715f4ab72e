"""The conformance command: output, exit statuses 0/1/2/3, profiles, headers, report files, no key."""

from __future__ import annotations

import importlib.util
import json
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from anthropic_models.conformance import CHECKS
from anthropic_models.conformance.__main__ import main
from anthropic_models.server import serve_in_thread
from tests.conformance.independent import DIFFERENT, IndependentApp, make_models
from tests.conformance.mutants import MUTANTS
from tests.conformance.sockets import MisbehavingServer
from tests.conformance.test_headers import PROXY_KEY, ProxyGate

pytestmark = pytest.mark.integration

KEY = "sk-ant-cli-" + "c" * 24
HAS_OPENAPI_CORE = importlib.util.find_spec("openapi_core") is not None
SUMMARY = re.compile(r"^\d+ passed, \d+ failed, \d+ warnings, \d+ skipped(?=: )", re.MULTILINE)


def closed_port_url() -> str:
    """A loopback URL on a port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_a_passing_target_prints_a_line_per_check_and_exits_0(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Against the reference server: one PASS line per check, the summary line, exit status 0."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", KEY)
    with serve_in_thread(api_key=KEY) as server:
        status = main([server.url])
    out = capsys.readouterr().out
    assert status == 0, out
    # The built-in catalogue has no two models released at the same instant: no tie to order.
    skipped = {"order-ties"} if HAS_OPENAPI_CORE else {"order-ties", "schema"}
    for name in ("discovery", *CHECKS):
        word = "SKIP" if name in skipped else "PASS"
        level = "contract" if name == "discovery" else CHECKS[name].level.value
        assert re.search(rf"^{re.escape(name)} +{word}  {level} +\S", out, re.MULTILINE), name
    passed = len(CHECKS) + 1 - len(skipped)
    assert SUMMARY.findall(out) == [
        f"{passed} passed, 0 failed, 0 warnings, {len(skipped)} skipped"
    ]
    assert out.splitlines()[-1].endswith(
        ": PASS [default profile: spec-level findings are warnings, --strict fails them]"
    )
    assert KEY not in out


def test_a_failing_target_exits_1_and_writes_json_and_junit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mutant: the FAIL line cites the request; --json and --junit files hold the same result."""
    mutant = next(m for m in MUTANTS if m.name == "after-id-inclusive")
    json_file, junit_file = tmp_path / "report.json", tmp_path / "report.xml"
    with serve_in_thread(mutant.app(KEY)) as server:
        status = main(
            [server.url, "--api-key", KEY, "--json", str(json_file), "--junit", str(junit_file)]
        )
    captured = capsys.readouterr()
    assert status == 1
    (line,) = [ln for ln in captured.out.splitlines() if ln.startswith("after-id ")]
    assert " FAIL  contract  after_id is inclusive" in line
    assert "[GET /v1/models?after_id=" in line and "(x-api-key) -> 200]" in line
    data = json.loads(json_file.read_text(encoding="utf-8"))
    assert "after-id" in {c["name"] for c in data["checks"] if c["status"] == "failed"}
    suite = ElementTree.parse(junit_file).getroot()
    assert int(suite.get("failures") or 0) == data["summary"]["failed"]
    for text in (captured.out, captured.err, json_file.read_text(), junit_file.read_text()):
        assert KEY not in text


def test_an_unreachable_target_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Nothing listening: status 2, 'cannot test' on stderr, and a JUnit file with one error."""
    junit_file = tmp_path / "report.xml"
    status = main(
        [closed_port_url(), "--api-key", KEY, "--timeout", "2", "--junit", str(junit_file)]
    )
    captured = capsys.readouterr()
    assert status == 2
    assert "cannot test http://127.0.0.1:" in captured.err and "unreachable" in captured.err
    assert captured.out == ""
    suite = ElementTree.parse(junit_file).getroot()
    assert suite.get("errors") == "1"


def test_no_key_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --api-key, --auth-token or their environment variables the target is untestable."""
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_AUTH_TOKEN", raising=False)
    with serve_in_thread(api_key=KEY) as server:
        status = main([server.url])
    assert status == 2
    assert "no credentials" in capsys.readouterr().err


def test_a_wrong_key_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A key the target refuses makes it untestable, and the refused key is not printed."""
    wrong = "sk-ant-wrong-" + "w" * 20
    with serve_in_thread(api_key=KEY) as server:
        status = main([server.url, "--auth-token", wrong])
    err = capsys.readouterr().err
    assert status == 2
    assert "refuses the credentials (401" in err
    assert wrong not in err


def test_only_and_skip_take_names_and_comma_lists(capsys: pytest.CaptureFixture[str]) -> None:
    """--only order,has-more --only schema --skip schema runs discovery, order and has-more."""
    with serve_in_thread(api_key=KEY) as server:
        selection = ["--only", "order,has-more", "--only", "schema", "--skip", "schema"]
        status = main([server.url, "--api-key", KEY, *selection])
    out = capsys.readouterr().out
    assert status == 0
    lines = out.splitlines()
    assert [ln.split()[0] for ln in lines[1:-2]] == ["discovery", "order", "has-more"]
    assert lines[-2].startswith("drift: none")


def test_an_unknown_check_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown check name is refused before anything is sent, listing the known names."""
    assert main(["http://127.0.0.1:9", "--api-key", KEY, "--only", "nope"]) == 2
    err = capsys.readouterr().err
    assert "unknown check(s) nope" in err and "has-more" in err


def test_list_checks_names_every_check_its_level_and_rule(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--list-checks prints each check with its level, its summary (marked when the safe profile
    runs it) and the rule it tests, with the rule's identifiers in openapi.yaml."""
    assert main(["--list-checks"]) == 0
    out = capsys.readouterr().out
    for name, check in CHECKS.items():
        safe = re.escape(" [safe profile]") if check.safe else ""
        pattern = rf"^{re.escape(name)} +{check.level.value} +{re.escape(check.summary)}{safe}$"
        assert re.search(pattern, out, re.MULTILINE), name
        assert check.rule in out
        assert all(rule in out for rule in check.rules)


def test_reference_mode_tests_an_in_process_server(capsys: pytest.CaptureFixture[str]) -> None:
    """--reference starts the reference server with a fresh key and passes."""
    assert main(["--reference", "--only", "has-more"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("testing the reference server at http://127.0.0.1:")
    assert "2 passed, 0 failed, 0 warnings, 0 skipped: PASS" in out


def test_base_url_and_reference_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    """Neither a URL nor --reference, or both, is a usage error with status 2."""
    assert main([]) == 2
    assert main(["http://127.0.0.1:9", "--reference"]) == 2
    assert capsys.readouterr().err.count("give a BASE_URL, or --reference") == 2


def test_python_dash_m_runs_the_kit_as_a_process() -> None:
    """``python -m anthropic_models.conformance`` exits 1 on a mutant and never prints the key."""
    mutant = next(m for m in MUTANTS if m.name == "bearer-refused")
    with serve_in_thread(mutant.app(KEY)) as server:
        process = subprocess.run(
            [sys.executable, "-m", "anthropic_models.conformance", server.url],
            capture_output=True,
            text=True,
            timeout=60,
            env={**_environ(), "ANTHROPIC_API_KEY": KEY},
        )
    assert process.returncode == 1, process.stderr
    assert re.search(r"^auth-schemes +FAIL", process.stdout, re.MULTILINE)
    assert KEY not in process.stdout + process.stderr


def _environ() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}


def indie(**options: object) -> IndependentApp:
    """The independent implementation, accepting KEY."""
    return IndependentApp(make_models(20), api_key=KEY, **options)  # type: ignore[arg-type]


def test_strict_fails_spec_findings_that_the_default_profile_warns(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Spec-level choices made otherwise: exit 0 with WARN lines by default, exit 1 with --strict."""
    with MisbehavingServer(indie(choices=DIFFERENT)) as server:
        default = main([server.url, "--api-key", KEY])
        out = capsys.readouterr().out
        strict = main([server.url, "--api-key", KEY, "--strict"])
        strict_out = capsys.readouterr().out
    assert (default, strict) == (0, 1)
    assert re.search(r"^repeated-params +WARN  spec ", out, re.MULTILINE)
    assert re.search(r"^repeated-params +FAIL  spec ", strict_out, re.MULTILINE)
    assert ": FAIL: " in strict_out.splitlines()[-1]
    assert "strict profile" in strict_out.splitlines()[-1]


def test_a_small_budget_is_inconclusive_with_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    """--max-requests 5 leaves most checks unevaluated: exit 3 and an INCONCLUSIVE verdict."""
    with MisbehavingServer(indie()) as server:
        status = main([server.url, "--api-key", KEY, "--max-requests", "5"])
    out = capsys.readouterr().out
    assert status == 3
    last = out.splitlines()[-1]
    assert re.match(
        r"^\d+ passed, 0 failed, 0 warnings, \d+ skipped, \d+ inconclusive: INCONCLUSIVE: ", last
    )


def test_header_reaches_a_gateway_and_its_value_stays_secret(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--header 'X-Proxy-Key: ...' is sent with every request; the value is in no output."""
    json_file = tmp_path / "report.json"
    with MisbehavingServer(ProxyGate(make_models(20), api_key=KEY)) as server:
        headers = ["--header", f"X-Proxy-Key: {PROXY_KEY}", "--header", "x-tenant: acme"]
        status = main([server.url, "--api-key", KEY, *headers, "--json", str(json_file)])
    captured = capsys.readouterr()
    assert status == 0, captured.out
    data = json.loads(json_file.read_text(encoding="utf-8"))
    assert data["headers"] == [
        {"name": "X-Proxy-Key", "value": "[REDACTED]"},
        {"name": "x-tenant", "value": "acme"},
    ]
    for text in (captured.out, captured.err, json_file.read_text(encoding="utf-8")):
        assert PROXY_KEY not in text and KEY not in text


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("no-colon-here", "expected 'Name: value'"),
        ("x-api-key: sk-1", "is a credential"),
        ("x-a: \u6a21", "not Latin-1"),
    ],
)
def test_a_bad_header_exits_2_with_one_line(
    header: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed or forbidden --header is one line on stderr and exit 2, before anything is sent."""
    with MisbehavingServer(indie()) as server:
        status = main([server.url, "--api-key", KEY, "--header", header])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and message in err
    assert server.answered == 0


@pytest.mark.parametrize("option", ["--json", "--junit"])
def test_a_report_path_that_cannot_be_written_fails_at_once(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --json or --junit path in a missing folder is exit 2 and one line, before any request."""
    bad = tmp_path / "no-such-folder" / "report.out"
    with MisbehavingServer(indie()) as server:
        status = main([server.url, "--api-key", KEY, option, str(bad)])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.startswith(f"anthropic-models conformance: error: cannot write {bad}")
    assert captured.err.count("\n") == 1 and captured.out == ""
    assert server.answered == 0


@pytest.mark.parametrize("option", ["--json", "--junit"])
def test_an_interrupted_run_leaves_the_previous_report_whole(
    option: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run interrupted (Ctrl-C) before it ends leaves the previous report file as it was."""
    import anthropic_models.conformance.cli as kit_cli

    previous = tmp_path / "report.out"
    previous.write_text("the previous report\n", encoding="utf-8")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(kit_cli, "run_conformance", interrupted)
    with pytest.raises(KeyboardInterrupt):
        main(["http://127.0.0.1:9", "--api-key", KEY, option, str(previous)])
    assert previous.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.out"]


def test_a_kit_error_is_one_line_and_inconclusive_never_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error of the kit itself (a RecursionError) is one line and exit 3, not exit 1."""
    import anthropic_models.conformance.cli as kit_cli

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(kit_cli, "run_conformance", broken)
    status = main(["http://127.0.0.1:9", "--api-key", KEY])
    err = capsys.readouterr().err
    assert status == 3
    assert err.count("\n") == 1 and "RecursionError" in err and "Traceback" not in err


def test_a_report_is_renamed_into_place_whole(tmp_path: Path) -> None:
    """The report replaces the previous file whole, and no temporary file is left beside it."""
    json_file = tmp_path / "report.json"
    json_file.write_text("old", encoding="utf-8")
    with serve_in_thread(api_key=KEY) as server:
        status = main([server.url, "--api-key", KEY, "--only", "order", "--json", str(json_file)])
    assert status == 0
    assert json.loads(json_file.read_text(encoding="utf-8"))["exit_code"] == 0
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_the_deadlines_are_options_that_bound_a_dripping_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--request-deadline ends a request whose headers drip, with one line and exit status 2."""
    from tests.conformance.hostile import HostileTarget

    def drip(target: HostileTarget, conn: socket.socket, path: str, h: dict[str, str]) -> None:
        target.drip(conn, b"HTTP/1.1 200 OK\r\nx: " + b"a" * 1000, 0.05)

    with HostileTarget(drip) as target:
        status = main(
            [target.url, "--api-key", KEY, "--request-deadline", "0.3", "--run-deadline", "5"]
        )
    err = capsys.readouterr().err
    assert status == 2
    assert "request deadline (0.3 s" in err and err.count("\n") == 1


@pytest.mark.parametrize("argv", [["--list-checks"], ["--reference", "--only", "order"]])
def test_output_cut_short_ends_quietly(argv: list[str]) -> None:
    """A reader that has gone (``| head``): no traceback, status 141 as for a Unix tool."""
    import os

    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "anthropic_models.conformance", *argv],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env=_environ(),
        )
    finally:
        os.close(write)
    assert "Traceback" not in done.stderr and done.stderr == ""
    assert done.returncode == 128 + signal.SIGPIPE


def test_an_ascii_terminal_gets_escapes_not_a_traceback() -> None:
    """PYTHONIOENCODING=ascii: non-ASCII text in the report is escaped, the status kept."""
    with MisbehavingServer(indie(choices=DIFFERENT)) as server:
        done = subprocess.run(
            [sys.executable, "-m", "anthropic_models.conformance", server.url, "--api-key", KEY],
            capture_output=True,
            text=True,
            timeout=120,
            env={**_environ(), "PYTHONIOENCODING": "ascii"},
        )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "\\u2026" in done.stdout or done.stdout.isascii()


def test_help_states_the_levels_and_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    """--help ends with the levels and the four exit statuses."""
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "exit status: 0 pass, 1 fail, 2 cannot test, 3 inconclusive" in out
    assert "--strict" in out and "--header" in out


def test_one_file_for_both_reports_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json and --junit naming the same file is exit 2 before anything is sent or written."""
    same = tmp_path / "report.out"
    with MisbehavingServer(indie()) as server:
        status = main([server.url, "--api-key", KEY, "--json", str(same), "--junit", str(same)])
    assert status == 2
    assert "name the same file" in capsys.readouterr().err
    assert server.answered == 0 and not same.exists()
