"""The pagination rules, tested against the target's own catalogue (discovered first)."""

from __future__ import annotations

import math
from typing import Any, Optional

from anthropic_models import _codec
from anthropic_models.conformance.pages import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MIN_LIMIT,
    MISSING,
    PageView,
    read_error,
    read_page,
    show_ids,
)
from anthropic_models.conformance.registry import Context, Failure, Level, Skip, check

MAX_WALK_PAGES = 100
"""A small-limit walk takes at most this many pages: on a big catalogue, its limit grows."""

_PAGE = 3

_CONTRACT = "API contract (openapi.yaml, info.description)"
_DECIDED = "openapi.yaml decision (info.description; the API is silent)"


def _walk_limit(size: int, limit: int) -> int:
    return max(limit, math.ceil(size / MAX_WALK_PAGES))


def _params(**params: Any) -> str:
    return "&".join(f"{k}={v}" for k, v in params.items() if v is not None) or "no parameters"


def _walk(ctx: Context, limit: int, *, backward: bool) -> list[PageView]:
    """Follow the cursors (``after_id = last_id`` forward, ``before_id = first_id`` backward)."""
    ids = ctx.catalogue.ids
    pages: list[PageView] = []
    cursor: Optional[str] = ids[-1] if backward else None
    used: set[Optional[str]] = {cursor}
    while True:
        if backward:
            exchange = ctx.target.list_models(before_id=cursor, limit=limit)
        else:
            exchange = ctx.target.list_models(after_id=cursor, limit=limit)
        page = read_page(exchange)
        pages.append(page)
        if not page.has_more:
            return pages
        if not page.ids:
            raise Failure("an empty page says has_more is true: a client would stall", exchange)
        if len(pages) > MAX_WALK_PAGES + 2:
            raise Failure(f"the walk did not end after {len(pages)} pages", exchange)
        field = page.first_id if backward else page.last_id
        fallback = page.ids[0] if backward else page.ids[-1]
        cursor = field if isinstance(field, str) and field else fallback
        if cursor in used:
            raise Failure(f"the page sends the walk back to {cursor!r}: it would loop", exchange)
        used.add(cursor)


@check(
    "default-limit",
    f'{_CONTRACT}: "`limit` is 1..{MAX_LIMIT}, default {DEFAULT_LIMIT}"',
    level=Level.CONTRACT,
    safe=True,
    rules=("C-limit",),
)
def default_limit(ctx: Context) -> str:
    """Without ``limit``, a page holds the default number of models (or the whole catalogue)."""
    size = len(ctx.catalogue.ids)
    page = read_page(ctx.target.list_models())
    expected = min(DEFAULT_LIMIT, size)
    if len(page.ids) != expected:
        raise Failure(
            f"no limit gave {len(page.ids)} models, expected {expected} (the default is "
            f"{DEFAULT_LIMIT}; the catalogue has {size})",
            page.exchange,
        )
    note = (
        ""
        if size >= DEFAULT_LIMIT
        else f" (the catalogue has only {size}: a larger default passes too)"
    )
    return f"no limit gave {expected} models{note}"


@check(
    "limit-honoured",
    f'{_CONTRACT}: "`limit` is {MIN_LIMIT}..{MAX_LIMIT}"; a page holds `limit` models unless '
    "fewer are left",
    level=Level.CONTRACT,
    safe=True,
    rules=("C-limit", "C-page"),
)
def limit_honoured(ctx: Context) -> str:
    """The smallest and largest ``limit`` are accepted; a page holds ``min(limit, models left)``."""
    size = len(ctx.catalogue.ids)
    for limit in (MIN_LIMIT, MIN_LIMIT + 1, MAX_LIMIT):
        page = read_page(ctx.target.list_models(limit=limit))
        expected = min(limit, size)
        if len(page.ids) != expected:
            raise Failure(
                f"limit={limit} gave {len(page.ids)} models, expected {expected}", page.exchange
            )
    return (
        f"limit={MIN_LIMIT}, {MIN_LIMIT + 1} and {MAX_LIMIT} gave that many models "
        "(or the whole catalogue)"
    )


_INVALID_LIMITS = (str(MIN_LIMIT - 1), str(MAX_LIMIT + 1), "-1", "abc", "1.5", "")


@check(
    "limit-invalid",
    f'{_DECIDED}: "a `limit` outside {MIN_LIMIT}..{MAX_LIMIT} or not an integer ... is a '
    '`400 invalid_request_error`"',
    level=Level.SPEC,
    rules=("D-limit-invalid",),
    needs_catalogue=False,
)
def limit_invalid(ctx: Context) -> str:
    """A ``limit`` out of range or not an integer gives 400 with the error body."""
    for value in _INVALID_LIMITS:
        exchange = ctx.target.get_raw("/v1/models", [("limit", value)])
        if 200 <= exchange.status < 300:
            raise Failure(f"limit={value} was accepted ({exchange.status}), expected 400", exchange)
        read_error(exchange, 400)
    shown = ", ".join(repr(value) for value in _INVALID_LIMITS)
    return f"limit={shown} each gave 400 invalid_request_error"


@check(
    "pages-partition",
    f"{_CONTRACT}: walking forward with `after_id = last_id` while `has_more` lists every model once; "
    "a page holds `limit` models unless it is the last",
    level=Level.CONTRACT,
    safe=True,
    rules=("C-walk", "C-cursors"),
)
def pages_partition(ctx: Context) -> str:
    """Walks with small limits give disjoint pages whose union, in order, is the catalogue."""
    ids = ctx.catalogue.ids
    if ctx.catalogue.duplicates:
        model_id = ctx.catalogue.duplicates[0]
        raise Failure(
            f"the discovery walk lists {model_id!r} twice", ctx.catalogue.sources[model_id]
        )
    walked_with = []
    for small in (_PAGE, 7):
        limit = _walk_limit(len(ids), small)
        pages = _walk(ctx, limit, backward=False)
        seen: dict[str, int] = {}
        for number, page in enumerate(pages, 1):
            if len(page.ids) > limit:
                raise Failure(
                    f"page {number} of the walk with limit={limit} holds {len(page.ids)} models",
                    page.exchange,
                )
            if page.has_more and len(page.ids) < limit:
                raise Failure(
                    f"page {number} of the walk with limit={limit} holds {len(page.ids)} models "
                    "but says more follow",
                    page.exchange,
                )
            for model_id in page.ids:
                if model_id in seen:
                    raise Failure(
                        f"{model_id!r} is on page {seen[model_id]} and again on page {number} "
                        f"of the walk with limit={limit}",
                        page.exchange,
                    )
                seen[model_id] = number
        walked = [model_id for page in pages for model_id in page.ids]
        missing = [model_id for model_id in ids if model_id not in seen]
        if missing:
            # Cite the page that should have held the first missing model.
            number = min(ids.index(missing[0]) // limit, len(pages) - 1)
            raise Failure(
                f"the walk with limit={limit} never lists {show_ids(missing)}",
                pages[number].exchange,
            )
        extra = [model_id for model_id in walked if model_id not in ctx.catalogue.items]
        if extra:
            number = seen[extra[0]] - 1
            raise Failure(
                f"the walk with limit={limit} lists {show_ids(extra)}, which the discovery walk "
                f"(limit={ctx.catalogue.limit}) does not",
                pages[number].exchange,
            )
        if tuple(walked) != ids:
            index = next(i for i, (a, b) in enumerate(zip(walked, ids)) if a != b)
            raise Failure(
                f"the walk with limit={limit} lists the models in another order than the discovery "
                f"walk (limit={ctx.catalogue.limit}) "
                f"(position {index}: {walked[index]!r}, not {ids[index]!r})",
                pages[index // limit].exchange,
            )
        walked_with.append(f"{len(pages)} pages of {limit}")
    return f"{len(ids)} models, each once, in {' and in '.join(walked_with)}"


@check(
    "order",
    f'{_CONTRACT}: "Models are listed newest first" (`created_at` descending)',
    level=Level.CONTRACT,
    safe=True,
    rules=("C-order",),
)
def order(ctx: Context) -> str:
    """The catalogue is newest first: no model is listed before a newer one."""
    catalogue = ctx.catalogue
    ids = ctx.require(2, "to have an order")
    unreadable = 0
    for newer, older in zip(ids, ids[1:]):
        first, second = catalogue.created_at(newer), catalogue.created_at(older)
        if first is None or second is None:
            unreadable += 1
            continue
        if first < second:
            raise Failure(
                f"{newer!r} ({_codec.format_datetime(first)}) is listed before the newer "
                f"{older!r} ({_codec.format_datetime(second)})",
                catalogue.sources[older],
            )
    skipped = f"; {unreadable} pairs with an unreadable created_at" if unreadable else ""
    return f"{len(ids)} models newest first{skipped}"


@check(
    "order-ties",
    f'{_DECIDED}: "Ties in `created_at` are ordered by `id` ascending."',
    level=Level.SPEC,
    safe=True,
    rules=("D-ties",),
)
def order_ties(ctx: Context) -> str:
    """Models released at the same instant are listed in ``id`` order."""
    catalogue = ctx.catalogue
    ids = ctx.require(2, "to have an order")
    ties = 0
    for newer, older in zip(ids, ids[1:]):
        first, second = catalogue.created_at(newer), catalogue.created_at(older)
        if first is None or first != second:
            continue
        ties += 1
        if not newer < older:
            raise Failure(
                f"{newer!r} and {older!r} share created_at {_codec.format_datetime(first)} "
                "but are not in id order (ties are broken by id ascending)",
                catalogue.sources[older],
            )
    if not ties:
        raise Skip("no two models share a created_at: no tie to order")
    return f"{ties} ties broken by id ascending"


@check(
    "after-id",
    f'{_CONTRACT}: "`after_id` returns the page immediately after the named model" (exclusive)',
    level=Level.CONTRACT,
    safe=True,
    rules=("C-cursors",),
)
def after_id(ctx: Context) -> str:
    """``after_id=X`` returns the models right after X, without X itself."""
    ids = ctx.require(2, "to page after one")
    positions = sorted({0, len(ids) // 2, len(ids) - 2})
    for position in positions:
        cursor = ids[position]
        exchange = ctx.target.list_models(after_id=cursor, limit=_PAGE)
        page = read_page(exchange)
        expected = ids[position + 1 : position + 1 + _PAGE]
        if cursor in page.ids:
            raise Failure(
                f"after_id is inclusive: after_id={cursor}&limit={_PAGE} returns the cursor "
                f"itself ({show_ids(page.ids)})",
                exchange,
            )
        page.expect_ids(expected, f"after_id={cursor}&limit={_PAGE}")
    return f"after_id at {len(positions)} cursors gave the {_PAGE} models right after each"


@check(
    "before-id",
    f'{_CONTRACT}: "`before_id` returns the page immediately before it, still newest first" '
    "(exclusive)",
    level=Level.CONTRACT,
    safe=True,
    rules=("C-cursors",),
)
def before_id(ctx: Context) -> str:
    """``before_id=X`` returns the ``limit`` models right before X (newest first), without X."""
    ids = ctx.require(2, "to page before one")
    positions = sorted({1, len(ids) // 2, len(ids) - 1})
    for position in positions:
        cursor = ids[position]
        exchange = ctx.target.list_models(before_id=cursor, limit=_PAGE)
        page = read_page(exchange)
        expected = ids[max(0, position - _PAGE) : position]
        what = f"before_id={cursor}&limit={_PAGE}"
        if cursor in page.ids:
            raise Failure(
                f"before_id is inclusive: {what} returns the cursor itself ({show_ids(page.ids)})",
                exchange,
            )
        if position > _PAGE and page.ids == ids[:_PAGE]:
            raise Failure(
                f"{what} is taken from the wrong end: the first {_PAGE} models of the list "
                f"instead of the {_PAGE} just before the cursor",
                exchange,
            )
        if len(expected) > 1 and page.ids == expected[::-1]:
            raise Failure(f"{what} is oldest first ({show_ids(page.ids)})", exchange)
        page.expect_ids(expected, what)
    return f"before_id at {len(positions)} cursors gave the models right before each"


@check(
    "has-more",
    f'{_CONTRACT}: "`has_more` (whether more models exist beyond the page in the requested '
    'direction)"',
    level=Level.CONTRACT,
    safe=True,
    rules=("C-page",),
)
def has_more(ctx: Context) -> str:
    """``has_more`` is right in both directions, at the exact boundary (exactly ``limit`` left)."""
    ids = ctx.require(1, "to page")
    size = len(ids)
    cases: list[tuple[dict[str, Any], bool, str]] = []
    if size <= MAX_LIMIT:
        cases.append(({"limit": size}, False, "the page holds the whole catalogue"))
    if 2 <= size <= MAX_LIMIT + 1:
        cases.append(({"limit": size - 1}, True, "one model is left after the page"))
    left = min(5, size - 1)
    if left >= 1:
        cursor = ids[size - 1 - left]
        why = f"exactly {left} models follow {cursor}"
        cases.append(({"after_id": cursor, "limit": left}, False, why))
        cases.append(({"after_id": cursor, "limit": left + 1}, False, why))
        if left >= 2:
            cases.append(({"after_id": cursor, "limit": left - 1}, True, why))
        cursor = ids[left]
        why = f"exactly {left} models precede {cursor}"
        cases.append(({"before_id": cursor, "limit": left}, False, why))
        cases.append(({"before_id": cursor, "limit": left + 1}, False, why))
        if left >= 2:
            cases.append(({"before_id": cursor, "limit": left - 1}, True, why))
    cases.append(({"after_id": ids[-1]}, False, "no model follows the last one"))
    cases.append(({"before_id": ids[0]}, False, "no model precedes the first one"))
    if size >= 3:
        why = f"only {ids[0]} precedes {ids[1]}, though many follow"
        cases.append(({"before_id": ids[1], "limit": 1}, False, why))
    for params, expected, why in cases:
        page = read_page(ctx.target.list_models(**params))
        if page.has_more is not expected:
            raise Failure(
                f"{_params(**params)}: has_more is {str(page.has_more).lower()}, expected "
                f"{str(expected).lower()} ({why})",
                page.exchange,
            )
    return f"has_more right in {len(cases)} cases, both directions, at the exact boundaries"


def _check_ids(page: PageView, what: str, *, empty: bool) -> None:
    """Failure unless ``first_id``/``last_id`` are right; an empty page is judged only when
    ``empty`` (null there is openapi.yaml's decision: the API documents ids of models)."""
    if not page.ids and not empty:
        return
    wanted = (page.ids[0], page.ids[-1]) if page.ids else (None, None)
    for name, value, expected in zip(
        ("first_id", "last_id"), (page.first_id, page.last_id), wanted
    ):
        if empty and value is MISSING:
            raise Failure(f"{what}: the empty page has no {name} (expected null)", page.exchange)
        if value is MISSING:
            raise Failure(f"{what}: the page has no {name}", page.exchange)
        if value != expected:
            shown = "null" if expected is None else repr(expected)
            on_empty = " on an empty page" if not page.ids else ""
            raise Failure(f"{what}: {name} is {value!r}{on_empty}, expected {shown}", page.exchange)


@check(
    "first-last-id",
    f'{_CONTRACT}: "A page has `first_id` and `last_id` (its first and last models\' ids)"',
    level=Level.CONTRACT,
    safe=True,
    rules=("C-page",),
)
def first_last_id(ctx: Context) -> str:
    """``first_id`` and ``last_id`` name the first and last models of a page."""
    ids = ctx.require(1, "to page")
    middle = ids[len(ids) // 2]
    requests: list[dict[str, Any]] = [{"limit": _PAGE}, {"after_id": ids[0], "limit": 2}]
    if len(ids) >= 2:
        requests.append({"before_id": middle, "limit": 2})
    for params in requests:
        page = read_page(ctx.target.list_models(**params))
        _check_ids(page, _params(**params), empty=False)
    return f"first_id and last_id right on {len(requests)} pages"


@check(
    "empty-page-ids",
    "openapi.yaml decision (schemas.ListModelsResponse): `first_id` and `last_id` are required, "
    "`null` on an empty page",
    level=Level.SPEC,
    safe=True,
    rules=("D-empty-page-ids",),
)
def empty_page_ids(ctx: Context) -> str:
    """On an empty page (past either end), ``first_id`` and ``last_id`` are null."""
    ids = ctx.require(1, "to page")
    requests: list[dict[str, Any]] = [{"after_id": ids[-1]}, {"before_id": ids[0]}]
    for params in requests:
        page = read_page(ctx.target.list_models(**params))
        if page.ids:
            continue  # a wrong page: after-id, before-id and has-more say so
        _check_ids(page, _params(**params), empty=True)
    return "first_id and last_id are null on the empty pages past either end"


@check(
    "backward-walk",
    f'{_CONTRACT}: "Walk ... backward with `before_id = first_id`, while `has_more` is true"',
    level=Level.CONTRACT,
    safe=True,
    rules=("C-walk",),
)
def backward_walk(ctx: Context) -> str:
    """Walking back from the last model (``before_id = first_id``) gives the forward walk reversed.

    Each page but the last holds exactly ``limit`` models, as going forward.
    """
    ids = ctx.require(2, "to walk back")
    limit = _walk_limit(len(ids), _PAGE)
    pages = _walk(ctx, limit, backward=True)
    walked: list[str] = []
    for number, page in enumerate(pages, 1):
        if len(page.ids) > limit or (page.has_more and len(page.ids) < limit):
            raise Failure(
                f"page {number} of the backward walk with limit={limit} holds {len(page.ids)} "
                f"models{' but says more precede' if page.has_more else ''}",
                page.exchange,
            )
        walked.extend(reversed(page.ids))  # nearest the cursor first
    expected = list(reversed(ids[:-1]))
    if walked != expected:
        index = next(
            (i for i, (a, b) in enumerate(zip(walked, expected)) if a != b),
            min(len(walked), len(expected)),
        )
        got = walked[index] if index < len(walked) else "the end of the walk"
        want = expected[index] if index < len(expected) else "the end"
        page_number, count = 0, 0
        for number, page in enumerate(pages):
            count += len(page.ids)
            page_number = number
            if count > index:
                break
        raise Failure(
            f"the backward walk with limit={limit} is not the forward walk reversed: "
            f"model {index + 1} from the end is {got!r}, expected {want!r}",
            pages[page_number].exchange,
        )
    return f"{len(walked)} models in {len(pages)} pages of {limit}: the forward walk reversed"
