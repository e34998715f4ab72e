"""Every response of the run: JSON with a request id (hygiene), bodies as the API documents them
(contract), and openapi.yaml's schemas in full (spec)."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Optional

from anthropic_models import _codec
from anthropic_models.conformance.checks.errors import UNKNOWN_ID
from anthropic_models.conformance.registry import (
    Context,
    Failure,
    Inconclusive,
    Level,
    Skip,
    check,
    referred,
)
from anthropic_models.conformance.target import BudgetExhausted, Credential, Exchange
from anthropic_models.errors import MissingDependencyError, ResponseValidationError
from anthropic_models_generated.models import ModelInfo
from anthropic_models_generated.rfc3339 import is_datetime
from anthropic_models_generated.transport import OPERATIONS

_DATE_FIELDS = ("created_at", "deprecated_at", "retires_at")
_DOCUMENTED = frozenset.intersection(*(frozenset(op.statuses) for op in OPERATIONS.values()))
"""The statuses openapi.yaml documents for every operation (generated from the spec)."""


def _cover(ctx: Context) -> None:
    """Make sure the run has a response of each kind to look at, once per run."""
    if not ctx.first_time("cover"):
        return
    target = ctx.target
    try:
        ids = ctx.catalogue.ids
    except (Skip, Inconclusive):
        ids = ()
    try:
        target.list_models(limit=2)
        if ids:
            target.get_model(ids[0])
        target.get_model(UNKNOWN_ID)
        if not target.safe:  # the safe profile sends no request an ordinary client would not
            target.list_models(limit=1, credential=Credential("none"))
            target.get_raw("/v1/models", [("limit", "0")])
    except BudgetExhausted:
        pass  # the budget is spent: look at the responses the run has


def _distinct(exchanges: list[Exchange]) -> list[Exchange]:
    """One exchange per distinct (operation, status, content type, request id present, body)."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for exchange in exchanges:
        key = (
            exchange.operation,
            exchange.status,
            exchange.header("content-type"),
            bool(exchange.header("request-id")),
            hashlib.sha256(exchange.body).digest(),
        )
        if key not in seen:
            seen.add(key)
            out.append(exchange)
    return out


def _dates(item: Any, where: str) -> Optional[str]:
    if not isinstance(item, dict):
        return None
    for name in _DATE_FIELDS:
        value = item.get(name)
        if isinstance(value, str) and not is_datetime(value):
            return f"{where}.{name} is {value[:40]!r}, not an RFC 3339 date-time"
    return None


def _body_problem(exchange: Exchange) -> Optional[str]:
    """What is wrong with a 200 body as the API documents it; None when nothing is.

    A retrieved model, and each model of a page, decode with the generated ``ModelInfo`` (its
    required fields, types, the lifecycle stages, the capability keys); a page has a ``data``
    array and a boolean ``has_more`` (``first_id``/``last_id``: the first-last-id checks).
    """
    try:
        data = exchange.json()
    except ValueError as exc:
        return str(exc)
    if exchange.operation == "list_models":
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            return "the body is not a page: no `data` array"
        if not isinstance(data.get("has_more"), bool):
            return f"has_more is {data.get('has_more', 'missing')!r}, not a boolean"
        items, prefix = data["data"], "$.data"
    else:
        items, prefix = [data], ""
    for index, item in enumerate(items):
        where = f"{prefix}[{index}]" if prefix else "$"
        try:
            _codec.structure(item, ModelInfo)
        except ResponseValidationError as exc:
            return f"{where} does not decode as ModelInfo: {exc}"
        problem = _dates(item, where)
        if problem:
            return problem
    return None


def _content_type(exchange: Exchange) -> str:
    return (exchange.header("content-type") or "").split(";")[0].strip().lower()


@check(
    "response-format",
    "HTTP hygiene: every response is `application/json` and carries a `request-id` header (the API "
    "documents it; openapi.yaml: required)",
    level=Level.HYGIENE,
    safe=True,
    needs_catalogue=False,
    last=True,
)
def response_format(ctx: Context) -> str:
    """Every response of the run is JSON with a ``request-id`` header."""
    _cover(ctx)
    exchanges, owners = ctx.unreported([e for e in ctx.target.exchanges if e.status in _DOCUMENTED])
    for exchange in _distinct(exchanges):
        if _content_type(exchange) != "application/json":
            raise Failure(
                f"content-type is {exchange.header('content-type')!r}, not application/json",
                exchange,
            )
        if not (exchange.header("request-id") or "").strip():
            raise Failure("the response has no request-id header", exchange)
    return f"{len(exchanges)} responses: JSON, with a request-id{referred(owners)}"


@check(
    "response-body",
    'API contract: ModelInfo has `id`, `type` "model", `created_at` (RFC 3339), '
    "`display_name` and `lifecycle`; optional fields typed as documented; a page has `data` and "
    "`has_more` (checked with the generated models)",
    level=Level.CONTRACT,
    safe=True,
    rules=("#/components/schemas/ListModelsResponse", "#/components/schemas/ModelInfo"),
    needs_catalogue=False,
    last=True,
)
def response_body(ctx: Context) -> str:
    """Every 200 body of the run holds models as the API documents them."""
    _cover(ctx)
    exchanges, owners = ctx.unreported([e for e in ctx.target.exchanges if e.status == 200])
    for exchange in _distinct(exchanges):
        problem = _body_problem(exchange)
        if problem:
            raise Failure(problem, exchange)
    return f"{len(exchanges)} successful responses hold models as documented{referred(owners)}"


_SCHEMA_RULE = (
    "openapi.yaml decision (its schemas in full, e.g. required `first_id`, minimums): every "
    "response validates against the response the spec documents for its operation and status "
    "(openapi-core)"
)


def _new_models_only(
    exchange: Exchange, validated: set[bytes]
) -> tuple[bytes, Optional[list[int]]]:
    """A 200 page's body with only the models not validated yet, and their positions in the page.

    The walks list each model several times; validating each distinct model once keeps a big
    catalogue fast. Other bodies are returned whole (positions None).
    """
    if exchange.operation != "list_models" or exchange.status != 200:
        return exchange.body, None
    try:
        data = exchange.json()
        items = data["data"]
    except (ValueError, KeyError, TypeError):
        return exchange.body, None
    if not isinstance(items, list):
        return exchange.body, None
    positions = []
    for index, item in enumerate(items):
        digest = hashlib.sha256(json.dumps(item, sort_keys=True).encode()).digest()
        if digest not in validated:
            validated.add(digest)
            positions.append(index)
    trimmed = {**data, "data": [items[index] for index in positions]}
    return json.dumps(trimmed).encode(), positions


def _renumber(problem: str, positions: list[int]) -> str:
    """``$.data[k]`` of the trimmed body as the index in the page the target sent."""
    return re.sub(r"\$\.data\[(\d+)\]", lambda m: f"$.data[{positions[int(m.group(1))]}]", problem)


@check(
    "schema",
    _SCHEMA_RULE,
    level=Level.SPEC,
    safe=True,
    rules=("#",),
    needs_catalogue=False,
    last=True,
)
def schema(ctx: Context) -> str:
    """Every response validates against openapi.yaml with openapi-core (needs the validation extra)."""
    try:
        from anthropic_models._validation import spec_validator

        validator = spec_validator()
    except MissingDependencyError:
        raise Skip(
            "openapi-core is not installed (pip install 'anthropic-models[validation]'); "
            "response-body still decodes every model with the generated models"
        ) from None
    _cover(ctx)
    exchanges, owners = ctx.unreported([e for e in ctx.target.exchanges if e.status in _DOCUMENTED])
    validated: set[bytes] = set()
    for exchange in _distinct(exchanges):
        path = OPERATIONS[exchange.operation].path
        target = exchange.request.target
        url = "http://conformance.invalid" + (target if target.startswith("/v1/") else path)
        headers = {name.lower(): value for name, value in exchange.headers.items()}
        body, positions = _new_models_only(exchange, validated)
        try:
            problems = validator.response_errors("GET", url, exchange.status, headers, body)
        except Exception as exc:  # openapi-core on a hostile URL: say so, do not crash the run
            problems = [f"openapi-core could not validate it: {type(exc).__name__}: {exc}"]
        if positions is not None:
            problems = [_renumber(problem, positions) for problem in problems]
        if problems:
            more = f" (and {len(problems) - 2} more)" if len(problems) > 2 else ""
            raise Failure("; ".join(problems[:2]) + more, exchange)
    return f"{len(exchanges)} responses validate against openapi.yaml{referred(owners)}"
