"""The reference server with one deliberate bug at a time: what the conformance kit must catch.

Each mutant breaks one rule and names the check of that rule, and that check's level: a
``contract`` or ``hygiene`` mutant fails the default profile; a ``spec`` mutant (it breaks only a
decision of openapi.yaml) is a warning by default and fails ``--strict``. They are built from the
reference server without touching it: a :class:`Catalogue` subclass that pages wrongly, or a
:class:`ModelsApp` subclass that rewrites a request before the server sees it or a response after.
:data:`SPEC_ONLY` differs from the reference in every spec-level choice at once and nothing else.
Also used by ``bench/compare_schemathesis.py``.
"""

from __future__ import annotations

import json
import posixpath
import re
import threading
from typing import Any, Callable, Iterable, Optional
from urllib.parse import parse_qsl, urlencode

import attrs

from anthropic_models.server import Catalogue, ModelsApp, PageError
from anthropic_models.server.responses import error_body, new_request_id, status_line
from anthropic_models_generated.transport import LIST_MODELS

Environ = dict[str, Any]
StartResponse = Callable[..., Any]


@attrs.frozen
class Reply:
    """A response of the app, as a response hook sees and changes it."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def with_json(self, data: Any) -> Reply:
        return attrs.evolve(self, body=json.dumps(data, separators=(",", ":")).encode())

    def without_header(self, name: str) -> Reply:
        return attrs.evolve(self, headers=tuple(h for h in self.headers if h[0].lower() != name))

    def with_header(self, name: str, value: str) -> Reply:
        rest = self.without_header(name)
        return attrs.evolve(rest, headers=(*rest.headers, (name, value)))


RequestHook = Callable[[ModelsApp, Environ], Optional[Reply]]
ResponseHook = Callable[[Environ, Reply], Reply]


def error_reply(status: int, error_type: str, message: str) -> Reply:
    """A reply in the spec's error shape, with a request id."""
    return Reply(
        status,
        (("content-type", "application/json"), ("request-id", new_request_id())),
        error_body(error_type, message),
    )


class MutantApp(ModelsApp):
    """The reference app with a hook before it (may answer instead) and a hook after it."""

    def __init__(
        self,
        catalog: Optional[Catalogue] = None,
        *,
        api_key: Optional[str] = None,
        before: Optional[RequestHook] = None,
        after: Optional[ResponseHook] = None,
    ) -> None:
        super().__init__(catalog, api_key=api_key)
        self._before = before
        self._after = after

    def __call__(self, environ: Environ, start_response: StartResponse) -> Any:
        reply = self._before(self, environ) if self._before else None
        if reply is None:
            captured: list[tuple[str, list[tuple[str, str]]]] = []

            def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
                captured.append((status, headers))
                return lambda data: None

            body = b"".join(super().__call__(environ, capture))
            status, headers = captured[0]
            reply = Reply(int(status.split(" ", 1)[0]), tuple(headers), body)
            if self._after:
                reply = self._after(environ, reply)
        headers = [h for h in reply.headers if h[0].lower() != "content-length"]
        start_response(
            status_line(reply.status), [*headers, ("content-length", str(len(reply.body)))]
        )
        return [reply.body]


# Catalogues that page wrongly.


_VIEW = threading.local()
"""The ``lifecycle`` of the page being decided, for the mutants' arithmetic on the view's size."""


class _Paging(Catalogue):
    """A catalogue whose ``page_bounds`` a mutant replaces; the rest is the reference's.

    ``bounds`` works on the positions of the requested view (the reference's contract), whose
    length :meth:`size` gives.
    """

    def size(self) -> int:
        return len(self.view_ids(getattr(_VIEW, "lifecycle", None)))

    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        return super().page_bounds(
            after_id=after_id,
            before_id=before_id,
            limit=limit,
            lifecycle=getattr(_VIEW, "lifecycle", None),
        )

    def page_bounds(
        self,
        *,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        limit: int = 20,
        lifecycle: Optional[Iterable[str]] = None,
    ) -> tuple[int, int, bool]:
        _VIEW.lifecycle = None if lifecycle is None else tuple(lifecycle)
        return self.bounds(after_id, before_id, limit)


class HasMoreOffByOne(_Paging):
    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        start, stop, more = super().bounds(after_id, before_id, limit)
        return (start, stop, more) if before_id else (start, stop, stop < self.size() - 1)


class AfterIdInclusive(_Paging):
    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        start, stop, more = super().bounds(after_id, before_id, limit)
        if after_id is None:
            return start, stop, more
        start -= 1
        stop = min(self.size(), start + limit)
        return start, stop, stop < self.size()


class BeforeIdInclusive(_Paging):
    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        start, stop, more = super().bounds(after_id, before_id, limit)
        if before_id is None:
            return start, stop, more
        stop += 1
        start = max(0, stop - limit)
        return start, stop, start > 0


class BeforeIdWrongEnd(_Paging):
    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        start, stop, more = super().bounds(after_id, before_id, limit)
        if before_id is None:
            return start, stop, more
        return 0, min(stop, limit), False


class BeforeIdChunked(_Paging):
    """Answers before_id from the cached chunk of 7 models that holds the one before the cursor.

    Pages are right until the cursor is near a chunk's start; then they come back short.
    """

    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        start, stop, more = super().bounds(after_id, before_id, limit)
        if before_id is None or stop == 0:
            return start, stop, more
        start = max(start, (stop - 1) // 7 * 7)
        return start, stop, start > 0


class HasMoreWrongDirection(_Paging):
    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        start, stop, _ = super().bounds(after_id, before_id, limit)
        return start, stop, stop < self.size()


class LimitPlusOne(_Paging):
    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        start, stop, _ = super().bounds(after_id, before_id, limit)
        if before_id is not None:
            start = max(0, start - 1)
            return start, stop, start > 0
        stop = min(self.size(), stop + 1)
        return start, stop, stop < self.size()


class LimitMax999(_Paging):
    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        if limit > 999:
            raise PageError("limit", f"expected an integer from 1 to 999, got {limit}")
        return super().bounds(after_id, before_id, limit)


class SkipsAnItem(_Paging):
    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        start, stop, more = super().bounds(after_id, before_id, limit)
        if after_id is None:
            return start, stop, more
        start = min(self.size(), start + 1)
        stop = min(self.size(), start + limit)
        return start, stop, stop < self.size()


class PadsLastPage(_Paging):
    """The last page is filled up to ``limit`` with models the previous page already gave."""

    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        start, stop, more = super().bounds(after_id, before_id, limit)
        if after_id is None or stop - start == limit:
            return start, stop, more
        return max(0, stop - limit), stop, more


class UnknownCursorIgnored(_Paging):
    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        after_id = after_id if after_id is None or after_id in self else None
        before_id = before_id if before_id is None or before_id in self else None
        return super().bounds(after_id, before_id, limit)


class BothCursorsAccepted(_Paging):
    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        return super().bounds(after_id, None if after_id else before_id, limit)


class CrashesOnUnicode(_Paging):
    """Encodes cursors as ASCII: a unicode cursor raises, and the server answers 500."""

    def bounds(
        self, after_id: Optional[str], before_id: Optional[str], limit: int
    ) -> tuple[int, int, bool]:
        for cursor in (after_id, before_id):
            if cursor is not None:
                cursor.encode("ascii")
        return super().bounds(after_id, before_id, limit)


class _Reordered(Catalogue):
    """A catalogue served in another order than the spec's (newest first, ties by id)."""

    def order(self, ids: list[str]) -> list[str]:
        return ids

    def _build(self, *args: Any, **kwargs: Any) -> None:
        super()._build(*args, **kwargs)
        # Rebuild the reference's internal order: the only way to serve another one.
        encoded = dict(zip(self._ids, self._encoded))
        stages = dict(zip(self._ids, self._stages))
        ids = tuple(self.order(list(self._ids)))
        everything = next(iter(self._views))  # the one view built so far: every stage
        object.__setattr__(self, "_ids", ids)
        object.__setattr__(self, "_encoded", tuple(encoded[i] for i in ids))
        object.__setattr__(self, "_stages", bytes(stages[i] for i in ids))
        object.__setattr__(self, "_index", {model_id: i for i, model_id in enumerate(ids)})
        object.__setattr__(self, "_models", None)
        object.__setattr__(self, "_views", {everything: range(len(ids))})


class OldestFirst(_Reordered):
    def order(self, ids: list[str]) -> list[str]:
        return ids[::-1]


class TiesReversed(_Reordered):
    def order(self, ids: list[str]) -> list[str]:
        created = {model.id: model.created_at for model in self.models}
        by_id = sorted(ids, reverse=True)
        return sorted(by_id, key=lambda i: created[i], reverse=True)


class UnknownModel200(Catalogue):
    def model_json(self, id_or_alias: str) -> Optional[bytes]:
        return super().model_json(id_or_alias) or super().model_json(self.ids[0])


class UnknownModel500(Catalogue):
    def model_json(self, id_or_alias: str) -> Optional[bytes]:
        body = super().model_json(id_or_alias)
        if body is None:
            raise LookupError(id_or_alias)
        return body


class RetrieveDisagrees(Catalogue):
    def model_json(self, id_or_alias: str) -> Optional[bytes]:
        body = super().model_json(id_or_alias)
        if body is None:
            return None
        data = json.loads(body)
        data["display_name"] += " (cached)"
        return json.dumps(data).encode()


# Request and response hooks.


def _query(environ: Environ) -> list[tuple[str, str]]:
    return parse_qsl(str(environ.get("QUERY_STRING", "")), keep_blank_values=True)


def _set_query(environ: Environ, pairs: list[tuple[str, str]]) -> None:
    environ["QUERY_STRING"] = urlencode(pairs)


def _has_credentials(environ: Environ) -> bool:
    return "HTTP_X_API_KEY" in environ or "HTTP_AUTHORIZATION" in environ


def default_limit_10(app: ModelsApp, environ: Environ) -> None:
    pairs = _query(environ)
    if not any(name == "limit" for name, _ in pairs):
        _set_query(environ, [*pairs, ("limit", "10")])


def limit_0_accepted(app: ModelsApp, environ: Environ) -> None:
    _set_query(environ, [(n, "1" if (n, v) == ("limit", "0") else v) for n, v in _query(environ)])


_LIFECYCLE_NAMES = (LIST_MODELS.parameter("lifecycle").name, "lifecycle")
_SCALARS = tuple(name for name in LIST_MODELS.query_params if name not in _LIFECYCLE_NAMES)


def _collapse(pairs: list[tuple[str, str]], keep: str) -> list[tuple[str, str]]:
    """Each scalar parameter once: its first (``keep="first"``) or last value; arrays untouched."""
    chosen: dict[str, str] = {}
    for name, value in pairs if keep == "last" else reversed(pairs):
        if name in _SCALARS:
            chosen[name] = value
    rest = [(n, v) for n, v in pairs if n not in _SCALARS]
    return [*chosen.items(), *rest]


def repeats_accepted(app: ModelsApp, environ: Environ) -> None:
    _set_query(environ, _collapse(_query(environ), "first"))


def unknown_params_refused(app: ModelsApp, environ: Environ) -> Optional[Reply]:
    unknown = {n for n, _ in _query(environ)} - {*LIST_MODELS.query_params, *_LIFECYCLE_NAMES}
    if unknown:
        return error_reply(400, "invalid_request_error", f"unknown parameter {sorted(unknown)[0]}")
    return None


def no_key_400(app: ModelsApp, environ: Environ) -> Optional[Reply]:
    if not _has_credentials(environ):
        return error_reply(400, "invalid_request_error", "x-api-key header is required")
    return None


def auth_ignored(app: ModelsApp, environ: Environ) -> None:
    if not _has_credentials(environ):
        environ["HTTP_X_API_KEY"] = app.api_key


def any_key(app: ModelsApp, environ: Environ) -> None:
    if environ.get("HTTP_X_API_KEY"):
        environ["HTTP_X_API_KEY"] = app.api_key
    if str(environ.get("HTTP_AUTHORIZATION", "")).startswith("Bearer "):
        environ["HTTP_AUTHORIZATION"] = f"Bearer {app.api_key}"


def wrong_key_403(app: ModelsApp, environ: Environ) -> Optional[Reply]:
    presented = environ.get("HTTP_X_API_KEY") or str(environ.get("HTTP_AUTHORIZATION", ""))[7:]
    if presented and presented != app.api_key:
        return error_reply(403, "permission_error", "this key may not list models")
    return None


def bearer_refused(app: ModelsApp, environ: Environ) -> Optional[Reply]:
    if "HTTP_AUTHORIZATION" in environ:
        return error_reply(401, "authentication_error", "use x-api-key")
    return None


def _is_list(environ: Environ) -> bool:
    return str(environ.get("PATH_INFO", "")).rstrip("/") == "/v1/models"


def first_id_wrong(environ: Environ, reply: Reply) -> Reply:
    if reply.status != 200 or not _is_list(environ):
        return reply
    data = reply.json()
    if len(data["data"]) > 1:
        data["first_id"] = data["data"][1]["id"]
    return reply.with_json(data)


def last_id_on_empty_page(environ: Environ, reply: Reply) -> Reply:
    if reply.status != 200 or not _is_list(environ):
        return reply
    data = reply.json()
    if not data["data"]:
        cursors = [v for n, v in _query(environ) if n in ("after_id", "before_id")]
        data["first_id"] = data["last_id"] = cursors[0] if cursors else None
    return reply.with_json(data)


def flat_errors(environ: Environ, reply: Reply) -> Reply:
    if reply.status < 400:
        return reply
    error = reply.json()["error"]
    return reply.with_json({"type": error["type"], "message": error["message"]})


def errors_all_api_error(environ: Environ, reply: Reply) -> Reply:
    if reply.status < 400:
        return reply
    data = reply.json()
    data["error"]["type"] = "api_error"
    return reply.with_json(data)


def no_request_id(environ: Environ, reply: Reply) -> Reply:
    return reply.without_header("request-id") if reply.status == 200 else reply


def type_capitalised(environ: Environ, reply: Reply) -> Reply:
    return attrs.evolve(reply, body=reply.body.replace(b'"type":"model"', b'"type":"Model"'))


def dates_not_rfc3339(environ: Environ, reply: Reply) -> Reply:
    body = re.sub(
        rb'"created_at":"(\d{4})-(\d{2})-(\d{2})T[^"]*"', rb'"created_at":"\3/\2/\1"', reply.body
    )
    return attrs.evolve(reply, body=body)


def text_content_type(environ: Environ, reply: Reply) -> Reply:
    return reply.with_header("content-type", "text/plain") if reply.status == 200 else reply


def negative_max_tokens(environ: Environ, reply: Reply) -> Reply:
    body = re.sub(rb'"max_tokens":\d+', b'"max_tokens":-1', reply.body)
    return attrs.evolve(reply, body=body)


def _stage_of(app: ModelsApp, model_id: str) -> Optional[str]:
    body = app.catalog.model_json(model_id)
    return None if body is None else json.loads(body).get("lifecycle")


def retired_in_default_view(app: ModelsApp, environ: Environ) -> None:
    pairs = _query(environ)
    if _is_list(environ) and not any(n in _LIFECYCLE_NAMES for n, _ in pairs):
        stages = LIST_MODELS.parameter("lifecycle").enum or ()
        _set_query(environ, [*pairs, *((_LIFECYCLE_NAMES[0], s) for s in stages)])


def filter_ignored(app: ModelsApp, environ: Environ) -> None:
    _set_query(environ, [(n, v) for n, v in _query(environ) if n not in _LIFECYCLE_NAMES])


def unknown_stage_ignored(app: ModelsApp, environ: Environ) -> None:
    stages = LIST_MODELS.parameter("lifecycle").enum or ()
    _set_query(
        environ, [(n, v) for n, v in _query(environ) if n not in _LIFECYCLE_NAMES or v in stages]
    )


def plain_lifecycle_ignored(app: ModelsApp, environ: Environ) -> None:
    _set_query(environ, [(n, v) for n, v in _query(environ) if n != "lifecycle"])


def cursor_outside_view_refused(app: ModelsApp, environ: Environ) -> Optional[Reply]:
    if not _is_list(environ):
        return None
    pairs = _query(environ)
    stages = {v for n, v in pairs if n in _LIFECYCLE_NAMES} or {"active", "deprecated"}
    for name, value in pairs:
        if name in ("after_id", "before_id") and _stage_of(app, value) not in (None, *stages):
            return error_reply(400, "invalid_request_error", f"{name} is not in this view")
    return None


def retired_not_retrievable(app: ModelsApp, environ: Environ) -> Optional[Reply]:
    path = str(environ.get("PATH_INFO", ""))
    if path.startswith("/v1/models/") and _stage_of(app, path.rsplit("/", 1)[-1]) == "retired":
        return error_reply(404, "not_found_error", "this model is retired")
    return None


def path_reparsed(app: ModelsApp, environ: Environ) -> None:
    """A gateway that decodes the path and parses it again: ``%3F`` starts a query, ``..`` climbs."""
    path = str(environ.get("PATH_INFO", ""))
    if not path.startswith("/v1/models/"):
        return
    environ.pop("REQUEST_URI", None)
    environ.pop("RAW_URI", None)
    path, _, query = path.partition("#")[0].partition("?")
    environ["PATH_INFO"] = posixpath.normpath(path).replace("\x00", "")
    if query:
        environ["QUERY_STRING"] = query


def ids_by_prefix(app: ModelsApp, environ: Environ) -> None:
    """A retrieve of an unknown id answers the listed model whose id starts it."""
    path = str(environ.get("PATH_INFO", ""))
    if not path.startswith("/v1/models/"):
        return
    wanted = path[len("/v1/models/") :]
    known = app.catalog.ids
    if wanted not in known:
        for model_id in sorted(known, key=len, reverse=True):
            if wanted.startswith(model_id):
                environ["PATH_INFO"] = "/v1/models/" + model_id
                environ.pop("REQUEST_URI", None)
                return


def workspace_500(app: ModelsApp, environ: Environ) -> Optional[Reply]:
    """A non-ASCII ``anthropic-workspace-id`` crashes the gateway (WSGI gives it as Latin-1)."""
    value = environ.get("HTTP_ANTHROPIC_WORKSPACE_ID")
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if value is not None and not str(value).isascii():
        return error_reply(500, "api_error", "UnicodeEncodeError: 'ascii' codec")
    return None


def workspace_unchecked(app: ModelsApp, environ: Environ) -> None:
    """The ``anthropic-workspace-id`` header is ignored, whatever its value."""
    environ.pop("HTTP_ANTHROPIC_WORKSPACE_ID", None)


def lifecycle_collapsed(app: ModelsApp, environ: Environ) -> None:
    """A proxy that keeps only the last of repeated query parameters (LiteLLM did)."""
    kept: dict[str, str] = {}
    for name, value in _query(environ):
        kept.pop(name, None)
        kept[name] = value
    _set_query(environ, list(kept.items()))


def empty_bearer_500(app: ModelsApp, environ: Environ) -> Optional[Reply]:
    if str(environ.get("HTTP_AUTHORIZATION", "")).strip() == "Bearer":
        return error_reply(500, "api_error", "IndexError: list index out of range")
    return None


def _models(reply: Reply, environ: Environ) -> Optional[tuple[Any, list[dict[str, Any]]]]:
    if reply.status != 200:
        return None
    data = reply.json()
    return data, (data["data"] if _is_list(environ) else [data])


def lifecycle_missing(environ: Environ, reply: Reply) -> Reply:
    found = _models(reply, environ)
    if found is None:
        return reply
    data, models = found
    for model in models:
        model.pop("lifecycle", None)
    return reply.with_json(data)


def capability_key_missing(environ: Environ, reply: Reply) -> Reply:
    found = _models(reply, environ)
    if found is None:
        return reply
    data, models = found
    for model in models:
        types = ((model.get("capabilities") or {}).get("thinking") or {}).get("types")
        if isinstance(types, dict):
            types.pop("between_tools", None)
    return reply.with_json(data)


def repeats_last_wins(app: ModelsApp, environ: Environ) -> None:
    _set_query(environ, _collapse(_query(environ), "last"))


def cursor_unknown_404(app: ModelsApp, environ: Environ) -> Optional[Reply]:
    for name, value in _query(environ):
        if name in ("after_id", "before_id") and value and value not in app.catalog:
            return error_reply(404, "not_found_error", f"{name}: no model {value[:40]!r}")
    return None


def both_cursors_after_wins(app: ModelsApp, environ: Environ) -> None:
    pairs = _query(environ)
    if {"after_id", "before_id"} <= {n for n, _ in pairs}:
        _set_query(environ, [(n, v) for n, v in pairs if n != "before_id"])


def _chain(*hooks: RequestHook) -> RequestHook:
    def run(app: ModelsApp, environ: Environ) -> Optional[Reply]:
        for hook in hooks:
            reply = hook(app, environ)
            if reply is not None:
                return reply
        return None

    return run


# The mutants.


@attrs.frozen
class Mutant:
    """One deliberate bug: its name, what it breaks, and the check of that rule."""

    name: str
    bug: str
    caught_by: str
    catalog: type[Catalogue] = Catalogue
    before: Optional[RequestHook] = None
    after: Optional[ResponseHook] = None
    needs_openapi_core: bool = False
    level: str = attrs.field(default="contract", kw_only=True)
    synthetic: int = attrs.field(default=0, kw_only=True)
    """Serve this many synthetic models (which have ties in created_at) instead of the built-in
    catalogue (which has none)."""
    """The level of the check that catches it: ``contract``, ``spec`` or ``hygiene``."""

    def app(self, api_key: str) -> MutantApp:
        """The mutant server's WSGI app over the built-in catalogue, accepting ``api_key``."""
        catalog = (
            self.catalog.synthetic(self.synthetic) if self.synthetic else self.catalog.builtin()
        )
        return MutantApp(catalog, api_key=api_key, before=self.before, after=self.after)


MUTANTS: tuple[Mutant, ...] = (
    Mutant(
        "has-more-off-by-one",
        "has_more is false when exactly one model is left",
        "has-more",
        HasMoreOffByOne,
        level="contract",
    ),
    Mutant(
        "has-more-wrong-direction",
        "before_id pages say whether models follow, not precede",
        "has-more",
        HasMoreWrongDirection,
        level="contract",
    ),
    Mutant(
        "after-id-inclusive",
        "after_id pages start with the cursor",
        "after-id",
        AfterIdInclusive,
        level="contract",
    ),
    Mutant(
        "before-id-inclusive",
        "before_id pages end with the cursor",
        "before-id",
        BeforeIdInclusive,
        level="contract",
    ),
    Mutant(
        "before-id-wrong-end",
        "before_id gives the first `limit` models, not those just before the cursor",
        "before-id",
        BeforeIdWrongEnd,
        level="contract",
    ),
    Mutant(
        "before-id-short-pages",
        "before_id pages stop at the edge of a cached chunk of 7",
        "backward-walk",
        BeforeIdChunked,
        level="contract",
    ),
    Mutant(
        "oldest-first",
        "the catalogue is served oldest first",
        "order",
        OldestFirst,
        level="contract",
    ),
    Mutant(
        "ties-reversed",
        "models released together are in descending id order",
        "order-ties",
        TiesReversed,
        synthetic=40,
        level="spec",
    ),
    Mutant(
        "limit-plus-one",
        "a page holds limit + 1 models",
        "limit-honoured",
        LimitPlusOne,
        level="contract",
    ),
    Mutant(
        "default-limit-10",
        "without limit, a page holds 10 models",
        "default-limit",
        before=default_limit_10,
        level="contract",
    ),
    Mutant(
        "limit-1000-refused",
        "limit=1000 is refused (the maximum is taken as 999)",
        "limit-honoured",
        LimitMax999,
        level="contract",
    ),
    Mutant(
        "limit-0-accepted",
        "limit=0 is served as limit=1",
        "limit-invalid",
        before=limit_0_accepted,
        level="spec",
    ),
    Mutant(
        "page-skips-item",
        "after_id skips the model right after the cursor",
        "pages-partition",
        SkipsAnItem,
        level="contract",
    ),
    Mutant(
        "last-page-padded",
        "the last page is padded to `limit` with models already given",
        "pages-partition",
        PadsLastPage,
        level="contract",
    ),
    Mutant(
        "first-id-wrong",
        "first_id names the page's second model",
        "first-last-id",
        after=first_id_wrong,
        level="contract",
    ),
    Mutant(
        "empty-page-ids",
        "an empty page has first_id/last_id set to the cursor",
        "empty-page-ids",
        after=last_id_on_empty_page,
        level="spec",
    ),
    Mutant(
        "flat-error-body",
        'errors are {"type": ..., "message": ...}, without the envelope',
        "error-format",
        after=flat_errors,
        level="contract",
    ),
    Mutant(
        "wrong-error-type",
        "every error has type api_error",
        "error-format",
        after=errors_all_api_error,
        level="contract",
    ),
    Mutant(
        "no-key-400",
        "a missing key gives 400 invalid_request_error",
        "auth-missing",
        before=no_key_400,
        level="contract",
    ),
    Mutant(
        "auth-ignored",
        "a request without a key is served",
        "auth-missing",
        before=auth_ignored,
        level="contract",
    ),
    Mutant(
        "any-key-accepted",
        "any non-empty key is accepted though the server has one key",
        "auth-any-key",
        before=any_key,
        level="contract",
    ),
    Mutant(
        "wrong-key-403",
        "a wrong key gives 403 permission_error",
        "auth-wrong-key",
        before=wrong_key_403,
        level="contract",
    ),
    Mutant(
        "bearer-refused",
        "Authorization: Bearer is refused",
        "auth-schemes",
        before=bearer_refused,
        level="contract",
    ),
    Mutant(
        "unknown-model-200",
        "an unknown model id gives the newest model",
        "not-found",
        UnknownModel200,
        level="contract",
    ),
    Mutant(
        "unknown-model-500",
        "an unknown model id crashes the server (500)",
        "not-found",
        UnknownModel500,
        level="contract",
    ),
    Mutant(
        "retrieve-disagrees",
        "GET /v1/models/{id} shows another display_name than the list",
        "get-model",
        RetrieveDisagrees,
        level="contract",
    ),
    Mutant(
        "unknown-cursor-ignored",
        "a cursor naming no model is ignored",
        "cursor-unknown",
        UnknownCursorIgnored,
        level="spec",
    ),
    Mutant(
        "both-cursors-accepted",
        "after_id with before_id is served (before_id ignored)",
        "cursor-conflict",
        BothCursorsAccepted,
        level="spec",
    ),
    Mutant(
        "repeated-params-accepted",
        "a repeated parameter is served (the first value wins)",
        "repeated-params",
        before=repeats_accepted,
        level="spec",
    ),
    Mutant(
        "unknown-params-refused",
        "a parameter the spec does not name gives 400",
        "unknown-params",
        before=unknown_params_refused,
        level="spec",
    ),
    Mutant(
        "unicode-cursor-500",
        "a non-ASCII cursor crashes the server (500)",
        "robustness",
        CrashesOnUnicode,
        level="hygiene",
    ),
    Mutant(
        "no-request-id",
        "successful responses have no request-id header",
        "response-format",
        after=no_request_id,
        level="hygiene",
    ),
    Mutant(
        "type-capitalised",
        'models have type "Model"',
        "response-body",
        after=type_capitalised,
        level="contract",
    ),
    Mutant(
        "dates-not-rfc3339",
        "created_at is DD/MM/YYYY",
        "response-body",
        after=dates_not_rfc3339,
        level="contract",
    ),
    Mutant(
        "text-content-type",
        "successful responses are text/plain",
        "response-format",
        after=text_content_type,
        level="hygiene",
    ),
    Mutant(
        "negative-max-tokens",
        "max_tokens is -1 (the spec's minimum is 0)",
        "schema",
        after=negative_max_tokens,
        needs_openapi_core=True,
        level="spec",
    ),
    Mutant(
        "retired-in-default-view",
        "without lifecycle[], retired models are listed too",
        "lifecycle-default-view",
        before=retired_in_default_view,
        level="contract",
    ),
    Mutant(
        "lifecycle-filter-ignored",
        "lifecycle[] is ignored: every list is the default view",
        "lifecycle-filter",
        before=filter_ignored,
        level="contract",
    ),
    Mutant(
        "unknown-stage-ignored",
        "an unknown lifecycle stage is dropped instead of refused",
        "lifecycle-invalid",
        before=unknown_stage_ignored,
        level="spec",
    ),
    Mutant(
        "lifecycle-missing",
        "models have no lifecycle field",
        "lifecycle-present",
        after=lifecycle_missing,
        level="contract",
    ),
    Mutant(
        "capability-key-missing",
        "capabilities.thinking.types has no between_tools",
        "capabilities-keys",
        after=capability_key_missing,
        level="contract",
    ),
    Mutant(
        "retired-not-retrievable",
        "GET of a retired model gives 404",
        "retired-retrieve",
        before=retired_not_retrievable,
        level="contract",
    ),
    Mutant(
        "plain-lifecycle-ignored",
        "lifecycle=retired (without brackets) is ignored",
        "lifecycle-forms",
        before=plain_lifecycle_ignored,
        level="spec",
    ),
    Mutant(
        "cursor-outside-view-refused",
        "a cursor naming a model outside the filtered view gives 400",
        "lifecycle-cursor",
        before=cursor_outside_view_refused,
        level="spec",
    ),
    Mutant(
        "empty-bearer-500",
        "an empty `Authorization: Bearer ` crashes the server (500)",
        "auth-hostile",
        before=empty_bearer_500,
        level="hygiene",
    ),
    Mutant(
        "path-reparsed",
        "the model id is decoded and the path parsed again (%3F starts a query, ..%2F climbs)",
        "path-integrity",
        before=path_reparsed,
        level="security",
    ),
    Mutant(
        "ids-by-prefix",
        "a retrieve of an unknown id answers the model whose id starts it",
        "path-integrity",
        before=ids_by_prefix,
        level="security",
    ),
    Mutant(
        "workspace-500",
        "a non-ASCII anthropic-workspace-id crashes the server (500)",
        "workspace-hostile",
        before=workspace_500,
        level="hygiene",
    ),
    Mutant(
        "workspace-unchecked",
        "an anthropic-workspace-id outside visible ASCII is accepted",
        "workspace-invalid",
        before=workspace_unchecked,
        level="spec",
    ),
    Mutant(
        "lifecycle-collapsed",
        "repeated lifecycle[] values collapse to the last one (a proxy's query parsing)",
        "lifecycle-filter",
        before=lifecycle_collapsed,
        level="contract",
    ),
)
"""Every mutant, one per rule."""


SPEC_ONLY = Mutant(
    "spec-choices-differ",
    "ties by id descending, a repeated parameter's last value wins, an unknown cursor is a 404, "
    "after_id wins over before_id, the plain lifecycle= form is ignored",
    "order-ties",
    TiesReversed,
    synthetic=40,
    before=_chain(
        repeats_last_wins, cursor_unknown_404, both_cursors_after_wins, plain_lifecycle_ignored
    ),
    level="spec",
)
"""An implementation that differs from the reference only where openapi.yaml decides: it must pass
the default profile (with warnings) and fail ``--strict``."""
