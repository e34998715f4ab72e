"""Conformance: a full run of the conformance kit against Schemathesis, on the same local server.

Both run as the command a user types, each a fresh process, against one reference server (the
built-in catalogue, one accepted key): ``python -m anthropic_models.conformance URL`` and
``st run openapi.yaml`` with the project's Schemathesis settings (``tests/schemathesis.toml``,
every check), bounded by ``--max-examples``. Exit status 0 (passed) and 1 (found failures) are
both results (and 3, the kit's "inconclusive"); anything else is a crash. While the kit is not installed its figure is missing.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._common import API_KEY, ROOT, BenchError, Figure, Settings, compare, reference_server

NAME = "conformance"
MAX_EXAMPLES = 100
SEED = "20261021"


def kit_available() -> bool:
    """Whether ``python -m anthropic_models.conformance`` exists in this environment."""
    try:
        return importlib.util.find_spec("anthropic_models.conformance.__main__") is not None
    except ImportError:
        return False


def _kit_command(url: str) -> list[str]:
    return [sys.executable, "-m", "anthropic_models.conformance", url]  # key: $ANTHROPIC_API_KEY


def _schemathesis_command(url: str, max_examples: int) -> list[str]:
    st = Path(sys.executable).with_name("st")
    if not st.exists():
        raise BenchError("Schemathesis is not installed: install the bench dependency group")
    return [
        str(st),
        *("--config-file", str(ROOT / "tests" / "schemathesis.toml")),
        *("run", str(ROOT / "openapi.yaml"), "--url", url),
        *("--header", f"x-api-key: {API_KEY}", "--checks", "all"),
        *("--max-examples", str(max_examples), "--seed", SEED),
        *("--generation-database", "none", "--no-color"),
    ]


def _summary(output: str) -> str:
    """The line that counts what was run: the kit's last line, Schemathesis' test cases."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for number, line in enumerate(lines):
        if line.startswith("Test cases:") and number + 1 < len(lines):
            return "test cases: " + lines[number + 1]
    return lines[-1] if lines else ""


def _timed_run(command: list[str], cwd: str) -> tuple[float, int, str]:
    env = {**os.environ, "ANTHROPIC_API_KEY": API_KEY, "NO_COLOR": "1"}
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1, 3):
        output = (done.stdout + done.stderr).strip()[-1200:]
        raise BenchError(f"{command[0]} ... exited {done.returncode}: {output}")
    return seconds, done.returncode, _summary(done.stdout)


def run(settings: Settings) -> list[Figure]:
    max_examples = settings.size(MAX_EXAMPLES, 10)
    kit = Figure(NAME, "conformance kit, full run (`python -m anthropic_models.conformance`)", "s")
    st = Figure(NAME, f"Schemathesis `st run`, all checks, --max-examples {max_examples}", "s")
    statuses: dict[str, set[int]] = {"kit": set(), "st": set()}
    summaries: dict[str, str] = {}
    has_kit = kit_available()
    if not has_kit:
        kit.missing = (
            "the conformance kit is not installed yet (no anthropic_models.conformance.__main__)"
        )
    with reference_server() as url, tempfile.TemporaryDirectory(prefix="bench-st-") as cwd:
        commands = {"st": _schemathesis_command(url, max_examples)}
        if has_kit:
            commands["kit"] = _kit_command(url)
        figures = {"kit": kit, "st": st}
        for _ in range(settings.rounds):
            for key, command in commands.items():
                seconds, status, summaries[key] = _timed_run(command, cwd)
                figures[key].samples.append(seconds)
                statuses[key].add(status)
    for key, figure in figures.items():
        if statuses[key]:
            words = {0: "passed", 1: "reported failures", 3: "inconclusive"}
            exits = ", ".join(words[status] for status in sorted(statuses[key]))
            figure.note = f"{summaries[key]} ({exits})"
    if has_kit:
        compare(st, kit, "x kit (Schemathesis / kit)")
    return [kit, st]
