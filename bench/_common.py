"""What every benchmark shares: figures, the run's settings, the machine, reference servers."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import importlib.metadata
import json
import os
import platform
import selectors
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterator, Optional

from anthropic_models_generated.transport import LIST_MODELS

ROOT = Path(__file__).resolve().parent.parent
API_KEY = "sk-ant-bench"
ANTHROPIC_VERSION = str(LIST_MODELS.parameter("anthropic_version").default)
HEADERS = {"x-api-key": API_KEY, "anthropic-version": ANTHROPIC_VERSION}


class BenchError(Exception):
    """A benchmark could not produce its figures (a crash, not a slow number)."""


@dataclasses.dataclass
class Figure:
    """One measure of one subject: its samples, and how it compares with its reference."""

    benchmark: str
    measure: str
    unit: str
    samples: list[float] = dataclasses.field(default_factory=list)
    ratio: Optional[float] = None
    """This figure against its reference (``ratio_of``), as a ratio of times or sizes."""
    ratio_of: str = ""
    target: str = ""
    met: Optional[bool] = None
    note: str = ""
    missing: str = ""
    """Why the figure could not be measured (a missing figure fails the run)."""

    @property
    def median(self) -> Optional[float]:
        return statistics.median(self.samples) if self.samples else None

    @property
    def value(self) -> float:
        """The median, which must exist."""
        if not self.samples:
            raise BenchError(f"no samples for {self.measure!r}")
        return statistics.median(self.samples)

    @property
    def low(self) -> Optional[float]:
        return min(self.samples) if self.samples else None

    @property
    def high(self) -> Optional[float]:
        return max(self.samples) if self.samples else None

    def to_dict(self) -> dict[str, object]:
        data = dataclasses.asdict(self)
        data.update(median=self.median, min=self.low, max=self.high, n=len(self.samples))
        return data


def ratio(numerator: Figure, denominator: Figure) -> float:
    """The ratio of two figures' medians."""
    bottom = denominator.value
    if bottom == 0:
        raise BenchError(f"cannot compare {numerator.measure!r} with {denominator.measure!r}")
    return numerator.value / bottom


def compare(
    figure: Figure,
    reference: Figure,
    label: str,
    *,
    at_most: Optional[float] = None,
    at_least: Optional[float] = None,
    invert: bool = False,
) -> None:
    """Set ``figure.ratio`` against ``reference`` (``invert``: reference over figure) and judge the target."""
    figure.ratio = ratio(reference, figure) if invert else ratio(figure, reference)
    figure.ratio_of = label
    if at_most is not None:
        figure.target = f"<= {at_most:g}x"
        figure.met = figure.ratio <= at_most
    elif at_least is not None:
        figure.target = f">= {at_least:g}x"
        figure.met = figure.ratio >= at_least


@dataclasses.dataclass
class Settings:
    """How much work a run does: ``quick`` shrinks sizes for a smoke test (not for the README)."""

    rounds: int = 5
    quick: bool = False
    log: Callable[[str], None] = print

    def size(self, full: int, quick: int) -> int:
        return quick if self.quick else full


def timed(function: Callable[[], object]) -> tuple[float, object]:
    """Seconds taken by ``function()``, and what it returned."""
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _memory_gib() -> Optional[float]:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    return None


def machine() -> dict[str, object]:
    """The machine and the versions a reader needs to weigh the figures."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "platform": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "versions": {
            name: version(name)
            for name in (
                "anthropic-models",
                "urllib3",
                "attrs",
                "anthropic",
                "openapi-core",
                "schemathesis",
            )
        },
    }


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Freeze the runner's own objects while a measure runs in this process.

    Garbage collections then scan only what the measured code creates, as they would in a
    process of its own, not the runner's imports (openapi-core, the server, the benchmarks).
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def stop_process(process: subprocess.Popen[str]) -> None:
    """Close a child's stdin, terminate it if it still runs, kill it if it lingers, reap it."""
    if process.stdin is not None:
        with contextlib.suppress(OSError):
            process.stdin.close()
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def read_line(process: subprocess.Popen[str], timeout: float) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            raise BenchError(f"no output within {timeout:g} s from {process.args!r}")
    return process.stdout.readline()


@contextlib.contextmanager
def reference_server(*options: str, startup_timeout: float = 180) -> Iterator[str]:
    """The reference server in its own process on a free loopback port: yields its URL.

    A process of its own, so that the client measured and the server do not share a GIL.
    """
    command = [
        sys.executable,
        "-m",
        "anthropic_models.server",
        *("--host", "127.0.0.1", "--port", "0", "--api-key", API_KEY),
        *options,
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        line = read_line(process, startup_timeout)
        if not line.startswith("Listening on http://127.0.0.1:"):
            raise BenchError(f"the reference server did not start ({' '.join(options)}): {line!r}")
        yield line.split()[-1]
    finally:
        stop_process(process)


def start_worker(command: list[str], what: str) -> subprocess.Popen[str]:
    """A worker process (``_walker.py``, ``_concurrent.py``) that prints ``ready`` once set up."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = read_line(process, 120)
    if line.strip() != "ready":
        stop_process(process)
        raise BenchError(f"the {what} did not start: {line!r}")
    return process


def ask_worker(process: subprocess.Popen[str], models: int, timeout: float) -> float:
    """One run of a worker: the seconds it reports, after checking it handled ``models`` models."""
    assert process.stdin is not None
    process.stdin.write("go\n")
    process.stdin.flush()
    line = read_line(process, timeout)
    try:
        report = json.loads(line)
    except ValueError:
        raise BenchError(f"a worker failed: {line!r}") from None
    if report["models"] != models:
        raise BenchError(f"a worker handled {report['models']} models of {models}")
    return float(report["seconds"])


def run_workers(
    commands: dict[str, list[str]],
    figures: dict[str, Figure],
    rounds: int,
    models: int,
    timeout: float,
) -> None:
    """Start a worker per subject, ask each for one run per round in a rotating order (each
    subject goes first in turn), add the seconds to its figure, and stop them all."""
    workers: dict[str, subprocess.Popen[str]] = {}
    try:
        for key, command in commands.items():
            workers[key] = start_worker(command, f"{key} worker")
        keys = list(commands)
        for turn in range(rounds):
            shift = turn % len(keys)
            for key in keys[shift:] + keys[:shift]:
                figures[key].samples.append(ask_worker(workers[key], models, timeout))
    finally:
        for process in workers.values():
            stop_process(process)
