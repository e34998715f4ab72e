"""The ``anthropic-workspace-id`` header: never a crash (hygiene), and 400 outside visible ASCII
(the spec's own decision)."""

from __future__ import annotations

from typing import Union

from anthropic_models.conformance.pages import read_error, said
from anthropic_models.conformance.records import Exchange
from anthropic_models.conformance.registry import Context, Failure, Level, check
from anthropic_models_generated.transport import LIST_MODELS

_PARAMETER = LIST_MODELS.parameter("workspace_id")
WORKSPACE_HEADER = _PARAMETER.name
"""The header's name, as the spec gives it."""

_INVALID: tuple[tuple[str, Union[str, bytes]], ...] = (
    ("an empty value", ""),
    ("a non-ASCII value (UTF-8 bytes)", "wrkspc_\u00e9t\u00e9-\u6a21".encode()),
    ("a value with a space inside", "wrkspc_01 02"),
    ("a value with a control character", "wrkspc_\x01"),
)
"""Values outside visible ASCII: the spec decides each is a 400 invalid_request_error."""

_HOSTILE = (*_INVALID, ("an 8 KB value", "wrkspc_" + "w" * (8 * 1024 - 7)))


def _send(ctx: Context, value: Union[str, bytes]) -> Exchange:
    return ctx.target.get_raw("/v1/models", [("limit", "1")], extra=((WORKSPACE_HEADER, value),))


def _answers(ctx: Context) -> list[tuple[str, Exchange]]:
    """Each hostile value with its answer, asked once per run."""
    answers: list[tuple[str, Exchange]] = ctx.memo(
        "workspace", lambda: [(what, _send(ctx, value)) for what, value in _HOSTILE]
    )
    return answers


@check(
    "workspace-hostile",
    f"HTTP robustness: a malformed `{WORKSPACE_HEADER}` (empty, non-ASCII, a space, a control "
    "character, 8 KB) is the client's error: never a 5xx or a dropped connection, and an error "
    "answer has the error body",
    level=Level.HYGIENE,
    needs_catalogue=False,
)
def workspace_hostile(ctx: Context) -> str:
    """Malformed ``anthropic-workspace-id`` values never give a 5xx; errors have the error body."""
    problems: list[tuple[str, Exchange]] = []
    for what, exchange in _answers(ctx):
        if exchange.status >= 500:
            problems.append((f"{what} gave {exchange.status}{said(exchange)}", exchange))
        elif exchange.status >= 400:
            try:
                read_error(exchange)
            except Failure as failure:
                problems.append((f"{what}: {failure.reason}", exchange))
    if problems:
        raise Failure("; ".join(problem for problem, _ in problems), problems[0][1])
    statuses = ", ".join(f"{what}: {exchange.status}" for what, exchange in _answers(ctx))
    return f"no 5xx ({statuses})"


@check(
    "workspace-invalid",
    f"openapi.yaml decision (the {WORKSPACE_HEADER} parameter): a value outside visible ASCII "
    "is a `400 invalid_request_error`",
    level=Level.SPEC,
    rules=("#/components/parameters/AnthropicWorkspaceId",),
    needs_catalogue=False,
)
def workspace_invalid(ctx: Context) -> str:
    """An ``anthropic-workspace-id`` outside visible ASCII gives 400 ``invalid_request_error``."""
    invalid = {what for what, _ in _INVALID}
    for what, exchange in _answers(ctx):
        if what not in invalid:
            continue
        if exchange.status != 400:
            raise Failure(f"{what} gave {exchange.status}, expected 400", exchange)
        read_error(exchange, 400)
    return f"{len(invalid)} values outside visible ASCII each gave 400 invalid_request_error"
