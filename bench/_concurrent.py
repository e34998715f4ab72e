"""A worker process of the concurrency benchmark: one subject's asyncio client, on command.

``python bench/_concurrent.py SUBJECT URL COUNT KEY`` builds the client (``ours``:
``AsyncModelsClient``; ``sdk``: ``anthropic.AsyncAnthropic``), retrieves one model (warm-up),
prints ``ready``, then for each line read from stdin retrieves COUNT models at once
(``asyncio.gather``) and prints ``{"seconds": ..., "models": ...}``.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import time
from typing import Any, Awaitable, Callable


def _client(subject: str, url: str, key: str) -> tuple[Any, Callable[[str], Awaitable[Any]]]:
    if subject == "ours":
        from anthropic_models import AsyncModelsClient

        ours = AsyncModelsClient(api_key=key, base_url=url, max_retries=0)
        return ours, ours.retrieve
    anthropic = importlib.import_module("anthropic")
    sdk = anthropic.AsyncAnthropic(api_key=key, base_url=url, max_retries=0)
    return sdk, sdk.models.retrieve


async def _main(subject: str, url: str, count: int, key: str) -> None:
    client, retrieve = _client(subject, url, key)
    await retrieve("claude-warm-up")
    print("ready", flush=True)
    loop = asyncio.get_running_loop()
    while await loop.run_in_executor(None, sys.stdin.readline):
        started = time.perf_counter()
        models = await asyncio.gather(*(retrieve(f"claude-bench-{i}") for i in range(count)))
        seconds = time.perf_counter() - started
        print(json.dumps({"seconds": seconds, "models": len(models)}), flush=True)
    await (client.aclose() if subject == "ours" else client.close())


if __name__ == "__main__":
    asyncio.run(_main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]))
