"""200 concurrent ``retrieve`` calls on an asyncio client, the server answering each after 50 ms:
``AsyncModelsClient`` against the official SDK's ``AsyncAnthropic``, side by side.

The server (``bench/_slow_server.py``, asyncio, 127.0.0.1, stops by itself) and each subject's
client (``bench/_concurrent.py``) run in processes of their own. Each round asks each subject for
one burst, in alternating order. The floor is the latency itself: no client can do better.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path
from typing import Iterator

from bench._common import (
    API_KEY,
    BenchError,
    Figure,
    Settings,
    compare,
    read_line,
    run_workers,
    stop_process,
)

NAME = "concurrency"
LATENCY_MS = 50
_HERE = Path(__file__).resolve().parent
LABELS = {
    "ours": "`AsyncModelsClient.retrieve` x {count}, asyncio.gather",
    "sdk": "SDK `AsyncAnthropic().models.retrieve` x {count}, asyncio.gather",
}


@contextlib.contextmanager
def slow_server(lifetime: float) -> Iterator[str]:
    """The 50 ms server in its own process: yields its URL, stops it after."""
    command = [sys.executable, str(_HERE / "_slow_server.py"), str(LATENCY_MS), str(lifetime)]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        line = read_line(process, 120)
        if not line.startswith("Listening on http://127.0.0.1:"):
            raise BenchError(f"the slow server did not start: {line!r}")
        yield line.split()[-1]
    finally:
        stop_process(process)


def run(settings: Settings) -> list[Figure]:
    count = settings.size(200, 50)
    figures = {
        key: Figure(NAME, label.format(count=count) + f", {LATENCY_MS} ms server", "s")
        for key, label in LABELS.items()
    }
    with slow_server(lifetime=900) as url:
        script = str(_HERE / "_concurrent.py")
        commands = {key: [sys.executable, script, key, url, str(count), API_KEY] for key in LABELS}
        run_workers(commands, figures, settings.rounds, count, 300)
    compare(figures["ours"], figures["sdk"], "x SDK", at_most=1)
    figures["ours"].note = f"the latency alone is {LATENCY_MS / 1000:g} s"
    return list(figures.values())
