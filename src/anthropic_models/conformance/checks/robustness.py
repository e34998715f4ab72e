"""Robustness: hostile parameters get an answer, and never a 5xx."""

from __future__ import annotations

from collections import Counter
from typing import Callable

from anthropic_models.conformance.registry import Context, Failure, Level, check
from anthropic_models.conformance.target import Exchange, NoAnswer

LONG = "x" * 8192
UNICODE = "mod\u00e8le-\u6a21\u578b-\U0001f680-\u202e-\ufeff"


def _hostile(ctx: Context) -> list[tuple[str, Callable[[], Exchange]]]:
    target = ctx.target
    raw = target.get_raw
    return [
        ("an 8 KB after_id", lambda: target.list_models(after_id=LONG)),
        ("an 8 KB before_id", lambda: target.list_models(before_id=LONG)),
        ("a unicode after_id", lambda: target.list_models(after_id=UNICODE)),
        ("a unicode before_id", lambda: target.list_models(before_id=UNICODE)),
        ("a NUL cursor", lambda: target.list_models(after_id="\x00")),
        ("a cursor of percent junk", lambda: raw("/v1/models", "after_id=%zz%%2")),
        ("a cursor of invalid UTF-8", lambda: raw("/v1/models", "before_id=%ff%fe%80")),
        ("a NUL limit", lambda: raw("/v1/models", "limit=%00")),
        ("a huge limit", lambda: target.list_models(limit=10**30)),
        ("a limit of 400 digits", lambda: raw("/v1/models", "limit=" + "9" * 400)),
        ("empty cursors", lambda: raw("/v1/models", "after_id=&before_id=")),
        ("a parameter given 3 times", lambda: raw("/v1/models", "limit=1&limit=1&limit=1")),
        ("an 8 KB lifecycle stage", lambda: raw("/v1/models", [("lifecycle[]", LONG)])),
        (
            "lifecycle[] given 200 times",
            lambda: raw("/v1/models", [("lifecycle[]", "active")] * 200),
        ),
        ("an 8 KB model id", lambda: target.get_model(LONG)),
        ("a unicode model id", lambda: target.get_model(UNICODE)),
        ("a model id with a slash", lambda: target.get_model("claude/../../v1/models")),
        ("a NUL model id", lambda: target.get_model("\x00")),
        (
            "a model id of invalid UTF-8",
            lambda: raw("/v1/models/%ff%fe", "", operation="get_model"),
        ),
    ]


@check(
    "robustness",
    "HTTP semantics: 5xx means the server failed; a malformed request is the client's error (4xx), "
    "and openapi.yaml answers it with 400 invalid_request_error or 404 not_found_error",
    level=Level.HYGIENE,
    needs_catalogue=False,
)
def robustness(ctx: Context) -> str:
    """Hostile parameters (8 KB cursors and stages, unicode, NUL, percent junk, huge limits) never give a 5xx."""
    statuses: Counter[int] = Counter()
    cases = _hostile(ctx)
    for what, send in cases:
        try:
            exchange = send()
        except NoAnswer as exc:
            raise NoAnswer(exc.request, f"{what}: {exc.reason}") from None
        if exchange.status >= 500:
            raise Failure(f"{what} gave {exchange.status}", exchange)
        statuses[exchange.status] += 1
    shown = ", ".join(f"{status} x{count}" for status, count in sorted(statuses.items()))
    return f"{len(cases)} hostile requests, no 5xx ({shown})"
