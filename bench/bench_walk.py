"""Full walk of the catalogue, ``limit=1000``: ``iter_models`` against raw urllib3 + ``json.loads``
(the floor) and the official SDK's auto-pagination, over the same pages of the same server.

The server runs in its own process, and so does each subject's client (``bench/_walker.py``), so
that no client shares a GIL with the server or pays for another's heap and imports. Each round
asks each subject for one whole walk, in a rotating order; clients are built and warmed up (one
page) before the first round.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench._common import (
    API_KEY,
    BenchError,
    Figure,
    Settings,
    compare,
    read_line,
    reference_server,
    stop_process,
)

NAME = "walk"
_WALKER = Path(__file__).with_name("_walker.py")
LABELS = {
    "floor": "raw urllib3 + `json.loads` (the floor)",
    "ours": "`iter_models(limit=1000, lifecycle=all)`",
    "sdk": "SDK `client.models.list(limit=1000, lifecycle=all)`",
}


def _start(subject: str, url: str, size: int) -> subprocess.Popen[str]:
    command = [sys.executable, str(_WALKER), subject, url, str(size), API_KEY]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = read_line(process, 120)
    if line.strip() != "ready":
        stop_process(process)
        raise BenchError(f"the {subject} walker did not start: {line!r}")
    return process


def _walk(process: subprocess.Popen[str], size: int) -> float:
    assert process.stdin is not None
    process.stdin.write("walk\n")
    process.stdin.flush()
    line = read_line(process, 600)
    try:
        report = json.loads(line)
    except ValueError:
        raise BenchError(f"a walker failed: {line!r}") from None
    if report["models"] != size:
        raise BenchError(f"a walker walked {report['models']} models of {size}")
    return float(report["seconds"])


def run(settings: Settings) -> list[Figure]:
    figures: list[Figure] = []
    for size in (settings.size(5_000, 2_000), settings.size(100_000, 10_000)):
        walk = {
            key: Figure(NAME, f"{size:,} models: {label}", "s") for key, label in LABELS.items()
        }
        with reference_server("--synthetic", str(size)) as url:
            workers: dict[str, subprocess.Popen[str]] = {}
            try:
                for key in LABELS:
                    workers[key] = _start(key, url, size)
                keys = list(LABELS)
                for turn in range(settings.rounds):
                    for key in keys[turn % 3 :] + keys[: turn % 3]:
                        walk[key].samples.append(_walk(workers[key], size))
            finally:
                for process in workers.values():
                    stop_process(process)
        compare(walk["ours"], walk["floor"], "x floor", at_most=1.5)
        compare(walk["sdk"], walk["floor"], "x floor")
        walk["sdk"].note = f"{walk['sdk'].value / walk['ours'].value:.1f}x ours"
        for figure in walk.values():
            rate = f"{size / figure.value:,.0f} models/s"
            figure.note = f"{rate}; {figure.note}" if figure.note else rate
        figures.extend(walk.values())
    return figures
