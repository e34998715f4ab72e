"""Retrieving one model: the same model as the list shows (contract), and path integrity (security).

A retrieve must answer the model its path names (its id, or the model an alias resolves to) or a
404: never another model, never a list. Gateways that decode the id and parse the path again
answer ``/v1/models/<id>%3Fx%3D1`` with the model ``<id>``, and
``/v1/models/..%2F..%2Fv1%2Fmodels%3Flimit%3D1`` with a list page: a security finding, since
a path chosen by one client reaches another resource than the one it names.
"""

from __future__ import annotations

from typing import Any, Optional
from urllib.parse import quote

from anthropic_models.conformance.pages import MISSING, instant, read_json, spread
from anthropic_models.conformance.records import Exchange
from anthropic_models.conformance.registry import Context, Failure, Inconclusive, Level, Skip, check
from anthropic_models_generated.spec import SPEC

SAMPLE_SIZE = 10
"""How many ids ``get-model`` retrieves (evenly spread, first and last included)."""

_MODEL = SPEC["components"]["schemas"]["ModelInfo"]


def _resolved(schema: Any) -> Any:
    while isinstance(schema, dict) and "$ref" in schema:
        schema = SPEC["components"]["schemas"][str(schema["$ref"]).rsplit("/", 1)[1]]
    return schema


def _fits(schema: Any, value: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    if isinstance(value, dict):
        return "properties" in schema
    return isinstance(value, str) and schema.get("type") == "string"


def _known(value: Any, schema: Any) -> Any:
    """``value`` with only the fields the spec's schema names (the rest is drift), an optional
    field's null dropped (null and absent say the same), and date-times compared as instants."""
    schema = _resolved(schema)
    if not isinstance(schema, dict):
        return value
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives:
        fitting = [_resolved(a) for a in alternatives if _fits(_resolved(a), value)]
        return _known(value, fitting[0]) if fitting else value
    if schema.get("format") == "date-time":
        moment = instant(value)
        return value if moment is None else moment
    properties = schema.get("properties")
    if isinstance(value, dict) and isinstance(properties, dict):
        return {
            key: _known(item, properties[key])
            for key, item in value.items()
            if key in properties and item is not None
        }
    return value


@check(
    "get-model",
    'API contract: "GET /v1/models/{model_id}" retrieves a model; it is the one the list shows '
    "(on the fields the spec names: others are drift and may vary)",
    level=Level.CONTRACT,
    safe=True,
    rules=("#/paths/~1v1~1models~1{model_id}", "C-retrieve-any"),
)
def get_model(ctx: Context) -> str:
    """``GET /v1/models/{id}`` returns the same model as the list, for ids sampled evenly."""
    ids = ctx.require(1, "to retrieve")
    sample = [ids[i] for i in spread(len(ids), SAMPLE_SIZE)]
    for model_id in sample:
        exchange = ctx.target.get_model(model_id)
        if exchange.status != 200:
            raise Failure(f"{model_id!r} is listed but GET gave {exchange.status}", exchange)
        got = read_json(exchange)
        listed = dict(ctx.catalogue.items[model_id])
        if not isinstance(got, dict):
            raise Failure("the body is not a model object", exchange)
        if got.get("id") != model_id:
            raise Failure(f"GET /v1/models/{model_id} returned id {got.get('id')!r}", exchange)
        mine, theirs = _known(got, _MODEL), _known(listed, _MODEL)
        differing = sorted(
            key
            for key in set(mine) | set(theirs)
            if mine.get(key, MISSING) != theirs.get(key, MISSING)
        )
        if differing:
            raise Failure(
                f"GET /v1/models/{model_id} differs from the list on {', '.join(differing)}",
                exchange,
            )
    if not sample:
        raise Skip("the catalogue is empty")
    return f"{len(sample)} sampled models match the list on the spec's fields"


def _probes(model_id: str) -> list[tuple[str, str, str]]:
    """Each probe: what it is, its encoded path segment, and the id that segment names."""
    quoted = quote(model_id, safe="")
    dots = "..%2F..%2Fv1%2Fmodels%3Flimit%3D1"
    return [
        ("an encoded '?'", f"{quoted}%3Fx%3D1", f"{model_id}?x=1"),
        ("an encoded '#'", f"{quoted}%23x", f"{model_id}#x"),
        ("an encoded '/'", f"{quoted}%2Fx", f"{model_id}/x"),
        ("an encoded NUL", f"{quoted}%00", f"{model_id}\x00"),
        ("a suffix", f"{quoted}-conformance-suffix", f"{model_id}-conformance-suffix"),
        ("an encoded '../' to the list", dots, "../../v1/models?limit=1"),
        ("an encoded '..'", f"..%2F{quoted}", f"../{model_id}"),
    ]


def _trespass(requested: str, exchange: Exchange) -> Optional[str]:
    """What the answer shows of another resource than the one named, or None."""
    if exchange.status != 200:
        return None  # a 404, a 400 (or a 5xx: the robustness check's) names nothing else
    try:
        got = exchange.json()
    except ValueError:
        return None
    if isinstance(got, dict) and isinstance(got.get("data"), list):
        return "a list page"
    answered = got.get("id") if isinstance(got, dict) else None
    if not isinstance(answered, str):
        return None
    # An alias resolves to a longer, dated id that extends it; the reverse is another model.
    if answered == requested or answered.startswith(requested):
        return None
    return f"the model {answered!r}"


@check(
    "path-integrity",
    "Security: a retrieve answers the model its path names (its id, or the model an alias "
    "resolves to) or 404; an id holding an encoded ?, #, /, .. or NUL, or a known id with a "
    "suffix, must never reach another model or the list",
    level=Level.SECURITY,
)
def path_integrity(ctx: Context) -> str:
    """A retrieve of an id with an encoded delimiter, or a suffix, never answers another model."""
    ids = ctx.require(1, "to name in a path")
    model_id = ids[0]
    plain = ctx.target.get_model(model_id)
    answered = _trespass(model_id, plain) if plain.status == 200 else f"a {plain.status}"
    if answered:
        raise Inconclusive(
            f"the premise is broken: a plain retrieve of {model_id!r} answers {answered} (see "
            "get-model): what an encoded id reaches cannot be told apart"
        )
    found: list[tuple[str, Exchange]] = []
    for what, path, requested in _probes(model_id):
        exchange = ctx.target.get_raw(f"/v1/models/{path}", operation="get_model")
        trespass = _trespass(requested, exchange)
        if trespass:
            found.append((f"{what} answered {trespass}", exchange))
    if found:
        shown = "; ".join(problem for problem, _ in found)
        raise Failure(
            f"{len(found)} of {len(_probes(model_id))} retrieves reached another resource than "
            f"the one they name (the path is decoded and parsed again): {shown}",
            found[0][1],
        )
    return f"{len(_probes(model_id))} retrieves with encoded delimiters each named only themselves"
