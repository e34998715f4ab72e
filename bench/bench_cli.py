"""Command-line start-up: ``anthropic-models --help`` and ``list`` against ``python -c pass``.

Each command runs as its own process (``python -m anthropic_models ...``), timed from outside:
what a user waits for. ``list`` asks one page of the reference server (its own process), so its
figure includes one request; ``--help`` makes none. Both load only what the command uses (not the
server, not the conformance kit).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench._common import API_KEY, BenchError, Figure, Settings, compare, reference_server

NAME = "cli"
HELP_TARGET = 5
"""``--help`` start-up, at most this many times ``python -c pass`` (issue 20)."""


def _once(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=120, check=False, env=env
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchError(f"{' '.join(command[1:])} failed: {done.stderr.strip()[-300:]}")
    return seconds * 1000


def run(settings: Settings) -> list[Figure]:
    rounds = max(settings.rounds, 7)
    env = {**os.environ, "ANTHROPIC_API_KEY": API_KEY}
    floor = Figure(NAME, "`python -c pass` (the floor)", "ms")
    help_ = Figure(NAME, "`anthropic-models --help`", "ms")
    listing = Figure(NAME, "`anthropic-models list --limit 5` (one request)", "ms")
    with reference_server("--synthetic", "100") as url:
        commands = {
            "floor": (floor, [sys.executable, "-c", "pass"]),
            "help": (help_, [sys.executable, "-m", "anthropic_models", "--help"]),
            "list": (
                listing,
                [
                    sys.executable,
                    "-m",
                    "anthropic_models",
                    "list",
                    "--limit",
                    "5",
                    "--base-url",
                    url,
                ],
            ),
        }
        for _, command in commands.values():
            _once(command, env)  # warm-up: bytecode caches
        keys = list(commands)
        for turn in range(rounds):
            for key in keys[turn % 3 :] + keys[: turn % 3]:
                figure, command = commands[key]
                figure.samples.append(_once(command, env))
    compare(help_, floor, "x python -c pass", at_most=HELP_TARGET)
    compare(listing, floor, "x python -c pass")
    floor.note = "interpreter start-up alone"
    return [floor, help_, listing]
