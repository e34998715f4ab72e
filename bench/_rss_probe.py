"""A child process of the memory benchmark: connect (and walk), then print the peak RSS as JSON.

``python bench/_rss_probe.py URL connect KEY``: import the package and make one request (limit=1).
``python bench/_rss_probe.py URL walk KEY``: the same, then walk the whole catalogue (every stage,
at the spec's largest limit).
``python bench/_rss_probe.py URL cli KEY``: ``anthropic-models list --all --json --lifecycle all``
in this process, its output to /dev/null (the streamed JSON of the command line).

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
from anthropic_models_generated.transport import LIST_MODELS

LIMIT = LIST_MODELS.parameter("limit").maximum
STAGES = list(LIST_MODELS.parameter("lifecycle").enum or ())


def peak_rss_bytes() -> int:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024  # kB
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, else KiB


def _cli(url: str, api_key: str) -> None:
    """Run the command line's streamed JSON listing in this process, its output to /dev/null."""
    import contextlib
    import os

    from anthropic_models.cli import main as cli_main

    os.environ["ANTHROPIC_API_KEY"] = api_key
    argv = ["list", "--all", "--json", "--lifecycle", "all", "--base-url", url]
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        status = cli_main(argv)
    if status != 0:
        raise SystemExit(f"the command exited {status}")


def main(url: str, mode: str, api_key: str) -> None:
    count = 0
    if mode == "cli":
        _cli(url, api_key)  # its exit status says it wrote the whole catalogue
    else:
        with ModelsClient(api_key=api_key, base_url=url, max_retries=0) as client:
            client.list_models(limit=1)
            if mode == "walk":
                count = sum(1 for _ in client.iter_models(limit=LIMIT, lifecycle=STAGES))
    print(json.dumps({"peak_rss_bytes": peak_rss_bytes(), "models": count}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
