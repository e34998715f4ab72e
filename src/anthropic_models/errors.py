"""Every error this package raises, in one tree rooted at :class:`AnthropicModelsError`.

::

    AnthropicModelsError
    ├── APIStatusError                  the server answered with an error status
    │   ├── BadRequestError             400
    │   ├── AuthenticationError         401
    │   ├── PaymentRequiredError        402
    │   ├── PermissionDeniedError       403
    │   ├── NotFoundError               404
    │   ├── RequestTimeoutError         408
    │   ├── ConflictError               409
    │   ├── PreconditionFailedError     412
    │   ├── RequestTooLargeError        413 (also named ContentTooLargeError, as in the SDK)
    │   ├── UnprocessableEntityError    422
    │   ├── RateLimitError              429
    │   ├── RequestHeaderFieldsTooLargeError  431
    │   ├── ClientClosedRequestError    499
    │   └── InternalServerError         >= 500
    │       ├── HTTPNotImplementedError 501
    │       ├── ServiceUnavailableError 503
    │       ├── GatewayTimeoutError     504
    │       └── OverloadedError         529
    ├── APIConnectionError              no usable answer: refused, reset, redirected, too large
    │   └── APITimeoutError             no answer in time
    ├── ResponseValidationError         the body is not what the spec says
    ├── PaginationError                 the server's cursors would loop or stall a walk
    ├── ModelUnavailableError           require_model(): not found, or retired
    ├── ClientClosedError               a call on a client after close()
    ├── InvalidArgumentError            a bad argument, refused before anything is sent
    │   └── SnapshotError               a snapshot diff cannot read (snapshot.py)
    ├── CatalogError                    the reference server cannot load a catalogue
    └── MissingDependencyError          an optional extra is not installed

The status classes have the official SDK's names, so ``except`` clauses written for the SDK port over.
Every :class:`APIStatusError` carries ``status_code``, ``request_id`` (the ``request-id`` header, else the
body's ``request_id``), ``error_type``, ``error_code`` and ``details`` (from ``error.details``), ``body``
and ``retry_after`` (the wait the server asked for, in seconds, when it gave one).

Messages never contain the API key: the client redacts its own secrets from anything a server sends
back before it builds an error.

>>> from anthropic_models.errors import NotFoundError, APIStatusError
>>> issubclass(NotFoundError, APIStatusError)
True
"""

from __future__ import annotations

from typing import Optional

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AnthropicModelsError",
    "AuthenticationError",
    "BadRequestError",
    "CatalogError",
    "ClientClosedError",
    "ClientClosedRequestError",
    "ConflictError",
    "ContentTooLargeError",
    "GatewayTimeoutError",
    "HTTPNotImplementedError",
    "InternalServerError",
    "InvalidArgumentError",
    "MissingDependencyError",
    "ModelUnavailableError",
    "NotFoundError",
    "OverloadedError",
    "PaginationError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RateLimitError",
    "RequestHeaderFieldsTooLargeError",
    "RequestTimeoutError",
    "RequestTooLargeError",
    "ResponseValidationError",
    "ServiceUnavailableError",
    "UnprocessableEntityError",
    "status_error_class",
]


class AnthropicModelsError(Exception):
    """Base of every error raised by anthropic_models."""


class APIStatusError(AnthropicModelsError):
    """The server answered with a status that is not a success."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        request_id: Optional[str] = None,
        error_type: Optional[str] = None,
        error_code: Optional[str] = None,
        details: Optional[dict[str, object]] = None,
        body: object = None,
        retry_after: Optional[float] = None,
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.request_id = request_id
        self.error_type = error_type
        self.error_code = error_code
        self.details = details
        self.body = body
        self.retry_after = retry_after
        super().__init__(self.__str__())

    def __str__(self) -> str:
        kind = f" {self.error_type}" if self.error_type else ""
        code = f" ({self.error_code})" if self.error_code else ""
        rid = f" (request-id {self.request_id})" if self.request_id else ""
        wait = f" (the server asks to wait {self.retry_after:g} s)" if self.retry_after else ""
        return f"{self.status_code}{kind}{code}: {self.message}{rid}{wait}"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_status_error, (type(self), self.message, self.__dict__))


def _rebuild_status_error(
    cls: type[APIStatusError], message: str, state: dict[str, object]
) -> APIStatusError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, message)
    return error


class BadRequestError(APIStatusError):
    """400: the request is malformed (a bad limit, both cursors, an unknown cursor)."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or invalid."""


class PaymentRequiredError(APIStatusError):
    """402: the organization cannot be billed (``billing_error``)."""


class PermissionDeniedError(APIStatusError):
    """403: the API key may not use this resource."""


class NotFoundError(APIStatusError):
    """404: no such model (or no such path)."""


class RequestTimeoutError(APIStatusError):
    """408: the server timed out waiting for the request (retried by default)."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the server's state (retried by default)."""


class PreconditionFailedError(APIStatusError):
    """412: a precondition of the request failed."""


class RequestTooLargeError(APIStatusError):
    """413: the request is too large."""


ContentTooLargeError = RequestTooLargeError
"""The official SDK's name for :class:`RequestTooLargeError`."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well-formed but cannot be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests (retried by default, honouring retry-after)."""


class RequestHeaderFieldsTooLargeError(APIStatusError):
    """431: the request's headers are too large."""


class ClientClosedRequestError(APIStatusError):
    """499: the connection was closed before the server answered."""


class InternalServerError(APIStatusError):
    """500 and above: the server failed (retried by default)."""


class HTTPNotImplementedError(InternalServerError):
    """501: the server does not implement this (retried by default, as every 5xx)."""


class ServiceUnavailableError(InternalServerError):
    """503: the API is temporarily unavailable (retried by default)."""


class GatewayTimeoutError(InternalServerError):
    """504: the request timed out before it could be processed (``timeout_error``; retried by default)."""


class OverloadedError(InternalServerError):
    """529: the API is temporarily overloaded (retried by default)."""


class APIConnectionError(AnthropicModelsError):
    """No usable answer: connection refused or reset, a redirect, or a body over the size limit."""


class APITimeoutError(APIConnectionError):
    """The server did not answer (or finish answering) within the timeout."""


class ResponseValidationError(AnthropicModelsError):
    """The response body is not what the spec says: bad JSON, a missing field, a wrong type."""

    def __init__(self, message: str, *, path: str = "$") -> None:
        self.path = path
        self.reason = message
        super().__init__(f"{path}: {message}" if path else message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_validation_error, (self.reason, self.path))


def _rebuild_validation_error(reason: str, path: str) -> ResponseValidationError:
    return ResponseValidationError(reason, path=path)


class PaginationError(AnthropicModelsError):
    """The server's pagination would loop or stall: a repeated cursor, or has_more with no data."""


class ModelUnavailableError(AnthropicModelsError):
    """A required model does not exist or is retired."""

    def __init__(self, model_id: str, reason: str) -> None:
        self.model_id = model_id
        self.reason = reason
        super().__init__(f"model {model_id!r} is not available: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.model_id, self.reason))


class ClientClosedError(AnthropicModelsError, RuntimeError):
    """A call on a client after its ``close()``: make a new client (the pool is not reopened)."""


class InvalidArgumentError(AnthropicModelsError, ValueError):
    """An argument was refused before any request was sent."""


class CatalogError(AnthropicModelsError):
    """A catalogue cannot be built: unreadable file, invalid model, duplicate id, bad alias."""


class MissingDependencyError(AnthropicModelsError, ImportError):
    """A feature needs an optional extra that is not installed."""


_BY_STATUS: dict[int, type[APIStatusError]] = {  # not the spec's: the SDK's error classes
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    408: RequestTimeoutError,
    409: ConflictError,
    412: PreconditionFailedError,
    413: RequestTooLargeError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    431: RequestHeaderFieldsTooLargeError,
    499: ClientClosedRequestError,
    501: HTTPNotImplementedError,
    503: ServiceUnavailableError,
    504: GatewayTimeoutError,
    529: OverloadedError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The error class for an HTTP status: one per documented status, by range otherwise.

    >>> status_error_class(404).__name__, status_error_class(502).__name__
    ('NotFoundError', 'InternalServerError')
    """
    if status_code in _BY_STATUS:
        return _BY_STATUS[status_code]
    if status_code >= 500:
        return InternalServerError
    return APIStatusError
