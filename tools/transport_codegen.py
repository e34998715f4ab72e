"""Write the urllib3 transport module: one function per operation of the spec.

The runtime part every operation shares (``RUNTIME``) is emitted verbatim; each operation adds a
descriptor (its parameters' metadata: names, places, types, bounds, defaults, enum values, which the
hand-written surfaces read instead of repeating the spec's numbers) and a function built from its
method, path template and parameters. Parameters of type string, integer or boolean are supported, and
query arrays of those (``style: form, explode: true``, a ``name[]`` name sent as the official SDK
sends it); anything else stops the generator with a message naming the parameter.
"""

from __future__ import annotations

import keyword
import textwrap
from typing import Any

RUNTIME = '''
"""The urllib3 transport: one function per operation of openapi.yaml.

Each function templates the path (percent-encoding path parameters), encodes the query and header
parameters the spec declares, sends one request through the given pool without following redirects,
and returns the status, headers and body bytes. Mapping statuses to errors and bodies to models is
the caller's business.
"""

from __future__ import annotations

import time
from typing import Callable, Mapping, Optional, Protocol, Sequence, Union
from urllib.parse import quote, urlencode

import attrs
from urllib3 import Timeout
from urllib3.exceptions import HTTPError, ReadTimeoutError
from urllib3.util.retry import Retry

DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024
"""The largest response body read before giving up with ResponseTooLarge."""

_CHUNK = 64 * 1024

ParamValue = Union[str, int, bool, Sequence[Union[str, int, bool]], None]


class TransportError(Exception):
    """Base of the errors the transport raises itself (urllib3 raises its own)."""


class InvalidParameterError(TransportError, ValueError):
    """A parameter value cannot be sent (an empty path segment, a dot segment, a line break)."""


class ResponseTooLarge(TransportError):
    """The response body is larger than ``max_body_bytes``."""


class BodyError(TransportError):
    """The body did not arrive whole."""


class BodyTimeout(BodyError):
    """The body was still arriving ``body_timeout`` seconds after the headers."""


class BodyInterrupted(BodyError):
    """The connection failed while the body was arriving (reset, truncated, protocol error)."""


class Response(Protocol):
    """What the transport reads of a urllib3 response."""

    @property
    def status(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    def read(self, amt: int) -> bytes: ...

    def release_conn(self) -> None: ...

    def close(self) -> None: ...


class Pool(Protocol):
    """What the transport needs of urllib3: a PoolManager, ProxyManager or connection pool."""

    def urlopen(self, method: str, url: str, redirect: bool = ..., **kw: object) -> Response: ...


@attrs.frozen(kw_only=True)
class Parameter:
    """A parameter of an operation as the spec declares it: the one source of its numbers."""

    name: str
    """The name on the wire (``limit``, ``lifecycle[]``, ``anthropic-version``)."""
    python_name: str
    """The keyword argument of the operation's function (``lifecycle``, ``anthropic_version``)."""
    location: str
    """``path``, ``query`` or ``header``."""
    kind: str
    """``string``, ``integer``, ``boolean``, or ``array`` (of ``item_kind``)."""
    required: bool = False
    item_kind: Optional[str] = None
    default: Union[str, int, bool, None] = None
    minimum: Optional[int] = None
    maximum: Optional[int] = None
    min_length: Optional[int] = None
    min_items: Optional[int] = None
    max_items: Optional[int] = None
    enum: Optional[tuple[str, ...]] = None
    """The allowed values (of the items, for an array), when the spec lists them."""


@attrs.frozen(kw_only=True)
class Operation:
    """An operation of the spec: what the server routes and the conformance kit exercises."""

    operation_id: str
    method: str
    path: str
    path_params: tuple[str, ...]
    query_params: tuple[str, ...]
    header_params: tuple[str, ...]
    parameters: tuple[Parameter, ...] = ()

    def parameter(self, python_name: str) -> Parameter:
        """The parameter with this keyword name (KeyError if the operation has none)."""
        for param in self.parameters:
            if param.python_name == python_name:
                return param
        raise KeyError(python_name)


@attrs.frozen(kw_only=True)
class RawResponse:
    """A response as received: status, headers (case-insensitive) and the whole body."""

    method: str
    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes


def _segment(name: str, value: str) -> str:
    if value in ("", ".", ".."):
        raise InvalidParameterError(f"{name} cannot be {value!r}: it would change the path")
    return quote(value, safe="")


def _text(value: Union[str, int, bool]) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _url(base_url: str, path: str, query: Sequence[tuple[str, ParamValue]]) -> str:
    pairs = []
    for name, value in query:
        if value is None:
            continue
        if isinstance(value, (str, int)):  # bool is an int
            pairs.append((name, _text(value)))
        else:  # an array: one pair per item (style form, explode)
            pairs.extend((name, _text(item)) for item in value)
    url = base_url.rstrip("/") + path
    return url + "?" + urlencode(pairs, quote_via=quote) if pairs else url


def _headers(
    extra: Optional[Mapping[str, str]], params: Sequence[tuple[str, Optional[str]]]
) -> dict[str, str]:
    headers = {name: value for name, value in params if value is not None}
    if extra:
        headers.update(extra)
    for name, value in headers.items():
        if "\\r" in value or "\\n" in value or "\\0" in value:
            raise InvalidParameterError(f"header {name} cannot contain a line break or NUL")
    return headers


def _reader(response: Response) -> Callable[[int], bytes]:
    """A read that returns what has arrived (read1), so the body timeout is checked as it comes.

    ``read(amt)`` waits for ``amt`` bytes, which a server dripping a byte at a time would stretch
    without bound. urllib3 2 has ``read1``; under urllib3 1.26 the http.client response has it.
    """
    read1 = getattr(response, "read1", None) or getattr(getattr(response, "_fp", None), "read1", None)
    return read1 if callable(read1) else response.read


def _check_length(response: Response, size: int, method: str, url: str) -> None:
    """A body shorter than its content-length was cut off (a reset urllib3 1.26 reads as EOF)."""
    declared = response.headers.get("content-length", "")
    encoded = response.headers.get("content-encoding", "identity") != "identity"
    if declared.isdigit() and not encoded and int(declared) != size:
        raise BodyInterrupted(
            f"{method} {url}: body cut off at {size} of {declared} bytes"
        )


def _send(
    pool: Pool,
    method: str,
    url: str,
    headers: dict[str, str],
    *,
    timeout: Union[Timeout, float, None],
    retries: Union[Retry, int, None],
    max_body_bytes: int,
    body_timeout: Optional[float],
) -> RawResponse:
    options: dict[str, object] = {"headers": headers, "preload_content": False}
    if timeout is not None:
        options["timeout"] = timeout
    if retries is not None:
        options["retries"] = retries
    response = pool.urlopen(method, url, redirect=False, **options)
    deadline = None if body_timeout is None else time.monotonic() + body_timeout
    complete = False
    chunks: list[bytes] = []
    try:
        size = 0
        read = _reader(response)
        while chunk := read(_CHUNK):
            size += len(chunk)
            if size > max_body_bytes:
                raise ResponseTooLarge(f"{method} {url}: body larger than {max_body_bytes} bytes")
            if deadline is not None and time.monotonic() > deadline:
                raise BodyTimeout(f"{method} {url}: body still arriving after {body_timeout} s")
            chunks.append(chunk)
        _check_length(response, size, method, url)
        complete = True
    except ReadTimeoutError as exc:
        raise BodyTimeout(f"{method} {url}: body read timed out") from exc
    except (HTTPError, OSError) as exc:
        raise BodyInterrupted(f"{method} {url}: body interrupted ({exc})") from exc
    finally:
        if not complete:
            response.close()
        response.release_conn()
    return RawResponse(
        method=method, url=url, status=response.status, headers=response.headers, body=b"".join(chunks)
    )
'''

_SCALARS = {"string": "str", "integer": "int", "boolean": "bool"}


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise SystemExit(f"only local $refs are supported, not {ref}")
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def _identifier(name: str) -> str:
    ident = name.removesuffix("[]").replace("-", "_").replace(".", "_")
    if not ident.isidentifier() or keyword.iskeyword(ident):
        raise SystemExit(f"parameter {name!r} has no usable Python name")
    return ident


def _string_literal(text: str, formatted: bool) -> str:
    return ("f" if formatted else "") + '"' + text + '"'


def _python_type(param: dict[str, Any]) -> str:
    schema = param.get("schema", {})
    kind = schema.get("type")
    if kind == "array":
        if (
            param["in"] != "query"
            or param.get("style", "form") != "form"
            or not param.get("explode", True)
        ):
            raise SystemExit(
                f"parameter {param['name']!r}: only query arrays in style form, explode, are supported"
            )
        item = schema.get("items", {}).get("type")
        if item not in _SCALARS:
            raise SystemExit(
                f"parameter {param['name']!r}: array items of type {item!r} are not supported"
            )
        return f"Sequence[{_SCALARS[item]}]"
    if kind not in _SCALARS:
        raise SystemExit(f"parameter {param['name']!r}: type {kind!r} is not supported")
    return _SCALARS[kind]


def _resolved_schema(spec: dict[str, Any], param: dict[str, Any]) -> dict[str, Any]:
    """The parameter's schema with its ``$ref``s (and its items' ones) resolved."""
    schema = dict(_resolve(spec, param.get("schema", {})))
    if "items" in schema:
        schema["items"] = _resolve(spec, schema["items"])
    return schema


def _parameter(spec: dict[str, Any], param: dict[str, Any]) -> str:
    """A ``Parameter(...)`` literal for one parameter."""
    schema = _resolved_schema(spec, param)
    items = schema.get("items", {})
    enum = items.get("enum") if schema.get("type") == "array" else schema.get("enum")
    fields: list[tuple[str, Any]] = [
        ("name", param["name"]),
        ("python_name", _identifier(param["name"])),
        ("location", param["in"]),
        ("kind", schema.get("type")),
        ("required", bool(param.get("required", False))),
        ("item_kind", items.get("type")),
        ("default", schema.get("default")),
        ("minimum", schema.get("minimum")),
        ("maximum", schema.get("maximum")),
        ("min_length", schema.get("minLength")),
        ("min_items", schema.get("minItems")),
        ("max_items", schema.get("maxItems")),
        ("enum", tuple(enum) if enum is not None else None),
    ]
    args = ", ".join(
        f"{key}={value!r}"
        for key, value in fields
        if value is not None and not (key == "required" and value is False)
    )
    return f"Parameter({args})"


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    ops = []
    for path, item in spec["paths"].items():
        shared = [_resolve(spec, p) for p in item.get("parameters", [])]
        for method in ("get", "put", "post", "delete", "patch", "head", "options"):
            if method not in item:
                continue
            op = item[method]
            declared = shared + [_resolve(spec, p) for p in op.get("parameters", [])]
            # Copies: the spec itself is also written out (spec.py) and must stay as it is.
            params = [{**p, "schema": _resolved_schema(spec, p)} for p in declared]
            ops.append(
                {
                    "id": op["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                }
            )
    return ops


def _render_operation(spec: dict[str, Any], op: dict[str, Any]) -> str:
    by_place: dict[str, list[dict[str, Any]]] = {"path": [], "query": [], "header": []}
    for param in op["params"]:
        if param["in"] not in by_place:
            raise SystemExit(f"{op['id']}: parameters in {param['in']!r} are not supported")
        by_place[param["in"]].append(param)
    names = {place: tuple(p["name"] for p in params) for place, params in by_place.items()}
    const = op["id"].upper()
    lines = [
        f"{const} = Operation(",
        f"    operation_id={op['id']!r},",
        f"    method={op['method']!r},",
        f"    path={op['path']!r},",
        f"    path_params={names['path']!r},",
        f"    query_params={names['query']!r},",
        f"    header_params={names['header']!r},",
        "    parameters=(",
        *(f"        {_parameter(spec, p)}," for p in op["params"]),
        "    ),",
        ")",
        "",
        "",
    ]
    signature = ["    pool: Pool,", "    base_url: str,"]
    signature += [f"    {_identifier(p['name'])}: str," for p in by_place["path"]]
    signature.append("    *,")
    for param in by_place["query"] + by_place["header"]:
        if param["in"] == "header" and _python_type(param) != "str":
            raise SystemExit(f"header {param['name']!r} must be a string")
        signature.append(
            f"    {_identifier(param['name'])}: Optional[{_python_type(param)}] = None,"
        )
    signature += [
        "    headers: Optional[Mapping[str, str]] = None,",
        "    extra_query: Sequence[tuple[str, ParamValue]] = (),",
        "    timeout: Union[Timeout, float, None] = None,",
        "    retries: Union[Retry, int, None] = None,",
        "    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,",
        "    body_timeout: Optional[float] = None,",
    ]
    path_expr = op["path"]
    for param in by_place["path"]:
        ident = _identifier(param["name"])
        path_expr = path_expr.replace(
            "{" + param["name"] + "}", "{_segment(" + repr(param["name"]) + ", " + ident + ")}"
        )
    query = ", ".join(f"({p['name']!r}, {_identifier(p['name'])})" for p in by_place["query"])
    header_pairs = ", ".join(
        f"({p['name']!r}, {_identifier(p['name'])})" for p in by_place["header"]
    )
    doc = f"{op['summary']}: ``{op['method']} {op['path']}``.\n\n{op['description'].strip()}"
    lines += [
        f"def {op['id']}(",
        *signature,
        ") -> RawResponse:",
        textwrap.indent(f'"""{doc}\n"""', "    "),
        f"    url = _url(base_url, {_string_literal(path_expr, bool(by_place['path']))}, [{query + ', ' if query else ''}*extra_query])",
        f"    sent = _headers(headers, [{header_pairs}])",
        "    return _send(",
        f"        pool, {op['method']!r}, url, sent,",
        "        timeout=timeout, retries=retries, max_body_bytes=max_body_bytes,",
        "        body_timeout=body_timeout,",
        "    )",
        "",
        "",
    ]
    return "\n".join(lines)


def render_transport(spec: dict[str, Any]) -> str:
    """The transport module's source (without the DO NOT EDIT header)."""
    ops = _operations(spec)
    body = [RUNTIME.lstrip("\n"), "\n"]
    body += [_render_operation(spec, op) for op in ops]
    registry = ", ".join(f"{op['id']!r}: {op['id'].upper()}" for op in ops)
    body.append(
        f"OPERATIONS: dict[str, Operation] = {{{registry}}}\n"
        '"""Every operation of the spec, by operationId."""\n'
    )
    return "".join(body)
