"""Memory: peak RSS of an ``iter_models`` walk of 5,000 and of 100,000 models, against a process
that only imports the package and makes one request (the baseline); and of the command line's
``list --all --json`` of the same catalogues, which streams (its peak must not grow either).

Each measure is a fresh process (``bench/_rss_probe.py``) reporting its peak RSS (``VmHWM``;
``ru_maxrss`` would include the parent's). A lazy walk holds one page at a time, so its peak must
not grow with the catalogue.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path

from bench._common import API_KEY, BenchError, Figure, Settings, compare, reference_server

NAME = "memory"
_PROBE = Path(__file__).with_name("_rss_probe.py")


def _probe(url: str, mode: str, expected: int) -> float:
    """Peak RSS in MB of one probe process."""
    done = subprocess.run(
        [sys.executable, str(_PROBE), url, mode, API_KEY],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"the RSS probe failed: {done.stderr.strip()[-800:]}")
    report = json.loads(done.stdout)
    if report["models"] != expected:
        raise BenchError(f"the probe walked {report['models']} models, not {expected}")
    return float(report["peak_rss_bytes"]) / 1e6


def run(settings: Settings) -> list[Figure]:
    small, large = settings.size(5_000, 2_000), settings.size(100_000, 10_000)
    baseline = Figure(NAME, "import + connect + one request (baseline)", "MB")
    walks = {
        size: Figure(NAME, f"`iter_models` walk of {size:,} models", "MB")
        for size in (small, large)
    }
    clis = {
        size: Figure(NAME, f"`list --all --json` of {size:,} models (streamed)", "MB")
        for size in (small, large)
    }
    with contextlib.ExitStack() as stack:
        urls = {
            size: stack.enter_context(reference_server("--synthetic", str(size)))
            for size in (small, large)
        }
        for _ in range(settings.rounds):
            baseline.samples.append(_probe(urls[small], "connect", 0))
            for size, url in urls.items():
                walks[size].samples.append(_probe(url, "walk", size))
                clis[size].samples.append(_probe(url, "cli", 0))
    compare(walks[small], baseline, "x baseline")
    compare(walks[large], walks[small], f"x the {small:,} walk (flat: 1x)", at_most=1.05)
    for figure in walks.values():
        figure.note = f"+{figure.value - baseline.value:.1f} MB over the baseline"
    compare(clis[large], clis[small], f"x the {small:,} listing (flat: 1x)", at_most=1.05)
    baseline.note = "peak RSS, MB = 10^6 bytes"
    return [baseline, *walks.values(), *clis.values()]
