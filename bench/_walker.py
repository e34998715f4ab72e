"""A worker process of the walk benchmark: one subject's client, walking on command.

``python bench/_walker.py SUBJECT URL EXPECTED KEY`` imports only what SUBJECT needs (``floor``:
urllib3 and json; ``ours``: anthropic_models; ``sdk``: anthropic), builds its client, fetches one
page (warm-up), prints ``ready``, then walks the whole catalogue (every lifecycle stage, at the
spec's largest ``limit``) once per line
read from stdin, printing ``{"seconds": ..., "models": ...}`` for each. Its own process, so that
no subject pays for another's heap (garbage collection) or imports.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from typing import Any, Callable, Optional
from urllib.parse import quote

from anthropic_models_generated.transport import LIST_MODELS

LIMIT = LIST_MODELS.parameter("limit").maximum
STAGES = list(LIST_MODELS.parameter("lifecycle").enum or ())
VERSION = str(LIST_MODELS.parameter("anthropic_version").default)


def _floor(url: str, key: str, expected: int) -> tuple[Callable[[], int], Callable[[], object]]:
    import urllib3

    pool = urllib3.PoolManager()
    headers = {"x-api-key": key, "anthropic-version": VERSION}
    stages = "".join(f"&lifecycle%5B%5D={stage}" for stage in STAGES)

    def page(after: Optional[str]) -> Any:
        target = f"{url}/v1/models?limit={LIMIT}{stages}"
        if after is not None:
            target += "&after_id=" + quote(after, safe="")
        response = pool.request("GET", target, headers=headers, retries=False)
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}")
        return json.loads(response.data)

    def walk() -> int:
        """GET each page with urllib3, json.loads it, follow last_id while has_more."""
        count = 0
        after: Optional[str] = None
        assert LIMIT is not None
        for _ in range(expected // LIMIT + 2):
            body = page(after)
            for _model in body["data"]:
                count += 1
            if not body["has_more"]:
                return count
            after = body["last_id"]
        raise RuntimeError("the walk did not end")

    return walk, lambda: page(None)


def _ours(url: str, key: str, expected: int) -> tuple[Callable[[], int], Callable[[], object]]:
    from anthropic_models import ModelsClient

    client = ModelsClient(api_key=key, base_url=url, max_retries=0)
    return (
        lambda: sum(1 for _ in client.iter_models(limit=LIMIT, lifecycle=STAGES)),
        lambda: client.list_models(limit=LIMIT, lifecycle=STAGES),
    )


def _sdk(url: str, key: str, expected: int) -> tuple[Callable[[], int], Callable[[], object]]:
    anthropic = importlib.import_module("anthropic")
    client = anthropic.Anthropic(api_key=key, base_url=url, max_retries=0)
    return (
        lambda: sum(1 for _ in client.models.list(limit=LIMIT, lifecycle=STAGES)),
        lambda: client.models.list(limit=LIMIT, lifecycle=STAGES).data,
    )


SUBJECTS = {"floor": _floor, "ours": _ours, "sdk": _sdk}


def main(subject: str, url: str, expected: str, key: str) -> None:
    walk, first_page = SUBJECTS[subject](url, key, int(expected))
    first_page()
    print("ready", flush=True)
    for _ in sys.stdin:
        started = time.perf_counter()
        count = walk()
        seconds = time.perf_counter() - started
        print(json.dumps({"seconds": seconds, "models": count}), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])
