"""Decode: models per second from a page body of 1,000 models to attrs, with and without validation.

The body is the reference server's own page (``Catalogue.synthetic``); no network. The floor is
``json.loads`` alone. ``validate=True`` is what the client then does per response: openapi-core's
check of the body against the spec (``spec_validator().response_errors``), then the decode.
"""

from __future__ import annotations

import json
import time
from typing import Callable

from anthropic_models import _codec
from anthropic_models._validation import spec_validator
from anthropic_models.server import Catalogue
from anthropic_models_generated.models import ListModelsResponse
from bench._common import BenchError, Figure, Settings, compare, frozen_heap

NAME = "decode"
TARGET = 2
"""Decoding a page, at most this many times ``json.loads`` alone (issue 20)."""
PAGE = 1000
_URL = "http://127.0.0.1/v1/models?limit=1000"
_HEADERS = {"content-type": "application/json", "request-id": "req_" + "0" * 24}


def page_body() -> bytes:
    """A page of 1,000 synthetic models, as the reference server sends it."""
    return Catalogue.synthetic(5 * PAGE).page_json(limit=PAGE)


def _rate(function: Callable[[], object], repeat: int) -> float:
    """Models per second of ``repeat`` calls of ``function``, each decoding one page."""
    started = time.perf_counter()
    for _ in range(repeat):
        function()
    return repeat * PAGE / (time.perf_counter() - started)


def run(settings: Settings) -> list[Figure]:
    body = page_body()
    validator = spec_validator()
    problems = validator.response_errors("GET", _URL, 200, _HEADERS, body)
    if problems:
        raise BenchError(f"the page body fails the spec: {problems[:3]}")

    def validated() -> object:
        if validator.response_errors("GET", _URL, 200, _HEADERS, body):
            raise BenchError("validation failed")
        return _codec.decode(body, ListModelsResponse)

    subjects: dict[str, tuple[str, Callable[[], object], int]] = {
        "floor": ("`json.loads` only (the floor)", lambda: json.loads(body), 20),
        "ours": (
            "`_codec.decode` (lenient, the client's)",
            lambda: _codec.decode(body, ListModelsResponse),
            8,
        ),
        "validate": ("`response_errors` + `_codec.decode` (validate=True)", validated, 1),
    }
    figures = {key: Figure(NAME, label, "models/s") for key, (label, _, _) in subjects.items()}
    for _, function, _ in subjects.values():
        function()  # warm-up
    with frozen_heap():
        for _ in range(settings.rounds):
            for key, (_, function, repeat) in subjects.items():
                figures[key].samples.append(_rate(function, repeat))
    # Rates: the ratios are of times per model (reference rate / this rate).
    compare(figures["ours"], figures["floor"], "x json.loads time", invert=True, at_most=TARGET)
    compare(figures["validate"], figures["ours"], "x decode time (validation's cost)", invert=True)
    figures["ours"].note = "3 date-times, 1 attrs object per model (equal capability trees shared)"
    return list(figures.values())
