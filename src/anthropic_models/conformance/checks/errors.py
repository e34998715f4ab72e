"""Errors: unknown models, bad cursors, repeated and unknown parameters, and the error body."""

from __future__ import annotations

from anthropic_models.conformance.credentials import Credential
from anthropic_models.conformance.pages import read_error, read_page, show_ids
from anthropic_models.conformance.records import Exchange
from anthropic_models.conformance.registry import (
    Context,
    Failure,
    Inconclusive,
    Level,
    Skip,
    check,
    referred,
)
from anthropic_models_generated.operations import OPERATIONS

_DECIDED = "openapi.yaml decision (info.description; the API is silent)"
_ERROR_SHAPE = (
    'API contract: errors have the shape {"type": "error", "error": {"type", "message", '
    '"details"?}, "request_id"?}, with the error type documented for the status'
)
_DOCUMENTED = frozenset.intersection(
    *(frozenset(status for status, _ in op.errors) for op in OPERATIONS.values())
)
"""The error statuses the spec documents for every operation (generated from the spec)."""

UNKNOWN_ID = "conformance-no-such-model-3f9c1e"
"""An id no catalogue lists (checked against the discovered one)."""


def unknown_id(ctx: Context) -> str:
    """An id the target does not list."""
    try:
        listed = set(ctx.catalogue.ids)
    except (Skip, Inconclusive):
        listed = set()
    candidate = UNKNOWN_ID
    while candidate in listed:
        candidate += "-x"
    return candidate


@check(
    "not-found",
    "API contract: an unknown model is a 404 `not_found_error` (the documented error types)",
    level=Level.CONTRACT,
    safe=True,
    rules=("#/components/responses/NotFound",),
    needs_catalogue=False,
)
def not_found(ctx: Context) -> str:
    """An unknown model id gives 404 ``not_found_error``."""
    exchange = ctx.target.get_model(unknown_id(ctx))
    if 200 <= exchange.status < 300:
        raise Failure(f"an unknown model gave {exchange.status}, expected 404", exchange)
    read_error(exchange, 404)
    return "an unknown model gave 404 not_found_error"


@check(
    "cursor-conflict",
    f'{_DECIDED}: "Giving both `after_id` and `before_id` ... is a `400 invalid_request_error`"',
    level=Level.SPEC,
    rules=("D-cursor-conflict",),
)
def cursor_conflict(ctx: Context) -> str:
    """``after_id`` with ``before_id`` gives 400."""
    ids = ctx.require(1, "to name cursors")
    exchange = ctx.target.list_models(after_id=ids[0], before_id=ids[-1])
    if 200 <= exchange.status < 300:
        raise Failure(f"both cursors were accepted ({exchange.status}), expected 400", exchange)
    read_error(exchange, 400)
    return "both cursors gave 400 invalid_request_error"


@check(
    "cursor-unknown",
    f'{_DECIDED}: "A cursor that names no model at all is a `400 invalid_request_error`"',
    level=Level.SPEC,
    rules=("D-cursor-unknown",),
    needs_catalogue=False,
)
def cursor_unknown(ctx: Context) -> str:
    """A cursor naming no listed model gives 400, in both directions."""
    cursor = unknown_id(ctx)
    for exchange in (
        ctx.target.list_models(after_id=cursor),
        ctx.target.list_models(before_id=cursor),
        ctx.target.get_raw("/v1/models", "after_id="),
        ctx.target.get_raw("/v1/models", "before_id="),
    ):
        if 200 <= exchange.status < 300:
            raise Failure(
                f"{exchange.request.target} was accepted ({exchange.status}), expected 400",
                exchange,
            )
        read_error(exchange, 400)
    return "an unknown and an empty after_id and before_id each gave 400"


@check(
    "repeated-params",
    f'{_DECIDED}: "the same scalar query parameter twice is a `400 invalid_request_error`"',
    level=Level.SPEC,
    rules=("D-repeated-params",),
)
def repeated_params(ctx: Context) -> str:
    """A query parameter given twice gives 400."""
    ids = ctx.catalogue.ids
    queries = [[("limit", "1"), ("limit", "2")]]
    if len(ids) >= 2:
        queries.append([("after_id", ids[0]), ("after_id", ids[1])])
        queries.append([("before_id", ids[-1]), ("before_id", ids[-1])])
    for query in queries:
        exchange = ctx.target.get_raw("/v1/models", query)
        if 200 <= exchange.status < 300:
            raise Failure(
                f"{query[0][0]} given twice was accepted ({exchange.status}), expected 400",
                exchange,
            )
        read_error(exchange, 400)
    return f"{len(queries)} queries with a repeated parameter each gave 400"


@check(
    "unknown-params",
    f'{_DECIDED}: "Query parameters this document does not name are ignored."',
    level=Level.SPEC,
    rules=("D-unknown-params",),
)
def unknown_params(ctx: Context) -> str:
    """A query parameter the spec does not name is ignored."""
    ids = ctx.require(1, "to list")
    exchange = ctx.target.get_raw(
        "/v1/models", [("limit", "2"), ("conformance_probe", "1"), ("beta", "true")]
    )
    page = read_page(exchange)
    page.expect_ids(ids[:2], "limit=2 with unknown parameters")
    return f"unknown parameters ignored: limit=2 still gave {show_ids(page.ids)}"


def _provoke_errors(ctx: Context) -> list[Exchange]:
    target = ctx.target
    return [
        target.get_raw("/v1/models", [("limit", "0")]),
        target.list_models(limit=1, credential=Credential("none")),
        target.get_model(unknown_id(ctx)),
    ]


@check(
    "error-format",
    _ERROR_SHAPE,
    level=Level.CONTRACT,
    rules=("C-error-shape",),
    needs_catalogue=False,
    last=True,
)
def error_format(ctx: Context) -> str:
    """Every error response of the run has the documented error body and the type of its status."""
    _provoke_errors(ctx)
    errors, owners = ctx.unreported(
        [
            exchange
            for exchange in ctx.target.exchanges
            if exchange.status in _DOCUMENTED and exchange.status >= 400
        ]
    )
    for exchange in errors:
        read_error(exchange)
    statuses = ", ".join(map(str, sorted({exchange.status for exchange in errors})))
    return f"{len(errors)} error responses ({statuses}) in the spec's shape{referred(owners)}"
