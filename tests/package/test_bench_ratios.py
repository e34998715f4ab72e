"""Regression guards for the figures of ``nox -s bench`` that can be timed safely on a loaded machine.

Each is a ratio against its floor measured in the same run (never an absolute time), the best of
several tries, held to three times the bench's target: they catch a return of the old costs
(``--help`` importing the client, a decode several times slower), not a few per cent.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Callable

from anthropic_models import _codec
from anthropic_models_generated.models import ListModelsResponse
from bench import bench_cli, bench_decode

MARGIN = 3
"""How far above the bench's target a figure may go here before the test fails."""


def _best(function: Callable[[], object], tries: int, clock: Callable[[], float]) -> float:
    """The shortest of ``tries`` runs of ``function``: the run least disturbed by other load."""
    times = []
    for _ in range(tries):
        started = clock()
        function()
        times.append(clock() - started)
    return min(times)


def _process(*argv: str) -> Callable[[], object]:
    def start() -> object:
        return subprocess.run([sys.executable, *argv], capture_output=True, check=True, timeout=60)

    return start


def test_help_starts_within_a_few_interpreter_start_ups() -> None:
    """`anthropic-models --help` takes at most 3x the bench's target times `python -c pass`."""
    floor = _process("-c", "pass")
    help_ = _process("-m", "anthropic_models", "--help")
    help_()  # bytecode caches
    ratio = min(
        _best(help_, 3, time.perf_counter) / _best(floor, 3, time.perf_counter) for _ in range(3)
    )
    assert ratio <= MARGIN * bench_cli.HELP_TARGET, f"--help took {ratio:.1f}x python -c pass"


def test_decoding_a_page_stays_near_json_loads() -> None:
    """Decoding a 1,000-model page takes at most 3x the bench's target times `json.loads`."""
    body = bench_decode.page_body()
    decoded = _codec.decode(body, ListModelsResponse)
    assert len(decoded.data) == bench_decode.PAGE == len(json.loads(body)["data"])
    floor = _best(lambda: json.loads(body), 7, time.process_time)
    ours = _best(lambda: _codec.decode(body, ListModelsResponse), 7, time.process_time)
    ratio = ours / floor
    assert ratio <= MARGIN * bench_decode.TARGET, f"decode took {ratio:.1f}x json.loads"
