"""The lifecycle filter and the default view (contract), and the forms openapi.yaml decides (spec).

The API documents (``lifecycle[]``): a filter of up to three stages; without it the list holds the
``active`` and ``deprecated`` models, ``retired`` ones only when asked for; every model has a
``lifecycle``; ``capabilities``, when not null, has every documented key. openapi.yaml decides the
rest: the plain ``lifecycle=`` form, duplicates, empty and comma values, cursors under a filter.
"""

from __future__ import annotations

import typing
from typing import Any, Mapping, Optional, Sequence

import attrs

from anthropic_models.conformance.pages import (
    MAX_STAGES,
    STAGES,
    PageView,
    read_error,
    read_json,
    read_page,
    show_ids,
)
from anthropic_models.conformance.records import Exchange
from anthropic_models.conformance.registry import Context, Failure, Inconclusive, Level, Skip, check
from anthropic_models_generated.models import ModelCapabilities

_CONTRACT = "API contract (lifecycle[], openapi.yaml info.description)"
_DECIDED = "openapi.yaml decision (info.description; the API is silent)"
_MAX_PAGES = 100
_UNKNOWN_STAGE = "conformance-unknown-stage"
_SAMPLE = 2


@attrs.frozen
class View:
    """A whole filtered list, walked forward: its ids in order, each model, and where it came from."""

    stages: tuple[str, ...]
    ids: tuple[str, ...]
    items: dict[str, dict[str, Any]] = attrs.field(repr=False)
    sources: dict[str, Exchange] = attrs.field(repr=False)
    first: Exchange = attrs.field(repr=False)

    @property
    def query(self) -> str:
        return "&".join(f"lifecycle[]={stage}" for stage in self.stages) or "no filter"


def _walk(ctx: Context, stages: Sequence[str]) -> View:
    """Every model of ``lifecycle[]=stages``, walking forward with ``after_id = last_id``."""
    limit = ctx.catalogue.limit
    ids: list[str] = []
    items: dict[str, dict[str, Any]] = {}
    sources: dict[str, Exchange] = {}
    cursor: Optional[str] = None
    first: Optional[Exchange] = None
    what = "&".join(f"lifecycle[]={stage}" for stage in stages)
    for _ in range(_MAX_PAGES):
        exchange = ctx.target.list_models(after_id=cursor, limit=limit, lifecycle=list(stages))
        first = first or exchange
        if exchange.status != 200:
            read_error(exchange)  # a broken error body is its own failure
            raise Failure(f"{what} gave {exchange.status}, expected a page", exchange)
        page: PageView = read_page(exchange)
        for model_id, item in zip(page.ids, page.items):
            if model_id in items:
                raise Failure(f"{what} lists {model_id!r} twice", exchange)
            ids.append(model_id)
            items[model_id] = item
            sources[model_id] = exchange
        if not page.has_more or not page.ids:
            return View(tuple(stages), tuple(ids), items, sources, first)
        cursor = page.last_id if isinstance(page.last_id, str) and page.last_id else page.ids[-1]
    raise Failure(f"the walk of {what} did not end after {_MAX_PAGES} pages", exchange)


def view(ctx: Context, stages: Sequence[str]) -> View:
    """The walk of ``lifecycle[]=stages``, once per run."""
    key = "view:" + ",".join(stages)
    result: View = ctx.memo(key, lambda: _walk(ctx, stages))
    return result


def _stage(item: Mapping[str, Any]) -> Any:
    return item.get("lifecycle")


@check(
    "lifecycle-default-view",
    f'{_CONTRACT}: "When omitted, the list holds the `active` and `deprecated` models; `retired` '
    'models appear only when `retired` is requested"',
    level=Level.CONTRACT,
    safe=True,
    rules=("C-default-view",),
)
def default_view(ctx: Context) -> str:
    """Without a filter the list leaves retired models out, and is the active and deprecated ones."""
    catalogue = ctx.catalogue
    for model_id in catalogue.ids:
        if _stage(catalogue.items[model_id]) == "retired":
            raise Failure(
                f"{model_id!r} is retired but listed without a filter",
                catalogue.sources[model_id],
            )
    shown = [stage for stage in STAGES if stage != "retired"]
    both = view(ctx, shown)
    if both.ids != catalogue.ids:
        extra = [i for i in catalogue.ids if i not in both.items]
        missing = [i for i in both.ids if i not in catalogue.items]
        detail = (
            f"only the default view has {show_ids(extra)}"
            if extra
            else f"only {both.query} has {show_ids(missing)}"
            if missing
            else "same models, another order"
        )
        raise Failure(f"the default view differs from {both.query}: {detail}", both.first)
    return f"{len(catalogue.ids)} models, none retired: the same as {both.query}"


@check(
    "lifecycle-filter",
    f'{_CONTRACT}: "`lifecycle[]` filters the list to models in any of up to {MAX_STAGES} given '
    'stages"',
    level=Level.CONTRACT,
    safe=True,
    rules=("C-lifecycle-filter",),
)
def lifecycle_filter(ctx: Context) -> str:
    """Each stage's filter returns exactly the models of that stage, and all stages every model."""
    catalogue = ctx.catalogue
    counts = []
    union: set[str] = set()
    for stage in STAGES:
        walked = view(ctx, [stage])
        for model_id in walked.ids:
            if _stage(walked.items[model_id]) != stage:
                raise Failure(
                    f"lifecycle[]={stage} lists {model_id!r}, whose lifecycle is "
                    f"{_stage(walked.items[model_id])!r}",
                    walked.sources[model_id],
                )
        if stage != "retired":
            expected = tuple(i for i in catalogue.ids if _stage(catalogue.items[i]) == stage)
            if walked.ids != expected:
                raise Failure(
                    f"lifecycle[]={stage} gave {show_ids(walked.ids)}, but the default view's "
                    f"{stage} models are {show_ids(expected)}",
                    walked.first,
                )
        union.update(walked.ids)
        counts.append(f"{len(walked.ids)} {stage}")
    everything = view(ctx, list(STAGES)[:MAX_STAGES])
    if set(everything.ids) != union:
        missing = sorted(union - set(everything.ids))
        extra = sorted(set(everything.ids) - union)
        raise Failure(
            f"{everything.query} misses {show_ids(missing)} and adds {show_ids(extra)}",
            everything.first,
        )
    return f"{', '.join(counts)}: each filter returns exactly its stage; all stages: {len(union)}"


@check(
    "lifecycle-invalid",
    f"{_DECIDED}: an unknown stage is a `400 invalid_request_error`",
    level=Level.SPEC,
    rules=("D-lifecycle-forms",),
    needs_catalogue=False,
)
def lifecycle_invalid(ctx: Context) -> str:
    """An unknown stage in ``lifecycle[]`` gives 400 with the error body."""
    exchange = ctx.target.get_raw("/v1/models", [("lifecycle[]", _UNKNOWN_STAGE)])
    if 200 <= exchange.status < 300:
        raise Failure(
            f"lifecycle[]={_UNKNOWN_STAGE} was accepted ({exchange.status}), expected 400", exchange
        )
    read_error(exchange, 400)
    return "an unknown stage gave 400 invalid_request_error"


def _seen_models(ctx: Context) -> list[tuple[str, dict[str, Any], Exchange]]:
    """Every model the run has read: the default view, and any filtered walk already made."""
    catalogue = ctx.catalogue
    seen = {i: (i, dict(catalogue.items[i]), catalogue.sources[i]) for i in catalogue.ids}
    for stages in (*([s] for s in STAGES), list(STAGES)[:MAX_STAGES]):
        key = "view:" + ",".join(stages)
        walked = ctx.memoised(key)
        if isinstance(walked, View):
            for model_id in walked.ids:
                seen.setdefault(
                    model_id, (model_id, walked.items[model_id], walked.sources[model_id])
                )
    return list(seen.values())


@check(
    "lifecycle-present",
    f"{_CONTRACT}: every model has `lifecycle`, one of {', '.join(STAGES)} (required); "
    "a stage newer than the spec is reported as drift, as clients must accept it",
    level=Level.CONTRACT,
    safe=True,
    rules=("#/components/schemas/ModelInfo",),
)
def lifecycle_present(ctx: Context) -> str:
    """Every model listed or retrieved has a ``lifecycle`` (a stage newer than the spec is drift)."""
    models = _seen_models(ctx)
    if ctx.catalogue.ids:
        exchange = ctx.target.get_model(ctx.catalogue.ids[0])
        try:
            got = exchange.json()
        except ValueError:
            got = None
        if isinstance(got, dict) and isinstance(got.get("id"), str):
            models.append((got["id"], got, exchange))
    newer: set[str] = set()
    for model_id, item, source in models:
        if "lifecycle" not in item:
            raise Failure(f"{model_id!r} has no lifecycle", source)
        stage = item["lifecycle"]
        if not isinstance(stage, str) or not stage:
            raise Failure(f"{model_id!r} has lifecycle {stage!r}, not a stage name", source)
        if stage not in STAGES:
            newer.add(stage)  # an enum value newer than the spec: drift, not a failure
    if newer:
        shown = ", ".join(repr(stage) for stage in sorted(newer))
        return f"{len(models)} models, each with a lifecycle; {shown} newer than the spec (drift)"
    return f"{len(models)} models, each with a documented lifecycle"


def _nested(kind: Any) -> Optional[type]:
    """The attrs class a field holds (through Optional), or None for a leaf."""
    if attrs.has(kind):
        return typing.cast(type, kind)
    for arg in typing.get_args(kind):
        if arg is not type(None) and attrs.has(arg):
            return typing.cast(type, arg)
    return None


def missing_keys(value: Any, cls: type, path: str) -> Optional[str]:
    """The first required key of ``cls`` (a generated model) that ``value`` lacks, by its path.

    Required keys are the fields without a default; optional nested objects are checked too when
    present and not null.
    """
    if not isinstance(value, dict):
        return f"{path} is {type(value).__name__}, not an object"
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        name = field.name
        required = field.default is attrs.NOTHING
        if name not in value or value[name] is None:
            if required:
                return f"{path}.{name} is {'null' if name in value else 'missing'}"
            continue
        inner = _nested(hints[name])
        if inner is not None:
            problem = missing_keys(value[name], inner, f"{path}.{name}")
            if problem:
                return problem
    return None


@check(
    "capabilities-keys",
    'API contract: `capabilities`, when not null, has "keys ... always present for all known '
    'capabilities": every required key of the generated ModelCapabilities, nested ones too',
    level=Level.CONTRACT,
    safe=True,
    rules=("#/components/schemas/ModelCapabilities",),
)
def capabilities_keys(ctx: Context) -> str:
    """When a model has ``capabilities``, every required capability key is there."""
    models = _seen_models(ctx)
    checked = 0
    for model_id, item, source in models:
        capabilities = item.get("capabilities")
        if capabilities is None:
            continue
        checked += 1
        problem = missing_keys(capabilities, ModelCapabilities, "capabilities")
        if problem:
            raise Failure(f"{model_id!r}: {problem}", source)
    if not models:
        raise Inconclusive("the target lists no model: no capabilities to check")
    if not checked:
        raise Skip(f"none of the {len(models)} models has capabilities")
    return f"{checked} models with capabilities, each with every required key"


def _no_retired(ctx: Context, walked: str) -> None:
    """Skip when the run saw no retired model anywhere; Inconclusive when some walk did."""
    seen = sorted(model_id for model_id, item, _ in _seen_models(ctx) if _stage(item) == "retired")
    if seen:
        raise Inconclusive(
            f"{walked} listed no retired model, yet the run saw {len(seen)} (e.g. {seen[0]!r}) "
            "in other walks: the filter is broken (see lifecycle-filter), not the rule absent"
        )
    raise Skip("the target lists no retired model")


@check(
    "retired-retrieve",
    'API contract: "Retrieve returns any model, retired ones included" (with `lifecycle: retired`)',
    level=Level.CONTRACT,
    safe=True,
    rules=("C-retrieve-any",),
)
def retired_retrieve(ctx: Context) -> str:
    """A retired model (listed with ``lifecycle[]=retired``) is retrieved, as retired."""
    retired = view(ctx, ["retired"])
    if not retired.ids:
        _no_retired(ctx, "lifecycle[]=retired")
    sample = (
        [retired.ids[0], retired.ids[-1]][:_SAMPLE] if len(retired.ids) > 1 else [retired.ids[0]]
    )
    for model_id in sample:
        exchange = ctx.target.get_model(model_id)
        if exchange.status != 200:
            raise Failure(
                f"the retired {model_id!r} gave {exchange.status}, expected 200", exchange
            )
        got = read_json(exchange)
        if not isinstance(got, dict):
            raise Failure(f"GET of the retired {model_id!r} is not a model object", exchange)
        if got.get("id") != model_id:
            raise Failure(
                f"GET of the retired {model_id!r} returned id {got.get('id')!r}", exchange
            )
        if _stage(got) != "retired":
            raise Failure(
                f"GET of the retired {model_id!r} says lifecycle {_stage(got)!r}", exchange
            )
    return f"{len(sample)} retired models retrieved, as retired"


@check(
    "lifecycle-forms",
    f'{_DECIDED}: "The plain form `lifecycle=retired` means the same as `lifecycle[]=retired` ... '
    "Each value is one stage (`active,retired` is an unknown stage). Giving a stage twice counts "
    f'once; more than {MAX_STAGES} values, an empty value or an unknown stage is a `400`."',
    level=Level.SPEC,
    rules=("D-lifecycle-forms",),
)
def lifecycle_forms(ctx: Context) -> str:
    """The plain ``lifecycle=`` form and a repeated stage filter; comma, empty and too many give 400."""
    limit = ctx.catalogue.limit
    last = STAGES[-1]
    bracketed = view(ctx, [last])
    plain = ctx.target.get_raw("/v1/models", [("lifecycle", last), ("limit", str(limit))])
    page = read_page(plain)
    page.expect_ids(bracketed.ids[:limit], f"lifecycle={last} (the plain form)")
    first = view(ctx, [STAGES[0]])
    twice = read_page(
        ctx.target.get_raw(
            "/v1/models",
            [("lifecycle[]", STAGES[0]), ("lifecycle[]", STAGES[0]), ("limit", str(limit))],
        )
    )
    twice.expect_ids(first.ids[:limit], f"lifecycle[]={STAGES[0]} given twice")
    refused = [
        [("lifecycle[]", ",".join(STAGES[:2]))],
        [("lifecycle[]", "")],
        [("lifecycle[]", STAGES[i % len(STAGES)]) for i in range(MAX_STAGES + 1)],
    ]
    for query in refused:
        exchange = ctx.target.get_raw("/v1/models", query)
        if 200 <= exchange.status < 300:
            shown = "&".join(f"{k}={v}" for k, v in query)
            raise Failure(f"{shown} was accepted ({exchange.status}), expected 400", exchange)
        read_error(exchange, 400)
    return (
        f"lifecycle={last} equals lifecycle[]={last}; a repeated stage counts once; a comma value, "
        f"an empty value and {MAX_STAGES + 1} values each gave 400"
    )


@check(
    "lifecycle-cursor",
    f'{_DECIDED}: "Cursors are positions in the newest-first order of the whole catalogue: a '
    'cursor may name ... a model that the `lifecycle` filter leaves out of the current view"',
    level=Level.SPEC,
    safe=True,
    rules=("D-cursor-positions",),
)
def lifecycle_cursor(ctx: Context) -> str:
    """A cursor naming a retired model pages the default view from that model's position."""
    catalogue = ctx.catalogue
    everything = view(ctx, list(STAGES)[:MAX_STAGES])
    listed = set(catalogue.ids).union(*(view(ctx, [stage]).ids for stage in STAGES))
    left_out = [model_id for model_id in listed if model_id not in everything.items]
    if left_out:
        raise Inconclusive(
            f"the premise is broken: the walk of {everything.query} (the whole catalogue) leaves "
            f"out {len(left_out)} models other walks list, e.g. {left_out[0]!r} (see "
            "lifecycle-filter): positions in it cannot be judged"
        )
    retired = [i for i in everything.ids if _stage(everything.items[i]) == "retired"]
    if not retired:
        _no_retired(ctx, everything.query)
    cursor = retired[len(retired) // 2]
    position = everything.ids.index(cursor)
    limit = 3
    shown = set(catalogue.ids)
    after = [i for i in everything.ids[position + 1 :] if i in shown][:limit]
    before = [i for i in everything.ids[:position] if i in shown][-limit:]
    for name, expected in (("after_id", after), ("before_id", before)):
        if name == "after_id":
            exchange = ctx.target.list_models(limit=limit, after_id=cursor)
        else:
            exchange = ctx.target.list_models(limit=limit, before_id=cursor)
        page = read_page(exchange)
        page.expect_ids(expected, f"{name}={cursor} (a retired model) in the default view")
    return f"after_id and before_id naming the retired {cursor!r} page the default view from it"
