"""A fake of the two operations for the command line's in-process tests (no sockets), and the
models it serves."""

from __future__ import annotations

import json
from typing import Any, Callable, Optional
from urllib.parse import parse_qs, unquote, urlsplit

import attrs

from anthropic_models_generated import transport
from tests.fakes import FakePool, FakeResponse, Sent

KEY = "sk-ant-cli-unit-secret-7"
Run = Callable[..., tuple[int, str, str]]
HOSTILE = "\x1b]0;title\x07\x1b[2J"


def model(
    model_id: str,
    lifecycle: str = "active",
    *,
    name: Optional[str] = None,
    line: Optional[str] = None,
    day: int = 1,
) -> dict[str, Any]:
    """A model as the API sends it (no capabilities)."""
    return {
        "id": model_id,
        "type": "model",
        "created_at": f"2025-01-{day:02d}T00:00:00Z",
        "display_name": name if name is not None else model_id,
        "lifecycle": lifecycle,
        "line": line,
        "capabilities": None,
    }


CATALOGUE = [
    model("claude-new", line="sonnet", day=9, name="Claude New \u2014 \u00e9t\u00e9"),
    model("claude-evil" + HOSTILE, name="Evil" + HOSTILE, day=8),
    model("claude-mid", "deprecated", line="opus", day=7),
    model("claude-old", "retired", line="opus", day=6),
    model("claude-first", line="haiku", day=5),
]


def _json(status: int, body: Any) -> FakeResponse:
    return FakeResponse(
        status, json.dumps(body).encode(), {"content-type": "application/json", "request-id": "r"}
    )


@attrs.define
class FakeAPI:
    """The two operations over a list of models, as the spec describes them (default view
    without retired models; cursors are positions in the newest-first order)."""

    models: list[dict[str, Any]] = attrs.field(factory=lambda: list(CATALOGUE), repr=False)
    sent: list[Sent] = attrs.field(factory=list, repr=False)
    on_list: Optional[Any] = attrs.field(default=None, repr=False)
    pool: FakePool = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self.pool = FakePool(handler=self.answer)
        self.sent = self.pool.sent

    def error(self, status: int, kind: str, message: str) -> FakeResponse:
        return _json(status, {"type": "error", "error": {"type": kind, "message": message}})

    def answer(self, sent: Sent) -> FakeResponse:
        url = urlsplit(sent.url)
        path = unquote(url.path, errors="surrogateescape")
        if sent.headers.get("x-api-key") != KEY:
            return self.error(401, "authentication_error", "invalid x-api-key")
        if path.startswith("/v1/models/"):
            wanted = path[len("/v1/models/") :]
            found = [m for m in self.models if m["id"] == wanted]
            if not found:
                return self.error(404, "not_found_error", f"model: {wanted}")
            return _json(200, found[0])
        if self.on_list is not None:
            self.on_list()
        query = parse_qs(url.query, errors="surrogateescape")
        stages = query.get("lifecycle[]", ["active", "deprecated"])
        ids = [m["id"] for m in self.models]
        limit = int(query.get("limit", [str(transport.LIST_MODELS.parameter("limit").default)])[0])
        for cursor in ("after_id", "before_id"):
            if cursor in query and query[cursor][0] not in ids:
                return self.error(400, "invalid_request_error", f"{cursor}: unknown model")
        if "after_id" in query:
            start = ids.index(query["after_id"][0]) + 1
            view = [m for m in self.models[start:] if m["lifecycle"] in stages]
            data, more = view[:limit], len(view) > limit
        elif "before_id" in query:
            end = ids.index(query["before_id"][0])
            view = [m for m in self.models[:end] if m["lifecycle"] in stages]
            data, more = view[-limit:], len(view) > limit
        else:
            view = [m for m in self.models if m["lifecycle"] in stages]
            data, more = view[:limit], len(view) > limit
        return _json(
            200,
            {
                "data": data,
                "first_id": data[0]["id"] if data else None,
                "last_id": data[-1]["id"] if data else None,
                "has_more": more,
            },
        )
