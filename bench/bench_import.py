"""Import time: ``import anthropic_models`` against its floor (``import urllib3, attrs``) and the SDK.

Each import runs in a fresh interpreter (``python -c``). Two figures per subject: the import
itself, timed inside the process with ``perf_counter`` (what the package costs), and the whole
``python -c`` process, timed from outside (what a user waits for, interpreter start-up included).
"""

from __future__ import annotations

import subprocess
import sys
import time

from bench._common import BenchError, Figure, Settings, compare

NAME = "import"
SUBJECTS = {
    "floor": "urllib3, attrs",
    "ours": "anthropic_models",
    "sdk": "anthropic",
}
_SNIPPET = (
    "import sys, time; n = len(sys.modules); t = time.perf_counter(); import {modules}; "
    "t = time.perf_counter() - t; print(t, len(sys.modules) - n)"
)


def _once(modules: str) -> tuple[float, float, int]:
    """(import seconds, process seconds, modules loaded) of one fresh interpreter."""
    command = [sys.executable, "-c", _SNIPPET.format(modules=modules)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    process = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchError(f"import {modules} failed: {done.stderr.strip()[-500:]}")
    seconds, loaded = done.stdout.split()
    return float(seconds), process, int(loaded)


_CLIENTS = ("anthropic_models.client", "anthropic_models.async_client")
_NO_CLIENT = (
    "import sys, time; t = time.perf_counter(); import {module}; t = time.perf_counter() - t; "
    "print(t, sum(name in sys.modules for name in {clients!r}))"
)


def _without_client(module: str, rounds: int) -> Figure:
    """Import time of ``module`` in fresh interpreters; the target: it loads no client module."""
    figure = Figure(NAME, f"`import {module}`", "ms")
    code = _NO_CLIENT.format(module=module, clients=_CLIENTS)
    clients = 0
    for _ in range(rounds):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
        )
        if done.returncode != 0:
            raise BenchError(f"import {module} failed: {done.stderr.strip()[-500:]}")
        seconds, loaded = done.stdout.split()
        figure.samples.append(float(seconds) * 1000)
        clients = max(clients, int(loaded))
    figure.target = "loads no client module"
    figure.met = clients == 0
    figure.note = f"{clients} client module(s) loaded"
    return figure


def run(settings: Settings) -> list[Figure]:
    rounds = max(settings.rounds, 7)
    imports = {key: Figure(NAME, f"`import {modules}`", "ms") for key, modules in SUBJECTS.items()}
    processes = {
        key: Figure(NAME, f'`python -c "import {modules}"` (whole process)', "ms")
        for key, modules in SUBJECTS.items()
    }
    loaded: dict[str, int] = {}
    for modules in SUBJECTS.values():
        _once(modules)  # warm-up: writes the bytecode caches
    for number in range(rounds):
        keys = list(SUBJECTS)
        for key in keys[number % 3 :] + keys[: number % 3]:  # rotate the order
            seconds, process, loaded[key] = _once(SUBJECTS[key])
            imports[key].samples.append(seconds * 1000)
            processes[key].samples.append(process * 1000)
    for figures in (imports, processes):
        compare(figures["ours"], figures["floor"], "x floor", at_most=1.5)
        compare(figures["sdk"], figures["ours"], "x ours (SDK / ours)", at_least=10)
        figures["floor"].note = "the floor: the two runtime dependencies"
    for key, figure in imports.items():
        figure.note = f"{loaded[key]} modules loaded" + ("; " + figure.note if figure.note else "")
    kit = [
        _without_client(module, rounds)
        for module in ("anthropic_models.server", "anthropic_models.conformance")
    ]
    return [*imports.values(), *processes.values(), *kit]
