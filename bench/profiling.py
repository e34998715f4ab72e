"""Profiles of the hot paths, for ``python -m bench --profile``: decode and the page walk.

cProfile, sorted by own time: the decode of a 1,000-model page (20 times), and ``iter_models``
walks of 20,000 models from a reference server in another process (the client side only).
"""

from __future__ import annotations

import cProfile
import io
import pstats
from pathlib import Path

from anthropic_models import ModelsClient, _codec
from anthropic_models_generated.models import ListModelsResponse
from bench._common import API_KEY, reference_server
from bench.bench_decode import page_body

TOP = 20


def _stats(profiler: cProfile.Profile, title: str) -> str:
    out = io.StringIO()
    out.write(f"== {title}\n")
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("tottime").print_stats(TOP)
    return out.getvalue()


def main(path: Path) -> int:
    body = page_body()
    _codec.decode(body, ListModelsResponse)
    decode = cProfile.Profile()
    decode.enable()
    for _ in range(20):
        _codec.decode(body, ListModelsResponse)
    decode.disable()
    sections = [_stats(decode, "decode of a 1,000-model page, 20 times")]
    with reference_server("--synthetic", "20000") as url:
        with ModelsClient(api_key=API_KEY, base_url=url, max_retries=0) as client:
            sum(1 for _ in client.iter_models(limit=1000))  # warm-up
            walk = cProfile.Profile()
            walk.enable()
            for _ in range(3):
                sum(1 for _ in client.iter_models(limit=1000))
            walk.disable()
    sections.append(_stats(walk, "iter_models(limit=1000) over 20,000 models, 3 times"))
    text = "\n".join(sections)
    path.write_text(text)
    print(text)
    return 0
