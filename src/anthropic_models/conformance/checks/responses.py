"""Every response of the run: JSON with a request id, bodies that decode, and the spec's schemas."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Optional

from anthropic_models import _codec
from anthropic_models.conformance.checks.errors import UNKNOWN_ID
from anthropic_models.conformance.registry import Context, Failure, Skip, check
from anthropic_models.conformance.target import BudgetExhausted, Credential, Exchange
from anthropic_models.errors import MissingDependencyError, ResponseValidationError
from anthropic_models_generated.models import ListModelsResponse, ModelInfo
from anthropic_models_generated.transport import OPERATIONS

# RFC 3339 section 5.6 date-time (the "T" may be lower case; the codec also reads a space).
_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})\Z")
_DATE_FIELDS = ("created_at", "deprecated_at", "retires_at")
_DOCUMENTED = frozenset({200, 400, 401, 403, 404, 429, 500, 529})
"""The statuses openapi.yaml documents for both operations."""


def _cover(ctx: Context) -> None:
    """Make sure the run has a response of each kind to look at, once per run."""
    if not ctx.first_time("cover"):
        return
    target = ctx.target
    try:
        ids = ctx.catalogue.ids
    except Skip:
        ids = ()
    try:
        target.list_models(limit=2)
        if ids:
            target.get_model(ids[0])
        target.get_model(UNKNOWN_ID)
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
        if isinstance(value, str) and not _RFC3339.match(value):
            return f"{where}.{name} is {value[:40]!r}, not an RFC 3339 date-time"
    return None


def _body_problem(exchange: Exchange) -> Optional[str]:
    """What is wrong with a 200 body, read with the generated models; None when it decodes."""
    kind = ListModelsResponse if exchange.operation == "list_models" else ModelInfo
    try:
        _codec.decode(exchange.body, kind)
    except ResponseValidationError as exc:
        return f"the body does not decode as {kind.__name__}: {exc}"
    data = exchange.json()
    items = data["data"] if kind is ListModelsResponse else [data]
    prefix = "$.data" if kind is ListModelsResponse else ""
    for index, item in enumerate(items):
        problem = _dates(item, f"{prefix}[{index}]" if prefix else "$")
        if problem:
            return problem
    return None


@check(
    "response-format",
    'openapi.yaml: every response is application/json with a `request-id` header ("required: '
    'true"); ModelInfo: `type` const "model", `created_at` RFC 3339 date-time; bodies match '
    "ListModelsResponse / ModelInfo (checked with the generated models)",
    needs_catalogue=False,
    last=True,
)
def response_format(ctx: Context) -> str:
    """Every response is JSON with a ``request-id``; 200 bodies decode with the generated models."""
    _cover(ctx)
    exchanges = [e for e in ctx.target.exchanges if e.status in _DOCUMENTED]
    for exchange in _distinct(exchanges):
        content_type = (exchange.header("content-type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise Failure(
                f"content-type is {exchange.header('content-type')!r}, not application/json",
                exchange,
            )
        if not (exchange.header("request-id") or "").strip():
            raise Failure("the response has no request-id header", exchange)
        if exchange.status == 200:
            problem = _body_problem(exchange)
            if problem:
                raise Failure(problem, exchange)
    return f"{len(exchanges)} responses: JSON, with a request-id, bodies as the spec says"


_SCHEMA_RULE = (
    "openapi.yaml, paths: every response validates against the response the spec documents for "
    "its operation and status (openapi-core)"
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


@check("schema", _SCHEMA_RULE, needs_catalogue=False, last=True)
def schema(ctx: Context) -> str:
    """Every response validates against openapi.yaml with openapi-core (needs the validation extra)."""
    try:
        from anthropic_models._validation import spec_validator

        validator = spec_validator()
    except MissingDependencyError:
        raise Skip(
            "openapi-core is not installed (pip install 'anthropic-models[validation]'); "
            "response-format still decodes every body with the generated models"
        ) from None
    _cover(ctx)
    exchanges = [e for e in ctx.target.exchanges if e.status in _DOCUMENTED]
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
    return f"{len(exchanges)} responses validate against openapi.yaml"
