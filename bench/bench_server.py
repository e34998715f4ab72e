"""The reference server: requests per second and p50/p99 latency of a page (``limit=20``, random
cursors), 1,000 against 100,000 models, with 1 and 16 concurrent clients.

The server runs in its own process. Clients are threads of this process, each with its own
urllib3 pool; their share of the GIL is small next to the server's work, and the same for both
catalogue sizes, which is the comparison that matters (latency flat in catalogue size). Each
round sends a fixed number of requests (bounded in time too) to each server in turn; cursors are
``after_id`` and ``before_id`` in turn, naming models drawn at random (fixed seed).
"""

from __future__ import annotations

import contextlib
import random
import statistics
import threading
import time
from urllib.parse import quote

import urllib3

from anthropic_models.server import Catalogue
from bench._common import (
    HEADERS,
    BenchError,
    Figure,
    Settings,
    compare,
    frozen_heap,
    reference_server,
)

NAME = "server"
ROUND_SECONDS = 60.0


def _targets(url: str, ids: tuple[str, ...], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names = ("after_id", "before_id")
    return [
        f"{url}/v1/models?limit=20&{names[i % 2]}={quote(rng.choice(ids), safe='')}"
        for i in range(count)
    ]


def _client(
    targets: list[str], latencies: list[float], failures: list[str], start: threading.Barrier
) -> None:
    pool = urllib3.PoolManager(maxsize=1)
    try:
        start.wait()
        deadline = time.perf_counter() + ROUND_SECONDS
        for target in targets:
            if time.perf_counter() > deadline:
                failures.append("round took too long")
                return
            began = time.perf_counter()
            response = pool.request("GET", target, headers=HEADERS, retries=False)
            latencies.append(time.perf_counter() - began)
            if response.status != 200:
                failures.append(f"HTTP {response.status} for {target}")
                return
    except Exception as exc:  # reported by the round, which fails the benchmark
        failures.append(repr(exc))
    finally:
        pool.clear()


def _round(
    url: str, ids: tuple[str, ...], clients: int, per_client: int, seed: int
) -> tuple[float, list[float]]:
    """(requests per second, latencies in seconds) of one round."""
    latencies: list[float] = []
    failures: list[str] = []
    start = threading.Barrier(clients + 1)
    threads = [
        threading.Thread(
            target=_client,
            args=(_targets(url, ids, per_client, seed * 100 + n), latencies, failures, start),
            daemon=True,
        )
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join(ROUND_SECONDS + 30)
    elapsed = time.perf_counter() - began
    if failures or any(thread.is_alive() for thread in threads):
        raise BenchError(f"a server round failed: {failures[:3] or 'a client hung'}")
    return len(latencies) / elapsed, latencies


def run(settings: Settings) -> list[Figure]:
    sizes = (1_000, settings.size(100_000, 10_000))
    plans = {1: settings.size(400, 100), 16: settings.size(60, 10)}  # requests per client
    rps: dict[tuple[int, int], Figure] = {}
    p50: dict[tuple[int, int], Figure] = {}
    p99: dict[tuple[int, int], Figure] = {}
    for size in sizes:
        for clients in plans:
            what = f"{size:,} models, {clients} client{'s' if clients > 1 else ''}"
            rps[(size, clients)] = Figure(NAME, f"{what}: requests/s", "req/s")
            p50[(size, clients)] = Figure(NAME, f"{what}: p50 latency", "ms")
            p99[(size, clients)] = Figure(NAME, f"{what}: p99 latency", "ms")
    # Both servers at once, and the sizes in turn within each round: a load that comes and goes
    # on the machine then weighs on both sides of the comparison alike.
    with contextlib.ExitStack() as stack:
        servers = {
            size: (
                stack.enter_context(reference_server("--synthetic", str(size))),
                Catalogue.synthetic(size).ids,  # the server's catalogue: same size, same seed
            )
            for size in sizes
        }
        for url, ids in servers.values():
            _round(url, ids, 2, 20, seed=0)  # warm-up
        for number in range(settings.rounds):
            for clients, per_client in plans.items():
                order = sizes if number % 2 == 0 else sizes[::-1]
                for size in order:
                    url, ids = servers[size]
                    with frozen_heap():
                        rate, latencies = _round(url, ids, clients, per_client, seed=number + 1)
                    cuts = statistics.quantiles(latencies, n=100)
                    rps[(size, clients)].samples.append(rate)
                    p50[(size, clients)].samples.append(cuts[49] * 1000)
                    p99[(size, clients)].samples.append(cuts[98] * 1000)
                    rps[(size, clients)].note = f"{len(latencies)} requests a round"
    small, large = sizes
    for clients in plans:
        flat = f"x {small:,} models (flat: 1x)"
        compare(p50[(large, clients)], p50[(small, clients)], flat, at_most=1.25)
        compare(p99[(large, clients)], p99[(small, clients)], flat)
        compare(rps[(large, clients)], rps[(small, clients)], flat + ", as time", invert=True)
    return [
        figure
        for key in sorted(rps, key=lambda k: (k[1], k[0]))
        for figure in (rps[key], p50[key], p99[key])
    ]
