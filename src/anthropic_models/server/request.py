"""Reading a WSGI request: its route, its query parameters and its credential, strictly."""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional
from urllib.parse import quote, unquote_to_bytes, urlsplit

import attrs

from anthropic_models_generated.operations import OPERATIONS, InvalidParameterError, Operation

__all__ = [
    "BadRequest",
    "Route",
    "arguments",
    "credentials",
    "decode_segment",
    "parse_query",
    "route",
]

_BAD_PERCENT = re.compile(rb"%(?![0-9A-Fa-f]{2})")


class BadRequest(Exception):
    """The request cannot be read: answered with 400 invalid_request_error and this message."""


@attrs.frozen
class Route:
    """Where a request goes: the spec's operations on its path (none: no such path), its raw parts."""

    path: str
    """The request path as sent, still percent-encoded."""
    operations: Mapping[str, str] = attrs.field(factory=dict)
    """Method -> operationId of the spec's operations on this path."""
    segment: Optional[str] = None
    """The raw path parameter of ``/v1/models/{model_id}``."""

    @property
    def allowed(self) -> str:
        """The value of an ``Allow`` header for this path."""
        return ", ".join(sorted(self.operations))


def _templates() -> list[tuple[tuple[str, ...], str, str]]:
    return [
        (tuple(op.path.split("/")), op.operation_id, op.method.upper())
        for op in OPERATIONS.values()
    ]


_TEMPLATES = _templates()


def wsgi_bytes(text: str) -> bytes:
    """The bytes behind a WSGI string (PEP 3333: latin-1 code points stand for bytes)."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:  # a server that decoded as UTF-8 after all
        return text.encode("utf-8", "surrogateescape")


def _decode(raw: bytes) -> Optional[str]:
    if _BAD_PERCENT.search(raw):
        return None
    try:
        return unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode_segment(raw: str) -> str:
    """A percent-encoded path segment as text; BadRequest if the encoding or the UTF-8 is bad."""
    text = _decode(wsgi_bytes(raw))
    if text is None:
        raise BadRequest("the path is not valid percent-encoded UTF-8")
    return text


def raw_path(environ: Mapping[str, Any]) -> str:
    """The path as the client sent it (after any mount), so that ``%2F`` stays inside a segment.

    The raw request target comes from ``REQUEST_URI`` (our runner, uWSGI) or ``RAW_URI``
    (gunicorn). Under a mount (a ``SCRIPT_NAME``), the mount's segments are taken off the raw
    path, provided what remains decodes to ``PATH_INFO`` (a proxy may have rewritten the target).
    Without a raw target, or when it does not match, ``PATH_INFO`` is re-encoded: a ``%2F`` in a
    model id then reads as a ``/``, and such an id cannot be retrieved (404 no such path).
    """
    path_info = wsgi_bytes(str(environ.get("PATH_INFO", "")))
    raw = environ.get("REQUEST_URI") or environ.get("RAW_URI")
    if raw:
        target = str(raw)
        path = target.split("?", 1)[0]
        if "://" in path:  # absolute-form request target
            path = urlsplit(target).path or "/"
        script = str(environ.get("SCRIPT_NAME") or "")
        if not script:
            return path
        mounted = _below_mount(path, script)
        if mounted is not None and unquote_to_bytes(wsgi_bytes(mounted)) == path_info:
            return mounted
    return quote(path_info, safe="/")


def _below_mount(path: str, script_name: str) -> Optional[str]:
    """The raw path without the mount's segments, or None if it does not start with them."""
    mount = script_name.rstrip("/").split("/")
    segments = path.split("/")
    if len(segments) < len(mount):
        return None
    for raw, fixed in zip(segments, mount):
        if unquote_to_bytes(wsgi_bytes(raw)) != wsgi_bytes(fixed):
            return None
    rest = "/".join(segments[len(mount) :])
    return "/" + rest if rest or path.endswith("/") else ""


def route(environ: Mapping[str, Any]) -> Route:
    """Match the request path against the spec's operations (path only, not the method)."""
    path = raw_path(environ)
    segments = path.split("/")
    operations: dict[str, str] = {}
    parameter: Optional[str] = None
    for template, operation_id, method in _TEMPLATES:
        if len(template) != len(segments):
            continue
        value: Optional[str] = None
        for fixed, raw in zip(template, segments):
            if fixed.startswith("{"):
                if not raw:
                    break
                value = raw
            elif _decode(wsgi_bytes(raw)) != fixed:
                break
        else:
            operations[method] = operation_id
            parameter = value
    return Route(path=path, operations=operations, segment=parameter)


def parse_query(environ: Mapping[str, Any]) -> dict[str, list[str]]:
    """Every query parameter with all its values, in order; BadRequest if the query is unreadable.

    ``&`` separates pairs, ``+`` is a space (form encoding), percent-escapes must be complete and
    the decoded bytes UTF-8. Empty pairs (``a=1&&b=2``) are skipped; ``name`` alone has value ``""``.
    """
    params: dict[str, list[str]] = {}
    query = wsgi_bytes(str(environ.get("QUERY_STRING", "")))
    for pair in query.split(b"&"):
        if not pair:
            continue
        raw_name, _, raw_value = pair.partition(b"=")
        name = _decode(raw_name.replace(b"+", b" "))
        value = _decode(raw_value.replace(b"+", b" "))
        if name is None or value is None:
            raise BadRequest("the query string is not valid percent-encoded UTF-8")
        params.setdefault(name, []).append(value)
    return params


def credentials(environ: Mapping[str, Any]) -> list[bytes]:
    """Every API key the request presents: ``x-api-key: KEY`` and ``Authorization: Bearer KEY``.

    A present but empty header presents an empty key (which no server accepts); an Authorization
    header of another scheme presents none.
    """
    found: list[bytes] = []
    if "HTTP_X_API_KEY" in environ:
        found.append(wsgi_bytes(str(environ["HTTP_X_API_KEY"]).strip(" \t")))
    authorization = str(environ.get("HTTP_AUTHORIZATION", "")).strip(" \t")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() == "bearer":
        found.append(wsgi_bytes(token.strip(" \t")))
    return found


def arguments(
    operation: Operation, query: Mapping[str, list[str]], environ: Mapping[str, Any]
) -> dict[str, object]:
    """The query and header parameters the spec declares, each read and checked by its metadata.

    The one generic check (the client's, on what it sends): every declared parameter is checked,
    also one this server gives no meaning to; a parameter the spec does not declare is ignored.
    Leading and trailing blanks of a header value are not part of it. BadRequest names the first
    parameter refused.
    """
    found: dict[str, object] = {}
    for param in operation.parameters:
        if param.location == "query":
            texts = query.get(param.name, [])
        elif param.location == "header":
            key = "HTTP_" + param.name.upper().replace("-", "_")
            texts = [str(environ[key]).strip(" \t")] if key in environ else []
        else:
            continue
        try:
            value = param.parse(texts)
        except InvalidParameterError as exc:
            raise BadRequest(str(exc)) from None
        if value is not None:
            found[param.python_name] = value
    return found
