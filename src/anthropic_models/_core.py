"""The client's core, with no I/O: prepare a request, judge each attempt, read the answer.

The sync and the asyncio clients are two thin shells around one :class:`Core`: each sends what
:meth:`Core.prepare` built, hands every answer or failure to :meth:`Core.judge` (which returns the
answer, the wait before another attempt, or raises the error to give), sleeps its own way
(``time.sleep`` or ``await asyncio.sleep``) and decodes with :meth:`Core.decode`. No socket, no
sleep and no thread here: one policy for both shells.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from typing import Any, Mapping, Optional, TypeVar, Union

import attrs
from urllib3 import Timeout
from urllib3.exceptions import HTTPError

from anthropic_models import _codec, _http
from anthropic_models._options import ClientOptions, check_headers, check_query
from anthropic_models._redact import Redactor, header_secrets
from anthropic_models._retry import RetryPolicy
from anthropic_models.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    InvalidArgumentError,
    MissingDependencyError,
    ResponseValidationError,
    status_error_class,
)
from anthropic_models_generated import transport
from anthropic_models_generated.methods import CallOptions
from anthropic_models_generated.operations import InvalidParameterError, Operation, Request

__all__ = ["Core", "Prepared", "Retry"]

log = logging.getLogger("anthropic_models")
T = TypeVar("T")

FAILURES = (transport.TransportError, HTTPError, OSError)
"""What sending can raise besides an answer: the shells catch these and ask :meth:`Core.judge`."""


@attrs.frozen
class Prepared:
    """One call, ready to send (and to send again): its request, timeouts and secrets."""

    request: Request
    timeout: Timeout
    body_timeout: Optional[float]
    redactor: Redactor = attrs.field(repr=False)
    """The client's secrets, and this call's credential-like ``extra_headers`` values."""


@attrs.frozen
class Retry:
    """Judged: send again after ``wait`` seconds."""

    wait: float


class Core:
    """What both clients share: their options, policy and secrets, and every decision."""

    def __init__(
        self,
        options: ClientOptions,
        *,
        secrets: tuple[Optional[str], ...] = (),
        validate: bool = False,
    ) -> None:
        self.options = options
        self.policy = RetryPolicy(
            max_retries=options.max_retries, max_retry_wait=options.max_retry_wait
        )
        self.redactor = Redactor([options.api_key, options.auth_token, *secrets])
        self.headers = options.headers()
        self._validate = validate
        self._validator: Any = None
        self._validator_lock = threading.Lock()
        if validate and importlib.util.find_spec("openapi_core") is None:
            raise MissingDependencyError(
                "validate=True needs openapi-core: pip install 'anthropic-models[validation]'"
            )

    def validator(self) -> Any:
        """The spec validator, loaded on first use (openapi-core takes a while to import)."""
        if not self._validate:
            return None
        with self._validator_lock:
            if self._validator is None:
                from anthropic_models._validation import spec_validator

                self._validator = spec_validator()
        return self._validator

    # -- before sending -------------------------------------------------------------------------

    def prepare(
        self, operation: Operation, arguments: Mapping[str, object], options: CallOptions
    ) -> Prepared:
        """Check the arguments and per-call options; build the request (nothing is sent).

        The client's headers come first, the spec's parameters over them (a per-call
        ``workspace_id`` wins over the client's), ``extra_headers`` last.
        """
        extra = check_headers("extra_headers", options.extra_headers)
        query = check_query(options.extra_query)
        timeout = (
            self.options.timeout if options.timeout is None else _http.make_timeout(options.timeout)
        )
        try:
            request = operation.build(
                self.options.base_url, operation.check(arguments), extra_query=query
            )
        except InvalidParameterError as exc:
            raise InvalidArgumentError(str(exc)) from None
        headers = {**self.headers, **request.headers, **extra}
        return Prepared(
            request=Request(request.method, request.url, headers),
            timeout=timeout,
            body_timeout=_http.body_timeout(timeout),
            redactor=self.redactor.with_secrets(header_secrets(extra)),
        )

    def check_request(self, prepared: Prepared) -> None:
        """With ``validate=True``: the request must be one the spec allows."""
        validator = self.validator()
        if validator is None:
            return
        request = prepared.request
        problems = validator.request_errors(request.method, request.url, request.headers)
        if problems:
            raise InvalidArgumentError("the request breaks the spec: " + "; ".join(problems))

    # -- after each attempt ---------------------------------------------------------------------

    def judge(
        self,
        prepared: Prepared,
        attempt: int,
        outcome: Union[transport.RawResponse, BaseException],
    ) -> Union[transport.RawResponse, Retry]:
        """After attempt number ``attempt`` (0 first): the answer, or a retry; else raises.

        ``outcome`` is the answer, or what sending raised (one of :data:`FAILURES`).
        """
        redactor = prepared.redactor
        if isinstance(outcome, BaseException):
            return self._failed(prepared, attempt, outcome)
        raw = outcome
        log.debug(
            "%s %s -> %s (request-id %s)",
            raw.method,
            redactor.text(raw.url),
            raw.status,
            raw.headers.get("request-id"),
        )
        if raw.status < 300:
            return raw
        if raw.status < 400:
            raise self._redirect_error(raw, redactor)
        decision = self.policy.decide(attempt, status=raw.status, headers=raw.headers)
        if not decision.retry:
            raise self.status_error(raw, decision.retry_after, redactor)
        return Retry(decision.wait)

    def _failed(self, prepared: Prepared, attempt: int, exc: BaseException) -> Retry:
        redactor = prepared.redactor
        if isinstance(exc, transport.ResponseTooLarge):
            raise APIConnectionError(redactor.text(str(exc))) from None
        headers = exc.headers if isinstance(exc, transport.BodyError) else None
        decision = self.policy.decide(attempt, failed=True, headers=headers)
        if not decision.retry:
            raise self.connection_error(exc, prepared) from None
        log.debug("retrying after %s in %.2f s", type(exc).__name__, decision.wait)
        return Retry(decision.wait)

    def decode(self, prepared: Prepared, raw: transport.RawResponse, cls: type[T]) -> T:
        """The answer's body as ``cls`` (checked against the spec too with ``validate=True``)."""
        redactor = prepared.redactor
        validator = self.validator()
        if validator is not None:
            problems = validator.response_errors(
                raw.method, raw.url, raw.status, raw.headers, raw.body
            )
            if problems:
                path, _, message = problems[0].partition(": ")
                extra = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                raise ResponseValidationError(redactor.text(message + extra), path=path)
        try:
            return _codec.decode(raw.body, cls)
        except ResponseValidationError as exc:
            raise ResponseValidationError(redactor.text(exc.reason), path=exc.path) from None

    # -- errors ---------------------------------------------------------------------------------

    def _redirect_error(self, raw: transport.RawResponse, redactor: Redactor) -> APIConnectionError:
        location = redactor.text(raw.headers.get("location", "nowhere"))
        return APIConnectionError(
            f"{raw.status} redirect to {location} not followed (the API key stays with "
            f"{self.options.base_url}); point base_url at the final address"
        )

    def status_error(
        self, raw: transport.RawResponse, retry_after: Optional[float], redactor: Redactor
    ) -> APIStatusError:
        """The error for a status >= 400, from a body parsed first and redacted after."""
        text = raw.body.decode("utf-8", "replace")
        body: object
        try:
            body = redactor.json(_codec.loads(raw.body))
        except ResponseValidationError:
            body = redactor.text(text)
        error = body.get("error") if isinstance(body, dict) else None
        error = error if isinstance(error, dict) else {}
        details = error.get("details")
        details = details if isinstance(details, dict) else None

        def text_of(value: object) -> Optional[str]:
            return value if isinstance(value, str) else None

        error_type, message = text_of(error.get("type")), text_of(error.get("message"))
        error_code = text_of(details.get("error_code")) if details else None
        request_id = raw.headers.get("request-id") or (
            text_of(body.get("request_id")) if isinstance(body, dict) else None
        )
        if message is None:
            snippet = " ".join(redactor.text(text).split())[:200]
            message = f"HTTP {raw.status}" + (
                f" with a body that is not the error shape: {snippet!r}" if snippet else ""
            )
        if raw.status == 401 and not (self.options.api_key or self.options.auth_token):
            message += " (no API key was sent: pass api_key= or set ANTHROPIC_API_KEY)"
        cls: type[APIStatusError] = status_error_class(raw.status)
        return cls(
            message,
            status_code=raw.status,
            request_id=request_id,
            error_type=error_type,
            error_code=error_code,
            details=details,
            body=body,
            retry_after=retry_after,
        )

    def connection_error(self, exc: BaseException, prepared: Prepared) -> APIConnectionError:
        """The error for a failure to get an answer, naming the host, with every secret masked."""
        redactor = prepared.redactor
        if isinstance(exc, transport.BodyError):
            kind = APITimeoutError if isinstance(exc, transport.BodyTimeout) else APIConnectionError
            return kind(redactor.text(str(exc)))
        error = _http.connection_error(exc, self.options.base_url, prepared.timeout)
        return type(error)(redactor.text(str(error)))
