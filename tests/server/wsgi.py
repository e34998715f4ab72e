"""Calling a WSGI application directly, without sockets: a minimal environ and the response."""

from __future__ import annotations

import io
import json
import sys
from typing import Any, Callable, Mapping, Optional, Sequence

import attrs

from anthropic_models.server.catalog import Catalogue

KEY = "sk-test-key"

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Any]


def model(model_id: str, created_at: str, **fields: Any) -> dict[str, Any]:
    """A model dict with the five required fields (lifecycle active unless given) and any others."""
    return {
        "id": model_id,
        "type": "model",
        "created_at": created_at,
        "display_name": model_id.upper(),
        "lifecycle": fields.pop("lifecycle", "active"),
        **fields,
    }


def capabilities(**changes: Any) -> dict[str, Any]:
    """A capabilities object with every key the spec requires (all supported), then ``changes``."""
    leaf = {"supported": True}
    full: dict[str, Any] = {
        name: dict(leaf)
        for name in (
            "batch",
            "citations",
            "code_execution",
            "image_input",
            "pdf_input",
            "structured_outputs",
        )
    }
    full["effort"] = {
        "supported": True,
        **{k: dict(leaf) for k in ("low", "medium", "high", "max")},
    }
    types = ("adaptive", "between_tools", "disabled", "enabled")
    full["thinking"] = {"supported": True, "types": {k: dict(leaf) for k in types}}
    full["server_tools"] = {
        "supported": True,
        "web_search": dict(leaf),
        "code_execution": dict(leaf),
    }
    full["context_management"] = {"supported": True}
    full.update(changes)
    return full


# Seven models given out of order; m-c1 and m-c2 share created_at, so the id breaks the tie.
# Their stages interleave, so that every lifecycle view skips models.
SMALL_MODELS = [
    model("m-d", "2025-03-01T00:00:00Z", lifecycle="retired"),
    model("m-c2", "2025-04-01T00:00:00Z", lifecycle="active"),
    model("m-a", "2025-06-01T00:00:00Z", lifecycle="active", line="sonnet"),
    model("m-f", "1970-01-01T00:00:00Z", lifecycle="deprecated"),
    model("m-c1", "2025-04-01T00:00:00Z", lifecycle="retired"),
    model("m-b", "2025-05-01T12:30:00+02:00", lifecycle="deprecated", deprecated_at=None),
    model("m-e", "2024-01-01T00:00:00Z", lifecycle="retired", a_future_field={"x": [1]}),
]
SMALL_ORDER = ["m-a", "m-b", "m-c1", "m-c2", "m-d", "m-e", "m-f"]
SMALL_STAGES = {m["id"]: m["lifecycle"] for m in SMALL_MODELS}
SMALL_ALIASES = {"m-latest": "m-a", "m-old": "m-f"}
ALL_STAGES = ("active", "deprecated", "retired")
ALL_QUERY = "lifecycle[]=active&lifecycle[]=deprecated&lifecycle[]=retired"
"""The query that lists every model, retired ones included."""


def in_view(stages: Optional[Sequence[str]]) -> list[str]:
    """The small catalogue's ids a list over these stages holds (None: the default view)."""
    wanted = set(stages) if stages is not None else {"active", "deprecated"}
    return [i for i in SMALL_ORDER if SMALL_STAGES[i] in wanted]


def small_catalog() -> Catalogue:
    """The seven-model catalogue, with two aliases."""
    return Catalogue(SMALL_MODELS, SMALL_ALIASES)


@attrs.frozen
class Answer:
    """A response: status, headers (names lower-cased) and body."""

    status: int
    reason: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def error_type(self) -> str:
        data = self.json()
        assert data["type"] == "error", data
        error_type: str = data["error"]["type"]
        return error_type


def environ(
    target: str = "/v1/models",
    *,
    method: str = "GET",
    headers: Optional[Mapping[str, str]] = None,
    raw_uri: Optional[str] = "REQUEST_URI",
) -> dict[str, Any]:
    """The environ a server builds for ``method target`` (``target`` as sent, with its query).

    ``raw_uri`` names the key that carries the raw target (None: only PATH_INFO, decoded).
    """
    from urllib.parse import unquote

    path, _, query = target.partition("?")
    env: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote(path, "latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if raw_uri:
        env[raw_uri] = target
    for name, value in (headers or {}).items():
        env["HTTP_" + name.upper().replace("-", "_")] = value
    return env


def call(
    app: WSGIApp,
    target: str = "/v1/models",
    *,
    method: str = "GET",
    key: Optional[str] = KEY,
    headers: Optional[Mapping[str, str]] = None,
    raw_uri: Optional[str] = "REQUEST_URI",
) -> Answer:
    """Call ``app`` once; ``key`` is sent as x-api-key unless None."""
    sent = dict(headers or {})
    if key is not None:
        sent.setdefault("x-api-key", key)
    started: list[tuple[str, list[tuple[str, str]]]] = []

    def start_response(
        status: str, response_headers: list[tuple[str, str]], exc_info: Any = None
    ) -> Any:
        started.append((status, response_headers))
        return lambda data: None

    result = app(environ(target, method=method, headers=sent, raw_uri=raw_uri), start_response)
    try:
        body = b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()
    ((status, response_headers),) = started
    code, _, reason = status.partition(" ")
    names = [name.lower() for name, _ in response_headers]
    assert len(names) == len(set(names)), f"a header is repeated: {names}"
    return Answer(
        int(code), reason, {name.lower(): value for name, value in response_headers}, body
    )
