"""The conformance kit against Schemathesis on the same mutants: which bugs each catches, how fast.

``python bench/compare_schemathesis.py [--max-examples N] [--only MUTANT ...] [--output FILE]``,
or ``nox -s compare-schemathesis``. Needs the package (with the validation extra) and Schemathesis
(the ``schemathesis`` dependency group) in the running Python.

For the correct reference server and each mutant of ``tests/conformance/mutants.py`` (started in
this process on a free loopback port), both tools run as a user types them, each a fresh process:

* ``python -m anthropic_models.conformance URL --strict`` (the key in ``$ANTHROPIC_API_KEY``;
  strict, as Schemathesis holds the target to the whole spec; the table states the level of each
  mutant: a spec-level one is only a warning in the kit's default profile);
* ``st run openapi.yaml --url URL --header "x-api-key: KEY" --checks all --max-examples N --seed S``
  with the project's ``tests/schemathesis.toml`` (without it Schemathesis flags the correct
  server: the spec states in prose that an unknown cursor is a 400).

Exit status 1 is "caught", 0 "not caught" (3, the kit's "inconclusive", is shown as such);
anything else is a crash and stops the run. Writes the
markdown table to ``--output`` (default ``bench/results/schemathesis_comparison.md``) and prints it.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from anthropic_models.server import ModelsApp, serve_in_thread  # noqa: E402
from tests.conformance.mutants import MUTANTS, Mutant  # noqa: E402

KEY = "sk-ant-compare-" + "0" * 24
SEED = "20261021"
DEFAULT_OUTPUT = ROOT / "bench" / "results" / "schemathesis_comparison.md"
_ST_CHECK = re.compile(r"^- (ST\d+ [^(\n]+?)(?: \(\d+ violations?\))?$", re.MULTILINE)


class CompareError(Exception):
    """A tool crashed (an exit status other than 0 or 1)."""


def _st_executable(given: Optional[str]) -> str:
    candidates = [given, str(Path(sys.executable).with_name("st")), shutil.which("st")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    raise CompareError("Schemathesis is not installed: pip install the `schemathesis` group")


def _run(
    command: list[str], cwd: str, verdicts: tuple[int, ...] = (0, 1)
) -> tuple[float, int, str]:
    env = {**os.environ, "ANTHROPIC_API_KEY": KEY, "NO_COLOR": "1"}
    env.pop("ANTHROPIC_AUTH_TOKEN", None)
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode not in verdicts:
        tail = (done.stdout + done.stderr).strip()[-1500:]
        raise CompareError(f"{Path(command[0]).name} exited {done.returncode}: {tail}")
    return seconds, done.returncode, done.stdout


def _kit(url: str, cwd: str) -> tuple[float, int, list[str]]:
    report = Path(cwd) / "kit.json"
    command = [sys.executable, "-m", "anthropic_models.conformance", url, "--strict"]
    seconds, status, _ = _run([*command, "--json", str(report)], cwd, verdicts=(0, 1, 3))
    checks = json.loads(report.read_text(encoding="utf-8"))["checks"]
    return seconds, status, [c["name"] for c in checks if c["status"] == "failed"]


def _schemathesis(st: str, url: str, cwd: str, max_examples: int) -> tuple[float, int, list[str]]:
    command = [
        st,
        *("--config-file", str(ROOT / "tests" / "schemathesis.toml")),
        *("run", str(ROOT / "openapi.yaml"), "--url", url),
        *("--header", f"x-api-key: {KEY}", "--checks", "all"),
        *("--max-examples", str(max_examples), "--seed", SEED),
        *("--generation-database", "none", "--no-color"),
    ]
    seconds, status, out = _run(command, cwd)
    found = sorted({match.group(1).strip() for match in _ST_CHECK.finditer(out)})
    return seconds, status, found


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()}, Python {platform.python_version()}"


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def compare(
    mutants: list[Mutant], max_examples: int, st: str, log: bool = True
) -> tuple[list[str], dict[str, float]]:
    """The table's rows and the totals, for the correct server and each mutant."""
    rows: list[str] = []
    kit_times: list[float] = []
    st_times: list[float] = []
    caught = {"kit": 0, "st": 0}
    subjects: list[tuple[str, str, Optional[Mutant]]] = [
        ("(correct server)", "none: must pass", None),
        *((m.name, f"{m.bug} ({m.level})", m) for m in mutants),
    ]
    with tempfile.TemporaryDirectory(prefix="compare-st-") as cwd:
        for name, bug, mutant in subjects:
            app = ModelsApp(api_key=KEY) if mutant is None else mutant.app(KEY)
            with serve_in_thread(app) as server:
                kit_s, kit_status, kit_failed = _kit(server.url, cwd)
                st_s, st_status, st_failed = _schemathesis(st, server.url, cwd, max_examples)
            kit_times.append(kit_s)
            st_times.append(st_s)
            if mutant is None:
                kit_cell = {
                    0: "passes",
                    1: "FALSE POSITIVE: " + ", ".join(kit_failed),
                    3: "inconclusive",
                }[kit_status]
                st_cell = "passes" if st_status == 0 else "FALSE POSITIVE: " + ", ".join(st_failed)
            else:
                caught["kit"] += kit_status == 1
                caught["st"] += st_status == 1
                kit_cell = {
                    0: "missed",
                    1: "**caught**: " + ", ".join(kit_failed),
                    3: "inconclusive",
                }[kit_status]
                st_cell = "**caught**: " + ", ".join(st_failed) if st_status else "missed"
            rows.append(f"| {name} | {bug} | {kit_cell} | {kit_s:.2f} | {st_cell} | {st_s:.2f} |")
            if log:
                print(f"{name}: kit {kit_status} ({kit_s:.2f} s), st {st_status} ({st_s:.2f} s)")
    totals = {
        "kit_caught": caught["kit"],
        "st_caught": caught["st"],
        "kit_total": sum(kit_times),
        "st_total": sum(st_times),
        "kit_median": statistics.median(kit_times),
        "st_median": statistics.median(st_times),
    }
    return rows, totals


def main(argv: Optional[list[str]] = None) -> int:
    """Run the comparison, write and print the table; 0 when it ran, 2 when a tool crashed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--max-examples", type=int, default=50, help="Schemathesis --max-examples")
    parser.add_argument("--only", nargs="+", metavar="MUTANT", help="only these mutants")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the markdown file")
    parser.add_argument("--st", help="the Schemathesis executable (default: next to python)")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)  # the 500 mutants log their crashes: not the table's business
    mutants = [m for m in MUTANTS if not args.only or m.name in args.only]
    try:
        st = _st_executable(args.st)
        started = time.perf_counter()
        rows, totals = compare(mutants, args.max_examples, st)
    except CompareError as exc:
        print(f"compare_schemathesis: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    count = len(mutants)
    lines = [
        f"Measured on {_machine()}; anthropic-models {_version('anthropic-models')}, "
        f"Schemathesis {_version('schemathesis')} (kit `--strict`; `--checks all --max-examples "
        f"{args.max_examples} --seed {SEED}`, `tests/schemathesis.toml`); each tool a fresh "
        f"process per server; {elapsed:.0f} s in all.",
        "",
        "| mutant | bug | conformance kit (failed checks) | kit s | Schemathesis (failed checks) | st s |",
        "|---|---|---|---:|---|---:|",
        *rows,
        f"| **caught** | {count} mutants | **{totals['kit_caught']} / {count}** | "
        f"{totals['kit_total']:.1f} total, {totals['kit_median']:.2f} median | "
        f"**{totals['st_caught']} / {count}** | "
        f"{totals['st_total']:.1f} total, {totals['st_median']:.2f} median |",
    ]
    table = "\n".join(lines) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
