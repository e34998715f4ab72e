"""A second, independent implementation of the Models API, written for the kit's tests.

It shares no code with the reference server: it reads the documented contract (newest first,
exclusive cursors, ``has_more``, the lifecycle filter and default view, the error shape, both auth
headers) and makes its own choice wherever openapi.yaml decides something the API leaves open
(:class:`Choices`). With the default choices it behaves as openapi.yaml says and must pass the kit
with ``strict``; with other choices it must still pass the default profile, with warnings.
"""

from __future__ import annotations

import http
import json
import secrets
import typing
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Iterable, Optional
from urllib.parse import parse_qsl

import attrs

from anthropic_models.conformance.pages import DEFAULT_LIMIT, MAX_LIMIT, MAX_STAGES, STAGES
from anthropic_models_generated.models import ModelCapabilities

Environ = dict[str, Any]
StartResponse = Callable[..., Any]


@attrs.frozen
class Choices:
    """What the implementation does where openapi.yaml, not the API, decides."""

    ties: str = "id-ascending"
    """``id-ascending`` (the spec) or ``id-descending``."""
    repeated: str = "refuse"
    """A repeated scalar parameter: ``refuse`` (400, the spec) or ``last-wins``."""
    unknown_cursor: str = "400"
    """``400`` (the spec), ``404`` or ``empty`` (a 200 empty page)."""
    both_cursors: str = "400"
    """``400`` (the spec) or ``after-wins``."""
    out_of_range_limit: str = "400"
    """``400`` (the spec) or ``clamp`` (to 1..1000)."""
    plain_lifecycle: bool = True
    """Whether ``lifecycle=retired`` (without brackets) filters too (the spec) or is ignored."""
    empty_page_ids: str = "null"
    """``null`` (the spec) or ``absent`` (no first_id/last_id on an empty page)."""
    unknown_stage: str = "400"
    """``400`` (the spec) or ``ignore`` (an unknown stage is dropped from the filter)."""
    credentials: str = "all-must-match"
    """Two credentials: ``all-must-match``, or ``x-api-key-wins`` (Authorization is then ignored)."""
    extra_field: bool = False
    """Whether every model carries ``trace_id``, a field the spec does not know, new each answer."""
    workspace: str = "checked"
    """``anthropic-workspace-id``: ``checked`` (400 unless visible ASCII, the spec) or ``unchecked``."""


SPEC = Choices()
"""openapi.yaml's choices."""

DIFFERENT = Choices(
    ties="id-descending",
    repeated="last-wins",
    unknown_cursor="404",
    both_cursors="after-wins",
    out_of_range_limit="clamp",
    plain_lifecycle=False,
    empty_page_ids="absent",
    unknown_stage="ignore",
    credentials="x-api-key-wins",
    extra_field=True,
    workspace="unchecked",
)
"""Another choice at every place openapi.yaml decides: still conforming to the API."""


def full_capabilities(cls: type = ModelCapabilities, supported: bool = True) -> dict[str, Any]:
    """A capabilities object with every required key of the generated model, all ``supported``."""
    hints = typing.get_type_hints(cls)
    value: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.default is not attrs.NOTHING:
            continue
        kind = hints[field.name]
        value[field.name] = full_capabilities(kind, supported) if attrs.has(kind) else supported
    return value


def make_models(count: int, *, retired_every: int = 4, tie_every: int = 5) -> list[dict[str, Any]]:
    """``count`` models with every lifecycle stage, some sharing ``created_at`` (ties)."""
    created = datetime(2026, 11, 1, tzinfo=timezone.utc)
    models = []
    for number in range(count):
        if number % tie_every != tie_every - 1:
            created -= timedelta(days=3)
        stage = (
            "retired"
            if number % retired_every == retired_every - 1
            else "deprecated"
            if number % 3 == 1
            else "active"
        )
        models.append(
            {
                "id": f"indie-{(number * 7919) % 1000:03d}-{number}",
                "type": "model",
                "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "display_name": f"Indie {number}",
                "lifecycle": stage,
                "deprecated_at": None if stage == "active" else "2026-01-01T00:00:00Z",
                "retires_at": None,
                "capabilities": full_capabilities(),
            }
        )
    return models


class BadRequest(Exception):
    """A 400 with this message."""


class NotFound(Exception):
    """A 404 with this message."""


class IndependentApp:
    """The Models API over ``models`` (JSON-shaped dicts), accepting only ``api_key`` (None: any
    non-empty key)."""

    def __init__(
        self,
        models: Iterable[dict[str, Any]],
        *,
        api_key: Optional[str],
        choices: Optional[Choices] = None,
    ) -> None:
        self.api_key = api_key
        self.choices = SPEC if choices is None else choices
        descending = self.choices.ties == "id-descending"
        by_id = sorted(models, key=lambda m: m["id"], reverse=descending)
        self.models = sorted(by_id, key=lambda m: m["created_at"], reverse=True)
        self.position = {m["id"]: i for i, m in enumerate(self.models)}

    def __call__(self, environ: Environ, start_response: StartResponse) -> list[bytes]:
        request_id = "req_indie_" + secrets.token_hex(8)
        try:
            status, body = self.answer(environ)
        except BadRequest as exc:
            status, body = 400, self.error("invalid_request_error", str(exc))
        except NotFound as exc:
            status, body = 404, self.error("not_found_error", str(exc))
        if status >= 400:
            body["request_id"] = request_id
        data = json.dumps(body).encode()
        phrase = http.HTTPStatus(status).phrase
        start_response(
            f"{status} {phrase}",
            [
                ("content-type", "application/json"),
                ("content-length", str(len(data))),
                ("request-id", request_id),
            ],
        )
        return [data]

    @staticmethod
    def error(kind: str, message: str) -> dict[str, Any]:
        return {"type": "error", "error": {"type": kind, "message": message}}

    def authorised(self, environ: Environ) -> bool:
        presented = []
        if "HTTP_X_API_KEY" in environ:
            presented.append(environ["HTTP_X_API_KEY"])
        if "HTTP_AUTHORIZATION" in environ and not (
            presented and self.choices.credentials == "x-api-key-wins"
        ):
            scheme, _, token = str(environ["HTTP_AUTHORIZATION"]).partition(" ")
            presented.append(token if scheme.lower() == "bearer" else "")
        if self.api_key is None:
            return bool(presented) and all(presented)
        return bool(presented) and all(key == self.api_key for key in presented)

    def answer(self, environ: Environ) -> tuple[int, dict[str, Any]]:
        path = str(environ.get("PATH_INFO", ""))
        if path != "/v1/models" and not path.startswith("/v1/models/"):
            raise NotFound(f"no such path {path[:60]!r}")
        if not self.authorised(environ):
            return 401, self.error("authentication_error", "invalid or missing API key")
        workspace = environ.get("HTTP_ANTHROPIC_WORKSPACE_ID")
        if isinstance(workspace, bytes):  # an in-process pool passes header bytes through
            workspace = workspace.decode("latin-1")
        # WSGI gives header bytes as Latin-1 text: visible ASCII is \x21..\x7e.
        if (
            workspace is not None
            and self.choices.workspace == "checked"
            and (not workspace or any(not "\x21" <= char <= "\x7e" for char in workspace))
        ):
            raise BadRequest("anthropic-workspace-id must be visible ASCII")
        if path == "/v1/models":
            page = self.page(str(environ.get("QUERY_STRING", "")))
            page["data"] = [self.shown(model) for model in page["data"]]
            return 200, page
        model_id = path[len("/v1/models/") :]
        if model_id not in self.position:
            raise NotFound(f"no model {model_id[:60]!r}")
        return 200, self.shown(self.models[self.position[model_id]])

    def shown(self, model: dict[str, Any]) -> dict[str, Any]:
        """A model as answered: with a new ``trace_id`` each time when the choice says so."""
        if not self.choices.extra_field:
            return model
        return {**model, "trace_id": "trace_" + secrets.token_hex(6)}

    def scalar(self, params: list[tuple[str, str]], name: str) -> Optional[str]:
        values = [value for key, value in params if key == name]
        if len(values) > 1 and self.choices.repeated == "refuse":
            raise BadRequest(f"{name} is given {len(values)} times")
        return values[-1] if values else None

    def stages(self, params: list[tuple[str, str]]) -> tuple[str, ...]:
        names = ("lifecycle[]", "lifecycle") if self.choices.plain_lifecycle else ("lifecycle[]",)
        values = [value for key, value in params if key in names]
        if not values:
            return tuple(stage for stage in STAGES if stage != "retired")
        if len(values) > MAX_STAGES:
            raise BadRequest(f"lifecycle: at most {MAX_STAGES} values")
        if self.choices.unknown_stage == "ignore":
            values = [value for value in values if value in STAGES] or ["active", "deprecated"]
        for value in values:
            if value not in STAGES:
                raise BadRequest(f"lifecycle: unknown stage {value[:40]!r}")
        return tuple(dict.fromkeys(values))

    def limit(self, text: Optional[str]) -> int:
        if text is None:
            return DEFAULT_LIMIT
        if not (text.isascii() and text.lstrip("-").isdigit()) or len(text) > 12:
            raise BadRequest("limit must be an integer")
        value = int(text)
        if 1 <= value <= MAX_LIMIT:
            return value
        if self.choices.out_of_range_limit == "clamp":
            return min(max(value, 1), MAX_LIMIT)
        raise BadRequest(f"limit must be from 1 to {MAX_LIMIT}")

    def cursor(self, model_id: Optional[str]) -> Optional[int]:
        if model_id is None:
            return None
        if model_id not in self.position:
            if self.choices.unknown_cursor == "404":
                raise NotFound(f"no model {model_id[:60]!r} to page from")
            if self.choices.unknown_cursor == "400":
                raise BadRequest(f"no model {model_id[:60]!r} to page from")
            return -1  # an empty page
        return self.position[model_id]

    def page(self, query: str) -> dict[str, Any]:
        params = parse_qsl(query, keep_blank_values=True, errors="replace")
        limit = self.limit(self.scalar(params, "limit"))
        stages = self.stages(params)
        after, before = self.scalar(params, "after_id"), self.scalar(params, "before_id")
        if after == "" or before == "":
            raise BadRequest("a cursor must not be empty")
        if after is not None and before is not None:
            if self.choices.both_cursors == "400":
                raise BadRequest("give after_id or before_id, not both")
            before = None
        after_at, before_at = self.cursor(after), self.cursor(before)
        shown = [i for i, m in enumerate(self.models) if m["lifecycle"] in stages]
        if after_at == -1 or before_at == -1:
            chosen, more = [], False
        elif before_at is not None:
            earlier = [i for i in shown if i < before_at]
            chosen, more = earlier[-limit:], len(earlier) > limit
        else:
            later = [i for i in shown if after_at is None or i > after_at]
            chosen, more = later[:limit], len(later) > limit
        data = [self.models[i] for i in chosen]
        page: dict[str, Any] = {"data": data, "has_more": more}
        if data or self.choices.empty_page_ids == "null":
            page["first_id"] = data[0]["id"] if data else None
            page["last_id"] = data[-1]["id"] if data else None
        return page
