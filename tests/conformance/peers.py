"""Real peers: the conformance kit and Schemathesis against Prism serving openapi.yaml.

``nox -s peers`` (not in the default list), or ``python tests/conformance/peers.py [--output FILE]
[--max-examples N] [--prism-version V]`` in a Python that has the package (validation extra) and
Schemathesis (the ``schemathesis`` dependency group), with node and npm on PATH.

It installs Prism (npm ``@stoplight/prism-cli``, pinned) into a temporary folder, serves
``openapi.yaml`` on free loopback ports in static mode (the spec's examples) and dynamic mode
(data generated from the schemas), and on each:

* runs the kit as a user types it (``python -m anthropic_models.conformance URL --json FILE``); when
  the peer stops answering, the peer is restarted and the kit run again without the check that
  stopped it, so that the table shows what else it finds;
* runs ``st run openapi.yaml`` with every check;
* (static mode) asks for each documented error status of each operation with Prism's
  ``Prefer: code=N`` header and checks that the answer has that status and that status's own
  ``error.type`` (the spec gives each error response its own example).

It writes a markdown table (tool, peer, checks passed/failed/warned, what it found, seconds) to
``--output`` and prints it. Exit status 0 when every tool ran to a verdict without crashing and
every error status came back with its own type; 1 when one did not (the kit crashed, a wrong error
type); 2 when Prism could not be installed or started.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

import attrs
import urllib3

from anthropic_models.conformance.report import one_line

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from anthropic_models.conformance.pages import ERROR_TYPES  # noqa: E402
from anthropic_models_generated.spec import SPEC  # noqa: E402

PRISM_PACKAGE = "@stoplight/prism-cli"
PRISM_VERSION = "5.16.0"
KEY = "sk-ant-peers-" + "0" * 24
SEED = "20261021"
START_SECONDS = 90.0
_ST_FAILURE = re.compile(r"^\s*\S*\s*(ST\d+ [^:\n]+): (\d+)\s*$", re.MULTILINE)
_ST_CASES = re.compile(r"^Test cases:\s*\n\s*(.+)$", re.MULTILINE)


class PeerError(Exception):
    """A peer could not be installed or started (exit status 2)."""


@attrs.frozen
class Run:
    """One tool's run on one peer."""

    tool: str
    peer: str
    seconds: float
    exit_code: int
    counts: str
    findings: tuple[str, ...]
    crashed: Optional[str] = None


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def install_prism(folder: Path, version: str) -> Path:
    """``npm install`` Prism into ``folder``; its executable."""
    npm = shutil.which("npm")
    if npm is None:
        raise PeerError("npm is not on PATH: install node and npm to run the peers")
    command = [npm, "install", "--no-audit", "--no-fund", "--prefix", str(folder)]
    done = subprocess.run(
        [*command, f"{PRISM_PACKAGE}@{version}"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    prism = folder / "node_modules" / ".bin" / "prism"
    if done.returncode != 0 or not prism.exists():
        raise PeerError(f"npm install {PRISM_PACKAGE}@{version} failed: {done.stderr[-800:]}")
    return prism


class Prism:
    """``prism mock openapi.yaml`` on a free loopback port, static or dynamic; restartable."""

    def __init__(self, prism: Path, dynamic: bool, log: Path) -> None:
        self.prism = prism
        self.dynamic = dynamic
        self.log = log
        self.process: Optional[subprocess.Popen[bytes]] = None
        self.url = ""

    @property
    def name(self) -> str:
        return f"Prism {'dynamic (-d)' if self.dynamic else 'static'}"

    def start(self) -> None:
        port = free_port()
        command = [str(self.prism), "mock", str(ROOT / "openapi.yaml"), "-h", "127.0.0.1"]
        command += ["-p", str(port), *(["-d"] if self.dynamic else [])]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_SECONDS
        with urllib3.PoolManager() as pool:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise PeerError(f"{self.name} exited at start: see {self.log}")
                try:
                    pool.request("GET", self.url + "/v1/models", retries=False, timeout=2)
                    return
                except urllib3.exceptions.HTTPError:
                    time.sleep(0.5)
        self.stop()
        raise PeerError(f"{self.name} did not answer within {START_SECONDS:g} s: see {self.log}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)

    def __enter__(self) -> Prism:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    return {**env, "ANTHROPIC_API_KEY": KEY, "NO_COLOR": "1"}


def run_kit(url: str, peer: str, work: Path, *options: str) -> Run:
    """The kit as a user runs it; a crash (a status outside 0-3, a traceback) is reported."""
    report = work / f"kit-{free_port()}.json"
    command = [sys.executable, "-m", "anthropic_models.conformance", url, "--json", str(report)]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, *options],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        env=_environment(),
    )
    seconds = time.perf_counter() - started
    label = "conformance kit" + (f" ({' '.join(options)})" if options else "")
    if done.returncode not in (0, 1, 2, 3) or "Traceback" in done.stderr:
        tail = (done.stdout + done.stderr).strip()[-600:]
        return Run(label, peer, seconds, done.returncode, "-", (), crashed=tail)
    if done.returncode == 2:
        return Run(label, peer, seconds, 2, "cannot test", (done.stderr.strip()[:300],))
    data = json.loads(report.read_text(encoding="utf-8"))
    summary = data["summary"]
    counts = f"{summary['passed']} / {summary['failed']} / {summary['warned']}"
    rest = [
        f"{summary[name]} {name.replace('_', ' ')}"
        for name in ("skipped", "inconclusive", "not_run")
        if summary[name]
    ]
    if rest:
        counts += f" ({', '.join(rest)})"
    findings = tuple(
        f"{c['status']} {c['name']} ({c['level']}): {c['reason']}"
        for c in data["checks"]
        if c["status"] in ("failed", "warned")
    )
    return Run(label, peer, seconds, done.returncode, counts, findings)


def stopping_check(run: Run) -> Optional[str]:
    """The check during which the peer stopped answering, from the kit's findings."""
    for finding in run.findings:
        match = re.match(r"failed (\S+) \(\w+\): the target stopped answering", finding)
        if match:
            return match.group(1)
    return None


def run_schemathesis(url: str, peer: str, work: Path, max_examples: int) -> Run:
    """``st run openapi.yaml`` with every check, the project's settings and a fixed seed."""
    st = Path(sys.executable).with_name("st")
    if not st.exists():
        return Run("Schemathesis", peer, 0.0, -1, "-", (), crashed="st is not installed")
    command = [
        str(st),
        *("--config-file", str(ROOT / "tests" / "schemathesis.toml")),
        *("run", str(ROOT / "openapi.yaml"), "--url", url),
        *("--header", f"x-api-key: {KEY}", "--checks", "all"),
        *("--max-examples", str(max_examples), "--seed", SEED),
        *("--generation-database", "none", "--no-color"),
    ]
    started = time.perf_counter()
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
        cwd=work,
        env=_environment(),
    )
    seconds = time.perf_counter() - started
    label = f"Schemathesis (--max-examples {max_examples})"
    if done.returncode not in (0, 1):
        tail = (done.stdout + done.stderr).strip()[-600:]
        return Run(label, peer, seconds, done.returncode, "-", (), crashed=tail)
    found = tuple(f"{m.group(1).strip()}: {m.group(2)}" for m in _ST_FAILURE.finditer(done.stdout))
    cases = _ST_CASES.search(done.stdout)
    counts = cases.group(1).strip() if cases else "-"
    return Run(label, peer, seconds, done.returncode, counts, found)


def documented_errors() -> list[tuple[str, str, int, str]]:
    """(operation, path to request, status, the example's error.type) for each error response."""
    rows = []
    for path, item in SPEC["paths"].items():
        operation = item["get"]
        concrete = path.replace("{model_id}", "claude-opus-4-5")
        for status, response in operation["responses"].items():
            if not status.isdigit() or int(status) < 400:
                continue
            while "$ref" in response:
                response = SPEC["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
            example = response["content"]["application/json"]["example"]
            rows.append((operation["operationId"], concrete, int(status), example["error"]["type"]))
    return rows


def check_error_types(url: str) -> list[tuple[str, int, str, bool]]:
    """Each documented error status asked for with ``Prefer: code=N``: (operation, status, what came
    back, right) -- right when it has that status and that status's documented ``error.type``."""
    results = []
    with urllib3.PoolManager() as pool:
        for operation, path, status, example_type in documented_errors():
            headers = {"x-api-key": KEY, "Prefer": f"code={status}"}
            try:
                response = pool.request("GET", url + path, headers=headers, retries=False)
                body: Any = json.loads(response.data)
                got = body["error"]["type"]
                right = (
                    response.status == status
                    and got == example_type
                    and got in ERROR_TYPES.get(status, (got,))
                )
                shown = f"{response.status} {got}"
            except (urllib3.exceptions.HTTPError, ValueError, KeyError, TypeError) as exc:
                right, shown = False, f"no error body ({type(exc).__name__})"
            results.append((operation, status, shown, right))
    return results


def _grouped(findings: tuple[str, ...]) -> str:
    """``fail (contract): a, b; warn (spec): c`` from the kit's findings (others: as they are)."""
    groups: dict[str, list[str]] = {}
    for finding in findings:
        head = finding.split(":", 1)[0]
        match = re.match(r"(failed|warned) (\S+) \((\w+)\)$", head)
        if match:
            status, name, level = match.groups()
            groups.setdefault(f"{status[:4]} ({level})", []).append(name)
        else:
            groups.setdefault("", []).append(head)
    parts = [
        f"{key}: {', '.join(names)}" if key else ", ".join(names) for key, names in groups.items()
    ]
    return "; ".join(parts) if parts else "nothing"


def table(
    runs: list[Run],
    errors: list[tuple[str, int, str, bool]],
    elapsed: float,
    version: str = PRISM_VERSION,
) -> str:
    """The markdown table of the runs, one line per finding, and the error-type check."""
    lines = [
        f"Prism {PRISM_PACKAGE}@{version} serving openapi.yaml; each tool a fresh process; "
        f"{elapsed:.0f} s in all. Kit counts: passed / failed / warned.",
        "",
        "| tool | peer | checks passed / failed / warned | exit | found | s |",
        "|---|---|---|---:|---|---:|",
    ]
    for run in runs:
        found = (
            f"**CRASHED**: {one_line(run.crashed, 200)}" if run.crashed else _grouped(run.findings)
        )
        cell = found.replace("|", "\\|").replace("\n", " ")
        lines.append(
            f"| {run.tool} | {run.peer} | {run.counts} | {run.exit_code} | {cell} | "
            f"{run.seconds:.1f} |"
        )
    lines += ["", "Findings, one line each:", ""]
    for run in runs:
        for finding in run.findings:
            text = " ".join(finding.split())
            lines.append(f"- {run.peer}, {run.tool}: {one_line(text, 300)}")
    wrong = [row for row in errors if not row[3]]
    lines += [
        "",
        f"Prism static, `Prefer: code=N` for each documented error status: "
        f"{len(errors) - len(wrong)} of {len(errors)} answered with their own `error.type`.",
        "",
        "| operation | status | answer | own type |",
        "|---|---:|---|---|",
        *(
            f"| {operation} | {status} | {shown} | {'yes' if right else '**no**'} |"
            for operation, status, shown, right in errors
        ),
    ]
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    """Install Prism, run both tools on both modes, write and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--output", type=Path, help="write the markdown table here too")
    parser.add_argument("--max-examples", type=int, default=50, help="Schemathesis --max-examples")
    parser.add_argument("--prism-version", default=PRISM_VERSION)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    runs: list[Run] = []
    errors: list[tuple[str, int, str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="peers-") as folder:
        work = Path(folder)
        try:
            prism = install_prism(work / "prism", args.prism_version)
            for dynamic in (False, True):
                with Prism(prism, dynamic, work / "prism.log") as peer:
                    print(f"{peer.name} at {peer.url}", flush=True)
                    kit = run_kit(peer.url, peer.name, work)
                    runs.append(kit)
                    stopped = stopping_check(kit)
                    if stopped:  # what else does the kit find, once the peer is back?
                        peer.stop()
                        peer.start()
                        runs.append(run_kit(peer.url, peer.name, work, "--skip", stopped))
                    peer.stop()
                    peer.start()
                    runs.append(run_schemathesis(peer.url, peer.name, work, args.max_examples))
                    if not dynamic:
                        peer.stop()
                        peer.start()
                        errors = check_error_types(peer.url)
        except PeerError as exc:
            print(f"peers: {exc}", file=sys.stderr)
            return 2
    text = table(runs, errors, time.perf_counter() - started, args.prism_version)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    print(text)
    crashed = [run for run in runs if run.crashed]
    for run in crashed:
        print(f"peers: {run.tool} crashed on {run.peer}: {run.crashed}", file=sys.stderr)
    wrong = [row for row in errors if not row[3]]
    if wrong or not errors:
        print(f"peers: {len(wrong)} error statuses without their own type", file=sys.stderr)
    return 1 if crashed or wrong or not errors else 0


if __name__ == "__main__":
    sys.exit(main())
