"""A child process of the memory benchmark: connect (and walk), then print the peak RSS as JSON.

``python bench/_rss_probe.py URL connect KEY``: import the package and make one request (limit=1).
``python bench/_rss_probe.py URL walk KEY``: the same, then walk the whole catalogue (limit=1000).

The peak is the kernel's high-water mark of this process's memory, ``VmHWM`` of
``/proc/self/status``. ``getrusage().ru_maxrss`` is not used on Linux: it starts from the RSS of the
parent that forked the process (it survives the exec), so it would report the benchmark runner.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

from anthropic_models import ModelsClient


def peak_rss_bytes() -> int:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024  # kB
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, else KiB


def main(url: str, mode: str, api_key: str) -> None:
    with ModelsClient(api_key=api_key, base_url=url, max_retries=0) as client:
        client.list_models(limit=1)
        count = sum(1 for _ in client.iter_models(limit=1000)) if mode == "walk" else 0
    print(json.dumps({"peak_rss_bytes": peak_rss_bytes(), "models": count}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
