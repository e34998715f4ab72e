"""``anthropic-models demo``: the reference server in-process, and the client working against it.

No key and no network: the server listens on a free loopback port for the length of the demo, and
the client reads no variable (``trust_env=False``): a proxy or ``SSL_CERT_FILE`` set for other work
changes nothing.
"""

from __future__ import annotations

import secrets
import sys
import textwrap
import time
from collections import Counter
from typing import Optional, TextIO

from anthropic_models._format import stage, table
from anthropic_models.client import ModelsClient
from anthropic_models.server import serve_in_thread
from anthropic_models_generated import transport

__all__ = ["run_demo"]

PAGE = 5
_MAX_PAGE = transport.LIST_MODELS.parameter("limit").maximum


def run_demo(out: Optional[TextIO] = None) -> int:
    """Run the demo, writing to ``out`` (stdout by default); 0 when every check held."""
    out = out or sys.stdout
    started = time.monotonic()
    key = "demo-" + secrets.token_hex(8)  # the in-process server's own key, never shown
    with (
        serve_in_thread(api_key=key) as server,
        ModelsClient(api_key=key, base_url=server.url, trust_env=False) as client,
    ):
        print(f"Reference server listening on {server.url} (in-process, loopback only)\n", file=out)

        catalogue = list(client.iter_models(limit=_MAX_PAGE))
        print(
            f"The catalogue, newest first ({len(catalogue)} models; the default view leaves "
            "retired models out):\n",
            file=out,
        )
        print(table(catalogue), file=out)
        retired = list(client.iter_models(limit=_MAX_PAGE, lifecycle=["retired"]))
        print(
            f"\n{len(retired)} retired models, listed only when asked for (lifecycle=['retired']):",
            file=out,
        )
        ids = ", ".join(m.id for m in retired) or "none"
        print(textwrap.fill(ids, width=100, initial_indent="  ", subsequent_indent="  "), file=out)

        print(f"\nForward walk, one page at a time (limit={PAGE}, after_id = last_id):", file=out)
        forward: list[str] = []
        cursor: Optional[str] = None
        while True:
            page = client.list_models(limit=PAGE, after_id=cursor)
            forward += [m.id for m in page]
            print(
                f"  {len(page)} models: {page.first_id} .. {page.last_id}  has_more={page.has_more}",
                file=out,
            )
            if not page.has_more or page.last_id is None:
                break
            cursor = page.last_id
        backward = [m.id for m in client.iter_models(limit=PAGE, before_id=forward[-1])]
        same = backward == list(reversed(forward[:-1]))
        print(
            f"Backward walk from the oldest ({forward[-1]}), limit={PAGE}: {len(backward)} models, "
            f"{'exactly the forward walk reversed' if same else 'NOT the forward walk reversed'}",
            file=out,
        )

        print("\nAvailability:", file=out)
        active = client.latest()
        checks = [(active.id, True)] if active is not None else []
        checks += [(retired[0].id, False)] if retired else []
        checks += [("claude-does-not-exist", False)]
        answers = [client.is_model_available(model_id) for model_id, _ in checks]
        for (model_id, _), answer in zip(checks, answers):
            print(f"  {model_id:<32} {'available' if answer else 'not available'}", file=out)
        expected = [want for _, want in checks]

        print("\nLatest active model of each line:", file=out)
        for line in sorted({m.line for m in catalogue if m.line}):
            latest = client.latest(line)
            print(f"  {line:<8} {latest.id if latest else '(none active)'}", file=out)

        states = Counter(stage(m) for m in [*catalogue, *retired])
        ok = same and answers == expected
        print(
            f"\nSummary: {len(catalogue) + len(retired)} models ("
            + ", ".join(f"{count} {state}" for state, count in sorted(states.items()))
            + f"); walks consistent: {'yes' if same else 'no'}; availability as expected: "
            f"{'yes' if answers == expected else 'no'}; {time.monotonic() - started:.2f} s.",
            file=out,
        )
    return 0 if ok else 1
