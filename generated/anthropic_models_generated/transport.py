# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 0059b49447762f6c0883a040bba5120317a2b0c30535874595d9dca66c35c56b
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
    pattern: Optional[str] = None
    """A regular expression the whole value must match (``re.fullmatch``), when the spec gives one."""
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
        if "\r" in value or "\n" in value or "\0" in value:
            raise InvalidParameterError(f"header {name} cannot contain a line break or NUL")
    return headers


def _reader(response: Response) -> Callable[[int], bytes]:
    """A read that returns what has arrived (read1), so the body timeout is checked as it comes.

    ``read(amt)`` waits for ``amt`` bytes, which a server dripping a byte at a time would stretch
    without bound. urllib3 2 has ``read1``; under urllib3 1.26 the http.client response has it.
    """
    read1 = getattr(response, "read1", None) or getattr(
        getattr(response, "_fp", None), "read1", None
    )
    return read1 if callable(read1) else response.read


def _check_length(response: Response, size: int, method: str, url: str) -> None:
    """A body shorter than its content-length was cut off (a reset urllib3 1.26 reads as EOF)."""
    declared = response.headers.get("content-length", "")
    encoded = response.headers.get("content-encoding", "identity") != "identity"
    if declared.isdigit() and not encoded and int(declared) != size:
        raise BodyInterrupted(f"{method} {url}: body cut off at {size} of {declared} bytes")


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
        method=method,
        url=url,
        status=response.status,
        headers=response.headers,
        body=b"".join(chunks),
    )


LIST_MODELS = Operation(
    operation_id="list_models",
    method="GET",
    path="/v1/models",
    path_params=(),
    query_params=("after_id", "before_id", "limit", "lifecycle[]"),
    header_params=("anthropic-version", "anthropic-beta", "anthropic-workspace-id"),
    parameters=(
        Parameter(
            name="after_id", python_name="after_id", location="query", kind="string", min_length=1
        ),
        Parameter(
            name="before_id", python_name="before_id", location="query", kind="string", min_length=1
        ),
        Parameter(
            name="limit",
            python_name="limit",
            location="query",
            kind="integer",
            default=20,
            minimum=1,
            maximum=1000,
        ),
        Parameter(
            name="lifecycle[]",
            python_name="lifecycle",
            location="query",
            kind="array",
            item_kind="string",
            min_items=1,
            max_items=3,
            enum=("active", "deprecated", "retired"),
        ),
        Parameter(
            name="anthropic-version",
            python_name="anthropic_version",
            location="header",
            kind="string",
            default="2026-10-21",
        ),
        Parameter(
            name="anthropic-beta", python_name="anthropic_beta", location="header", kind="string"
        ),
        Parameter(
            name="anthropic-workspace-id",
            python_name="anthropic_workspace_id",
            location="header",
            kind="string",
            min_length=1,
            pattern="^[!-~]+$",
        ),
    ),
)


def list_models(
    pool: Pool,
    base_url: str,
    *,
    after_id: Optional[str] = None,
    before_id: Optional[str] = None,
    limit: Optional[int] = None,
    lifecycle: Optional[Sequence[str]] = None,
    anthropic_version: Optional[str] = None,
    anthropic_beta: Optional[str] = None,
    anthropic_workspace_id: Optional[str] = None,
    headers: Optional[Mapping[str, str]] = None,
    extra_query: Sequence[tuple[str, ParamValue]] = (),
    timeout: Union[Timeout, float, None] = None,
    retries: Union[Retry, int, None] = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    body_timeout: Optional[float] = None,
) -> RawResponse:
    """List models: ``GET /v1/models``.

    One page of the models available to the caller, newest first. Walk forward with
    `after_id = last_id` while `has_more` is true; walk backward with `before_id = first_id`.
    """
    url = _url(
        base_url,
        "/v1/models",
        [
            ("after_id", after_id),
            ("before_id", before_id),
            ("limit", limit),
            ("lifecycle[]", lifecycle),
            *extra_query,
        ],
    )
    sent = _headers(
        headers,
        [
            ("anthropic-version", anthropic_version),
            ("anthropic-beta", anthropic_beta),
            ("anthropic-workspace-id", anthropic_workspace_id),
        ],
    )
    return _send(
        pool,
        "GET",
        url,
        sent,
        timeout=timeout,
        retries=retries,
        max_body_bytes=max_body_bytes,
        body_timeout=body_timeout,
    )


GET_MODEL = Operation(
    operation_id="get_model",
    method="GET",
    path="/v1/models/{model_id}",
    path_params=("model_id",),
    query_params=(),
    header_params=("anthropic-version", "anthropic-beta", "anthropic-workspace-id"),
    parameters=(
        Parameter(
            name="model_id",
            python_name="model_id",
            location="path",
            kind="string",
            required=True,
            min_length=1,
        ),
        Parameter(
            name="anthropic-version",
            python_name="anthropic_version",
            location="header",
            kind="string",
            default="2026-10-21",
        ),
        Parameter(
            name="anthropic-beta", python_name="anthropic_beta", location="header", kind="string"
        ),
        Parameter(
            name="anthropic-workspace-id",
            python_name="anthropic_workspace_id",
            location="header",
            kind="string",
            min_length=1,
            pattern="^[!-~]+$",
        ),
    ),
)


def get_model(
    pool: Pool,
    base_url: str,
    model_id: str,
    *,
    anthropic_version: Optional[str] = None,
    anthropic_beta: Optional[str] = None,
    anthropic_workspace_id: Optional[str] = None,
    headers: Optional[Mapping[str, str]] = None,
    extra_query: Sequence[tuple[str, ParamValue]] = (),
    timeout: Union[Timeout, float, None] = None,
    retries: Union[Retry, int, None] = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    body_timeout: Optional[float] = None,
) -> RawResponse:
    """Get a model: ``GET /v1/models/{model_id}``.

    One model by its id or by an alias (such as `claude-sonnet-4-5`), which the server resolves to the
    model it currently points to. Retired models are still returned, with `lifecycle: retired`.
    """
    url = _url(
        base_url,
        f"/v1/models/{_segment('model_id', model_id)}",
        [*extra_query],
    )
    sent = _headers(
        headers,
        [
            ("anthropic-version", anthropic_version),
            ("anthropic-beta", anthropic_beta),
            ("anthropic-workspace-id", anthropic_workspace_id),
        ],
    )
    return _send(
        pool,
        "GET",
        url,
        sent,
        timeout=timeout,
        retries=retries,
        max_body_bytes=max_body_bytes,
        body_timeout=body_timeout,
    )


OPERATIONS: dict[str, Operation] = {
    "list_models": LIST_MODELS,
    "get_model": GET_MODEL,
}
"""Every operation of the spec, by operationId."""
