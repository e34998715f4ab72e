# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 cb1e4d2b8113abd0c568db79b106b5961afaf376d1c50e6452560ca4dee26471
"""The urllib3 transport: :func:`send` and one function per operation of openapi.yaml.

:func:`send` sends one request built by :mod:`anthropic_models_generated.operations` through the
given pool, never follows a redirect and never retries by itself (pass ``retries`` to let urllib3
retry), and returns the status, headers and whole body. Each operation's function builds its request
and sends it. Mapping statuses to errors and bodies to models is the caller's business.
"""

from __future__ import annotations

import time
from typing import Callable, Mapping, Optional, Protocol, Sequence, Union

import attrs
from urllib3 import Timeout
from urllib3.exceptions import HTTPError, ReadTimeoutError
from urllib3.util.retry import Retry

from anthropic_models_generated import operations

# Re-exported: the descriptors and errors callers used to find here.
from anthropic_models_generated.operations import ERROR_TYPES as ERROR_TYPES
from anthropic_models_generated.operations import OPERATIONS as OPERATIONS
from anthropic_models_generated.operations import InvalidParameterError as InvalidParameterError
from anthropic_models_generated.operations import Operation as Operation
from anthropic_models_generated.operations import Parameter as Parameter
from anthropic_models_generated.operations import QueryPairs
from anthropic_models_generated.operations import Request as Request

DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024
"""The largest response body read before giving up with ResponseTooLarge."""

_CHUNK = 64 * 1024


class TransportError(Exception):
    """Base of the errors the transport raises itself (urllib3 raises its own)."""


class ResponseTooLarge(TransportError):
    """The response body is larger than ``max_body_bytes``."""


class BodyError(TransportError):
    """The body did not arrive whole; ``status`` and ``headers`` are what had arrived."""

    def __init__(self, message: str, status: int = 0, headers: Optional[Mapping[str, str]] = None):
        super().__init__(message)
        self.status = status
        self.headers: Mapping[str, str] = headers if headers is not None else {}


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
class RawResponse:
    """A response as received: status, headers (case-insensitive) and the whole body."""

    method: str
    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes


def _reader(response: Response) -> Callable[[int], bytes]:
    """A read that returns what has arrived (read1), so the body timeout is checked as it comes.

    ``read(amt)`` waits for ``amt`` bytes, which a server dripping a byte at a time would stretch
    without bound. urllib3 2 has ``read1``; under urllib3 1.26 the http.client response has it.
    """
    read1 = getattr(response, "read1", None) or getattr(
        getattr(response, "_fp", None), "read1", None
    )
    return read1 if callable(read1) else response.read


def send(
    pool: Pool,
    request: Request,
    *,
    timeout: Union[Timeout, float, None] = None,
    retries: Union[Retry, int, bool] = False,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    body_timeout: Optional[float] = None,
) -> RawResponse:
    """Send one request and read its whole body: one connection attempt unless ``retries`` says.

    Redirects are returned, not followed (a credential must not follow one). ``body_timeout``
    bounds the time from the headers to the body's last byte.
    """
    method, url = request.method, request.url
    options: dict[str, object] = {"headers": request.headers, "preload_content": False}
    if timeout is not None:
        options["timeout"] = timeout
    response = pool.urlopen(method, url, redirect=False, retries=retries, **options)
    deadline = None if body_timeout is None else time.monotonic() + body_timeout
    complete = False
    chunks: list[bytes] = []
    status, headers = response.status, response.headers

    def failed(kind: type[BodyError], what: str) -> BodyError:
        return kind(f"{method} {url}: {what}", status, headers)

    try:
        size = 0
        read = _reader(response)
        while chunk := read(_CHUNK):
            size += len(chunk)
            if size > max_body_bytes:
                raise ResponseTooLarge(f"{method} {url}: body larger than {max_body_bytes} bytes")
            if deadline is not None and time.monotonic() > deadline:
                raise failed(BodyTimeout, f"body still arriving after {body_timeout} s")
            chunks.append(chunk)
        declared = headers.get("content-length", "")
        encoded = headers.get("content-encoding", "identity") != "identity"
        if declared.isdigit() and not encoded and int(declared) != size:
            # A body shorter than its content-length was cut off (urllib3 1.26 reads a reset as EOF).
            raise failed(BodyInterrupted, f"body cut off at {size} of {declared} bytes")
        complete = True
    except ReadTimeoutError as exc:
        raise failed(BodyTimeout, "body read timed out") from exc
    except (HTTPError, OSError) as exc:
        raise failed(BodyInterrupted, f"body interrupted ({exc})") from exc
    finally:
        if not complete:
            response.close()
        response.release_conn()
    return RawResponse(
        method=method, url=url, status=status, headers=headers, body=b"".join(chunks)
    )


LIST_MODELS = operations.LIST_MODELS


def list_models(
    pool: Pool,
    base_url: str,
    *,
    after_id: Optional[str] = None,
    before_id: Optional[str] = None,
    limit: Optional[int] = None,
    lifecycle: Optional[Union[str, Sequence[str]]] = None,
    anthropic_version: Optional[str] = None,
    anthropic_beta: Optional[str] = None,
    workspace_id: Optional[str] = None,
    headers: Optional[Mapping[str, str]] = None,
    extra_query: QueryPairs = (),
    timeout: Union[Timeout, float, None] = None,
    retries: Union[Retry, int, bool] = False,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    body_timeout: Optional[float] = None,
) -> RawResponse:
    """List models: ``GET /v1/models``, built and sent once.

    One page of the models available to the caller, newest first. Walk forward with
    `after_id = last_id` while `has_more` is true; walk backward with `before_id = first_id`.
    """
    request = operations.build_list_models(
        base_url,
        after_id=after_id,
        before_id=before_id,
        limit=limit,
        lifecycle=lifecycle,
        anthropic_version=anthropic_version,
        anthropic_beta=anthropic_beta,
        workspace_id=workspace_id,
        headers=headers,
        extra_query=extra_query,
    )
    return send(
        pool,
        request,
        timeout=timeout,
        retries=retries,
        max_body_bytes=max_body_bytes,
        body_timeout=body_timeout,
    )


GET_MODEL = operations.GET_MODEL


def get_model(
    pool: Pool,
    base_url: str,
    model_id: str,
    *,
    anthropic_version: Optional[str] = None,
    anthropic_beta: Optional[str] = None,
    workspace_id: Optional[str] = None,
    headers: Optional[Mapping[str, str]] = None,
    extra_query: QueryPairs = (),
    timeout: Union[Timeout, float, None] = None,
    retries: Union[Retry, int, bool] = False,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    body_timeout: Optional[float] = None,
) -> RawResponse:
    """Get a model: ``GET /v1/models/{model_id}``, built and sent once.

    One model by its id or by an alias (such as `claude-sonnet-4-5`), which the server resolves to the
    model it currently points to. Retired models are still returned, with `lifecycle: retired`.
    """
    request = operations.build_get_model(
        base_url,
        model_id,
        anthropic_version=anthropic_version,
        anthropic_beta=anthropic_beta,
        workspace_id=workspace_id,
        headers=headers,
        extra_query=extra_query,
    )
    return send(
        pool,
        request,
        timeout=timeout,
        retries=retries,
        max_body_bytes=max_body_bytes,
        body_timeout=body_timeout,
    )
