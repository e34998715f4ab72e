"""Generated catalogues of any size up to :data:`MAX_SYNTHETIC` models, for load and pagination tests.

Models are made newest first from one ``random.Random(seed)``, already encoded (no per-model
``json.dumps``), with lifecycles in realistic proportions: the older a model, the likelier it is
retired. About 40 % are active, 15 % deprecated and 45 % retired, mixed through the whole order so
that every ``lifecycle[]`` view skips models.

>>> models, aliases = synthetic_models(3, seed=0)
>>> [(m.id, m.stage) for m in models]
[('synthetic-fable-000000', 'active'), ('synthetic-sonnet-000001', 'active'), ('synthetic-fable-000002', 'deprecated')]
>>> aliases
{'synthetic-fable-latest': 'synthetic-fable-000000', 'synthetic-sonnet-latest': 'synthetic-sonnet-000001'}
"""

from __future__ import annotations

import json
import random
import time
from datetime import datetime, timezone
from typing import NamedTuple

__all__ = ["MAX_SYNTHETIC", "REFERENCE_TIME", "SyntheticModel", "synthetic_models"]

MAX_SYNTHETIC = 1_000_000
"""The largest number of generated models (about 1 GB of memory once served: see the README)."""

REFERENCE_TIME = datetime(2026, 11, 27, tzinfo=timezone.utc)
""""Now" in the generated world: retirements before it have happened, later ones are scheduled."""

_FLOOR = datetime(2000, 1, 1, tzinfo=timezone.utc)
_NOW = int(REFERENCE_TIME.timestamp())
_WINDOW_MINUTES = (_NOW - int(_FLOOR.timestamp())) // 60
_DAY = 86_400
_LINES = ("haiku", "sonnet", "opus", "fable", "mythos")
_MAX_TOKENS = (8192, 32000, 64000, 128000)
_CONTEXT = (200_000, 200_000, 1_000_000)


class SyntheticModel(NamedTuple):
    """One generated model: its id, release time (microseconds since the epoch), stage and JSON."""

    id: str
    created_us: int
    stage: str
    encoded: bytes


def _leaf(supported: bool) -> dict[str, bool]:
    return {"supported": supported}


def _capabilities(thinking: bool, effort: bool, tools: bool) -> bytes:
    """One of the few capability objects the generator picks from, with every required key."""
    capabilities = {
        "batch": _leaf(True),
        "citations": _leaf(tools),
        "code_execution": _leaf(tools),
        "image_input": _leaf(True),
        "pdf_input": _leaf(tools),
        "structured_outputs": _leaf(effort),
        "effort": {
            "supported": effort,
            **{level: _leaf(effort) for level in ("low", "medium", "high", "max")},
        },
        "thinking": {
            "supported": thinking,
            "types": {
                "adaptive": _leaf(thinking and effort),
                "between_tools": _leaf(thinking),
                "disabled": _leaf(True),
                "enabled": _leaf(thinking),
            },
        },
        "server_tools": {
            "supported": tools,
            "web_search": _leaf(tools),
            "code_execution": _leaf(tools),
        },
        "context_management": {"supported": tools},
    }
    return json.dumps(capabilities, separators=(",", ":")).encode("ascii")


_CAPABILITIES = tuple(
    _capabilities(thinking, effort, tools)
    for thinking, effort, tools in (
        (True, True, True),
        (True, False, True),
        (False, False, True),
        (False, False, False),
    )
)


class _Clock:
    """RFC 3339 text of whole seconds since the epoch, formatting each day's date once."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def __call__(self, seconds: int) -> str:
        day, rest = divmod(seconds, _DAY)
        date = self._days.get(day)
        if date is None:
            date = self._days[day] = time.strftime("%Y-%m-%dT", time.gmtime(day * _DAY))
        hours, rest = divmod(rest, 3600)
        minutes, rest = divmod(rest, 60)
        return f"{date}{hours:02d}:{minutes:02d}:{rest:02d}Z"


def _spread(n: int) -> int:
    """The widest step, in minutes, that keeps ``n`` releases after 1970 (never past year 1).

    Steps are 1..spread minutes, about spread/2 on average: ``n`` steps span at most
    ``n * spread <= 2 * window`` minutes, where the window runs from 2000 to the reference time.
    """
    return max(1, min(2880, 2 * _WINDOW_MINUTES // max(n, 1) - 2))


def synthetic_models(n: int, seed: int = 0) -> tuple[list[SyntheticModel], dict[str, str]]:
    """``n`` models newest first (ties in release time included) and the ``-latest`` aliases.

    ``n`` must be checked by the caller (0..MAX_SYNTHETIC). Ids are ``synthetic-{line}-{number}``;
    every eighth model shares its predecessor's release time; ``synthetic-{line}-latest`` names
    the newest active model of each line.
    """
    rng = random.Random(seed)
    _time = _Clock()
    width = max(6, len(str(n)))
    spread = _spread(n)
    created = _NOW - _DAY
    models: list[SyntheticModel] = []
    latest: dict[str, str] = {}
    for number in range(n):
        if number % 8 != 7:
            created -= 60 * (1 + int(rng.random() * spread))
        line = _LINES[int(rng.random() * len(_LINES))]
        model_id = f"synthetic-{line}-{number:0{width}d}"
        age = number / n
        roll = rng.random()
        deprecated_at = retires_at = "null"
        if roll < 0.9 * age:
            stage = "retired"
            retired = min(created + 545 * _DAY, _NOW - _DAY)
            deprecated_at = f'"{_time(max(created, retired - 180 * _DAY))}"'
            retires_at = f'"{_time(retired)}"'
        elif roll < 0.9 * age + 0.15:
            stage = "deprecated"
            deprecated = min(created + 365 * _DAY, _NOW - _DAY)
            deprecated_at = f'"{_time(max(created, deprecated))}"'
            retires_at = f'"{_time(deprecated + 180 * _DAY)}"'
        else:
            stage = "active"
            latest.setdefault(line, model_id)
        capabilities = _CAPABILITIES[int(rng.random() * len(_CAPABILITIES))]
        max_tokens = _MAX_TOKENS[int(rng.random() * len(_MAX_TOKENS))]
        context = _CONTEXT[int(rng.random() * len(_CONTEXT))]
        head = (
            f'{{"id":"{model_id}","type":"model","created_at":"{_time(created)}",'
            f'"display_name":"Synthetic {line.capitalize()} {number}","lifecycle":"{stage}",'
            f'"deprecated_at":{deprecated_at},"retires_at":{retires_at},"line":"{line}",'
            f'"max_input_tokens":{context},"max_tokens":{max_tokens},"capabilities":'
        )
        encoded = head.encode("ascii") + capabilities + b"}"
        models.append(SyntheticModel(model_id, created * 1_000_000, stage, encoded))
    aliases = {f"synthetic-{line}-latest": model_id for line, model_id in latest.items()}
    return models, aliases
