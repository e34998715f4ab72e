"""Full walk of the catalogue, ``limit=1000``: ``iter_models`` against raw urllib3 + ``json.loads``
(the floor) and the official SDK's auto-pagination, over the same pages of the same server.

The server runs in its own process, and so does each subject's client (``bench/_walker.py``), so
that no client shares a GIL with the server or pays for another's heap and imports. Each round
asks each subject for one whole walk, in a rotating order; clients are built and warmed up (one
page) before the first round.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench._common import (
    API_KEY,
    Figure,
    Settings,
    compare,
    reference_server,
    run_workers,
)

NAME = "walk"
FLAT = 1.1
"""The ratio at 100,000 models over the ratio at 5,000 that still counts as flat (issue 20)."""
_WALKER = Path(__file__).with_name("_walker.py")
LABELS = {
    "floor": "raw urllib3 + `json.loads` (the floor)",
    "ours": "`iter_models(limit=1000, lifecycle=all)`",
    "sdk": "SDK `client.models.list(limit=1000, lifecycle=all)`",
}


def run(settings: Settings) -> list[Figure]:
    figures: list[Figure] = []
    ratios: list[float] = []
    for size in (settings.size(5_000, 2_000), settings.size(100_000, 10_000)):
        walk = {
            key: Figure(NAME, f"{size:,} models: {label}", "s") for key, label in LABELS.items()
        }
        with reference_server("--synthetic", str(size)) as url:
            commands = {
                key: [sys.executable, str(_WALKER), key, url, str(size), API_KEY] for key in LABELS
            }
            run_workers(commands, walk, settings.rounds, size, 600)
        compare(walk["ours"], walk["floor"], "x floor", at_most=1.5)
        assert walk["ours"].ratio is not None
        ratios.append(walk["ours"].ratio)
        compare(walk["sdk"], walk["floor"], "x floor")
        walk["sdk"].note = f"{walk['sdk'].value / walk['ours'].value:.1f}x ours"
        for figure in walk.values():
            rate = f"{size / figure.value:,.0f} models/s"
            figure.note = f"{rate}; {figure.note}" if figure.note else rate
        figures.extend(walk.values())
    figures.append(_growth(ratios))
    return figures


def _growth(ratios: list[float]) -> Figure:
    """How the ratio to the floor grows from the small catalogue to the large one (flat: 1)."""
    small, large = ratios
    growth = Figure(NAME, "growth of the ratio to the floor, largest / smallest catalogue", "x")
    growth.samples.append(large / small)
    growth.target = f"<= {FLAT:g}x (flat)"
    growth.met = large / small <= FLAT
    growth.note = f"{small:.2f}x then {large:.2f}x the floor"
    return growth
