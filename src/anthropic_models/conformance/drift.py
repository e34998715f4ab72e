"""Drift: what a target sent that ``openapi.yaml`` does not know, the signal to update the spec.

Every answer of a run is read against the spec's schema for it (the list page, the model, the error
body): fields no schema names, enum values it does not list, capability keys beyond the known
ones, and response headers the spec does not declare (general HTTP headers aside). Each is counted,
with one example. Drift changes no verdict: the API adds fields and values over time, and clients
must ignore them; it says where ``openapi.yaml`` is behind, so that it can be updated and the
package regenerated.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from typing import Any, Callable, Optional

import attrs

from anthropic_models.conformance.records import Exchange
from anthropic_models_generated.spec import SPEC

__all__ = ["MAX_LINES", "Drift", "DriftGroup", "DriftItem", "find_drift"]

# Headers of HTTP itself (RFC 9110, 9111, 9112, CORS, common security and proxy headers): never drift.
_GENERAL_HEADERS = frozenset(
    {
        "accept-ranges", "access-control-allow-credentials", "access-control-allow-headers",
        "access-control-allow-methods", "access-control-allow-origin", "access-control-expose-headers",
        "access-control-max-age", "age", "allow", "alt-svc", "cache-control", "connection",
        "content-encoding", "content-language", "content-length", "content-security-policy",
        "content-type", "date", "etag", "expires", "keep-alive", "last-modified", "pragma",
        "server", "set-cookie", "strict-transport-security", "trailer", "transfer-encoding",
        "vary", "via", "www-authenticate", "x-content-type-options", "x-frame-options",
    }
)  # fmt: skip
_CAPABILITIES = "ModelCapabilities"
_EXAMPLE_CHARS = 80
MAX_LINES = 20
"""The most drift lines a text report shows."""
_SHOWN_NAMES = 5
_JSON_ITEMS = 20
_JSON_GROUPS = 200
_MAX_DEPTH = 64


@attrs.frozen
class DriftItem:
    """One thing the spec does not know, how often it was seen, and one example."""

    kind: str
    """``field``, ``capability key``, ``enum value`` or ``header``."""
    where: str
    """The schema and name (``ModelInfo.price``), the enum (``Lifecycle``) or the header."""
    count: int
    example: str
    """The value seen first (shortened), and the request that got it."""

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class DriftGroup:
    """Drift items of one shape: one kind under one place (the unknown keys of one object, the
    undeclared headers, the new values of one enum), with their totals and a few examples."""

    kind: str
    where: str
    """The place the items share (``ModelInfo.*``, ``*`` for headers, the enum's name)."""
    items: tuple[DriftItem, ...] = attrs.field(repr=False)

    @property
    def count(self) -> int:
        """How many times the items were seen, in all."""
        return sum(item.count for item in self.items)

    def line(self) -> str:
        """One line: the item itself, or the group with its totals and a few names."""
        if len(self.items) == 1:
            item = self.items[0]
            return f"  {item.kind} {item.where}: {item.count} time(s), e.g. {item.example}"
        names = ", ".join(_last(item.where) for item in self.items[:_SHOWN_NAMES])
        more = (
            f", and {len(self.items) - _SHOWN_NAMES} more" if len(self.items) > _SHOWN_NAMES else ""
        )
        return (
            f"  {self.kind} {self.where}: {len(self.items)} distinct, {self.count} time(s): "
            f"{names}{more}"
        )

    def to_dict(self) -> dict[str, Any]:
        """The group as JSON-ready data: its totals and its first items (bounded)."""
        return {
            "kind": self.kind,
            "where": self.where,
            "distinct": len(self.items),
            "count": self.count,
            "items": [item.to_dict() for item in self.items[:_JSON_ITEMS]],
            "omitted": max(0, len(self.items) - _JSON_ITEMS),
        }


def _last(where: str) -> str:
    return where.rsplit(".", 1)[-1]


def _place(item: DriftItem) -> str:
    """What an item shares with others of its shape."""
    if item.kind == "header":
        return "*"
    if item.kind == "enum value":
        return item.where
    return item.where.rsplit(".", 1)[0] + ".*"


@attrs.frozen
class Drift:
    """Everything a run's answers held that the spec does not describe, grouped by shape.

    However many distinct things a target sends (a mock inventing keys in every answer), the text
    holds at most :data:`MAX_LINES` lines and the JSON at most a few hundred items: each group
    keeps its totals and its first items.
    """

    items: tuple[DriftItem, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def groups(self) -> tuple[DriftGroup, ...]:
        """The items grouped by kind and place, the most frequent group first."""
        grouped: dict[tuple[str, str], list[DriftItem]] = {}
        for item in self.items:
            grouped.setdefault((item.kind, _place(item)), []).append(item)
        groups = [DriftGroup(kind, where, tuple(items)) for (kind, where), items in grouped.items()]
        groups.sort(key=lambda group: (-group.count, group.kind, group.where))
        return tuple(groups)

    def lines(self) -> list[str]:
        """The report's closing lines (raw text: the report escapes what it prints)."""
        if not self.items:
            return [
                "drift: none (every field, value, capability key and header is in openapi.yaml)"
            ]
        groups = self.groups
        out = [
            f"drift: the target sent {len(self.items)} thing(s) openapi.yaml does not know "
            "(no verdict changes; update openapi.yaml and regenerate: nox -s generate):"
        ]
        out += [group.line() for group in groups[:MAX_LINES]]
        if len(groups) > MAX_LINES:
            out.append(f"  and {len(groups) - MAX_LINES} more groups (in the JSON report)")
        return out

    def to_list(self) -> list[dict[str, Any]]:
        """Every group with its totals (none left out), each with its first items."""
        return [group.to_dict() for group in self.groups[:_JSON_GROUPS]]


def _resolve(
    node: Mapping[str, Any], name: Optional[str]
) -> tuple[Mapping[str, Any], Optional[str]]:
    """Follow ``$ref`` chains; the name is the last component schema reached."""
    while "$ref" in node:
        ref = str(node["$ref"])
        target: Any = SPEC
        for part in ref.lstrip("#/").split("/"):
            target = target[part]
        name = ref.rsplit("/", 1)[1]
        node = target
    return node, name


def _matches(schema: Mapping[str, Any], value: Any) -> bool:
    """Whether a (resolved) alternative of an anyOf/oneOf is meant for this JSON value."""
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
    if value is None:
        return "null" in kinds
    if isinstance(value, dict):
        return "object" in kinds or "properties" in schema
    if isinstance(value, list):
        return "array" in kinds
    return bool(kinds) and not ({"object", "array", "null"} >= set(kinds))


class _Finder:
    def __init__(self, redact: Callable[[str], str]) -> None:
        self.found: dict[tuple[str, str], list[Any]] = {}
        self.redact = redact

    def note(self, kind: str, where: str, value: Any, exchange: Exchange) -> None:
        entry = self.found.setdefault((kind, where), [0, None])
        entry[0] += 1
        if entry[1] is None:
            if isinstance(value, str):
                value = self.redact(value)  # a secret echoed whole, however short
            try:
                shown = json.dumps(value, ensure_ascii=False, default=str)
            except RecursionError:
                shown = "(a value nested too deep to show)"
            if len(shown) > _EXAMPLE_CHARS:
                shown = shown[:_EXAMPLE_CHARS] + "..."
            entry[1] = self.redact(f"{shown} in {exchange}")

    def walk(
        self,
        node: Mapping[str, Any],
        value: Any,
        name: Optional[str],
        exchange: Exchange,
        depth: int = 0,
    ) -> None:
        if depth > _MAX_DEPTH:  # deeper than any schema of the spec: nothing more to compare
            return
        schema, name = _resolve(node, name)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                for alternative in schema[key]:
                    resolved, alt_name = _resolve(alternative, name)
                    if _matches(resolved, value):
                        self.walk(resolved, value, alt_name, exchange, depth + 1)
                        return
                return
        if "enum" in schema and value not in schema["enum"] and isinstance(value, str):
            self.note("enum value", name or "?", value, exchange)
        if isinstance(value, dict) and "properties" in schema:
            properties = schema["properties"]
            for key, item in value.items():
                if key in properties:
                    self.walk(properties[key], item, f"{name}.{key}", exchange, depth + 1)
                elif schema.get("additionalProperties") in (None, False):
                    kind = "capability key" if name == _CAPABILITIES else "field"
                    self.note(kind, f"{name}.{key}", item, exchange)
        elif isinstance(value, dict) and isinstance(schema.get("additionalProperties"), dict):
            for item in value.values():
                self.walk(schema["additionalProperties"], item, name, exchange, depth + 1)
        elif isinstance(value, list) and "items" in schema:
            for item in value:
                self.walk(schema["items"], item, name, exchange, depth + 1)


@functools.cache
def _response(operation: str, status: int) -> Optional[Mapping[str, Any]]:
    """The spec's response object for an operation and status, if it documents one."""
    for item in SPEC["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation:
                response = op.get("responses", {}).get(str(status))
                return _resolve(response, None)[0] if response is not None else None
    return None


def find_drift(
    exchanges: Iterable[Exchange], redact: Callable[[str], str] = lambda text: text
) -> Drift:
    """What the answers held that openapi.yaml does not describe, most frequent first.

    Only answers the spec documents are read (their status and operation); a body that is not JSON
    or breaks the schema is another check's business, not drift. ``redact`` masks the run's
    secrets in the examples (a target echoing a key in a header must not show it).
    """
    finder = _Finder(redact)
    for exchange in exchanges:
        response = _response(exchange.operation, exchange.status)
        if response is None:
            continue
        declared = {name.lower() for name in response.get("headers", {})}
        for name in exchange.headers:
            lowered = str(name).lower()
            if lowered not in declared and lowered not in _GENERAL_HEADERS:
                finder.note("header", lowered, exchange.header(lowered), exchange)
        schema = response.get("content", {}).get("application/json", {}).get("schema")
        if schema is None:
            continue
        try:
            body = exchange.json()
        except ValueError:
            continue
        finder.walk(schema, body, None, exchange)
    items = [
        DriftItem(kind=kind, where=where, count=count, example=example)
        for (kind, where), (count, example) in finder.found.items()
    ]
    items.sort(key=lambda item: (-item.count, item.kind, item.where))
    return Drift(tuple(items))
