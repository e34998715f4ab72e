"""The reference server's WSGI application: the Models API exactly as openapi.yaml describes it.

Each request goes through these checks in order; the first one that fails answers it:

1. **route**: a path the spec does not have is ``404 not_found_error``.
2. **method**: another method than the spec's on a known path is ``405`` with ``Allow: GET``.
   HEAD included: the spec has no HEAD operation, so HEAD is a 405 too (without a body, as HTTP
   requires for every answer to HEAD).
3. **auth**: no key (``x-api-key: KEY`` or ``Authorization: Bearer KEY``) is ``401
   authentication_error``; so is any presented key that is not visible ASCII (empty included)
   or, with ``api_key`` set, not that key (when both headers are sent, both must hold it). As in
   the real API, auth comes before parameters.
4. **faults**, only when enabled: an injected delay and failure (see
   :mod:`anthropic_models.server.faults`).
5. **parameters**: an unreadable query (bad percent-encoding, not UTF-8), a repeated scalar
   parameter of the operation, a bad ``limit``, an empty cursor, both cursors, a cursor that names
   no model, a bad ``lifecycle[]`` (an unknown stage, an empty value, more values than the spec's
   maxItems), an empty ``anthropic-workspace-id`` or one with control characters: ``400
   invalid_request_error``. Query parameters the spec does not name are ignored.
6. **lookup**: an unknown model id or alias is ``404 not_found_error``; a retired model is found.

The list's ``lifecycle[]`` filter also reads the plain form ``lifecycle=retired``; both forms may be
mixed, each value is one stage, and a stage given twice counts once. Without it the list holds the
active and deprecated models (see :mod:`anthropic_models.server.catalog` for cursors under a view).

Every response, errors included, is JSON with a ``request-id`` header (``req_`` and 24 hex digits);
an error body carries the same id as ``request_id``. Every answer to a request that sent
``anthropic-workspace-id`` (a usable one) echoes it as a response header, on errors too (the
official SDK reads it from errors). An unexpected exception becomes a ``500
api_error`` (and is logged), never a traceback.

>>> from anthropic_models.server.catalog import Catalogue
>>> app = ModelsApp(Catalogue.builtin(), api_key="sk-test")
>>> app.api_key, len(app.catalog)
('sk-test', 33)
"""

from __future__ import annotations

import hmac
import logging
import os
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Optional, Union

import attrs

from anthropic_models._redact import check_secret
from anthropic_models.errors import InvalidArgumentError
from anthropic_models.server.catalog import DEFAULT_LIMIT, Catalogue, PageError
from anthropic_models.server.faults import Fault, FaultInjector
from anthropic_models.server.request import (
    BadRequest,
    Route,
    arguments,
    credentials,
    decode_segment,
    parse_query,
    route,
)
from anthropic_models.server.responses import (
    error_body,
    error_type_for,
    new_request_id,
    status_line,
)
from anthropic_models_generated.operations import LIST_MODELS, OPERATIONS, InvalidParameterError

if TYPE_CHECKING:
    from anthropic_models._validation import SpecValidator

__all__ = ["ModelsApp"]

_log = logging.getLogger("anthropic_models.server")

StartResponse = Callable[..., Any]
_JSON = "application/json"
_LIFECYCLE = LIST_MODELS.parameter("lifecycle")
_LIFECYCLE_PLAIN = _LIFECYCLE.name.removesuffix("[]")  # our decision: lifecycle= too
_WORKSPACE = LIST_MODELS.parameter("workspace_id")
_WORKSPACE_ENVIRON = "HTTP_" + _WORKSPACE.name.upper().replace("-", "_")


@attrs.frozen
class _Reply:
    """A response before the headers every response shares (and an error's request id) are added."""

    status: int
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    injected: bool = False
    error: Optional[tuple[str, str]] = None
    """An error's type and message: its body is made once the request id is known."""
    error_code: Optional[str] = None

    @classmethod
    def error_of(cls, status: int, message: str, *headers: tuple[str, str]) -> _Reply:
        return cls(status, headers=headers, error=(error_type_for(status), message))

    @classmethod
    def fault(cls, fault: Fault) -> _Reply:
        headers = () if fault.retry_after is None else (("retry-after", fault.retry_after),)
        error = (error_type_for(fault.status), fault.message)
        return cls(
            fault.status, headers=headers, injected=True, error=error, error_code=fault.error_code
        )

    def rendered(self, request_id: str) -> bytes:
        """The body as sent: an error's body carries the request id."""
        if self.error is None:
            return self.body
        return error_body(self.error[0], self.error[1], request_id, error_code=self.error_code)


def _shown(value: str, limit: int = 100) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "...")


def _workspace(environ: Mapping[str, Any]) -> Optional[tuple[str, str]]:
    """The response header echoing ``anthropic-workspace-id``, when it is one the spec allows."""
    value = environ.get(_WORKSPACE_ENVIRON)
    if value is None:
        return None
    text = str(value).strip(" \t")  # optional whitespace around a field value is not part of it
    try:
        _WORKSPACE.parse([text])
    except InvalidParameterError:
        return None
    return (_WORKSPACE.name, text)


def _stages(query: Mapping[str, list[str]]) -> Mapping[str, list[str]]:
    """Our decision on the lifecycle filter: the plain form ``lifecycle=`` counts as ``lifecycle[]=``."""
    if _LIFECYCLE_PLAIN not in query:
        return query
    return {**query, _LIFECYCLE.name: [*query.get(_LIFECYCLE.name, ()), *query[_LIFECYCLE_PLAIN]]}


def _text(value: object) -> Optional[str]:
    return None if value is None else str(value)


def _catalog(catalog: object) -> Catalogue:
    if catalog is None:
        return Catalogue.builtin()
    if isinstance(catalog, Catalogue):
        return catalog
    if isinstance(catalog, (str, os.PathLike)):
        return Catalogue.from_json_file(catalog)
    raise TypeError(
        f"catalog: expected a Catalogue, a path to a JSON catalogue or None, "
        f"not {type(catalog).__name__}"
    )


class ModelsApp:
    """A WSGI application serving a :class:`Catalogue` as the Models API.

    ``catalog``: a :class:`Catalogue`, a path (str or :class:`os.PathLike`) to a JSON catalogue
    read at once (:meth:`Catalogue.from_json_file`), or None for the built-in one; anything else is
    a TypeError. ``api_key``: accept only this key (compared in constant time), which must be
    visible ASCII, the client's rule (``anthropic_models._redact.check_secret``; else
    :class:`~anthropic_models.errors.InvalidArgumentError`); None accepts any visible-ASCII key.
    ``latency_ms``: wait before answering every request. ``fail_rate``, ``seed`` and ``faults``:
    fault injection (:mod:`anthropic_models.server.faults`); ``retry_after`` is the default
    ``retry-after`` of injected 429/5xx failures. ``validate``: check every request and response of
    the spec's operations against openapi.yaml (needs openapi-core); a request the spec refuses is a
    400, a response that fails is logged and replaced by a 500 ``api_error`` naming the problem.
    """

    def __init__(
        self,
        catalog: Union[Catalogue, str, os.PathLike[str], None] = None,
        *,
        api_key: Optional[str] = None,
        latency_ms: float = 0,
        fail_rate: float = 0.0,
        seed: Optional[int] = None,
        faults: bool = False,
        validate: bool = False,
        retry_after: int = 0,
    ) -> None:
        if api_key is not None:
            check_secret("api_key", api_key)
        if latency_ms < 0:
            raise ValueError(f"latency_ms must not be negative, got {latency_ms!r}")
        self._catalog = _catalog(catalog)
        self._api_key = api_key
        self._key_bytes = None if api_key is None else api_key.encode("ascii")
        self._latency = latency_ms / 1000
        self._faults = FaultInjector(
            fail_rate=fail_rate, seed=seed, controls=faults, retry_after=retry_after
        )
        self._validator: Optional[SpecValidator] = None
        self._validator_lock = threading.Lock()
        if validate:
            from anthropic_models._validation import spec_validator

            self._validator = spec_validator()

    @property
    def catalog(self) -> Catalogue:
        """The catalogue served."""
        return self._catalog

    @property
    def api_key(self) -> Optional[str]:
        """The only accepted key, or None when any non-empty key is accepted."""
        return self._api_key

    @property
    def validates(self) -> bool:
        """Whether requests and responses are checked against the spec."""
        return self._validator is not None

    def __repr__(self) -> str:
        key = "any key" if self._api_key is None else "one key"
        return f"<ModelsApp {self._catalog!r}, {key}>"

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        request_id = new_request_id()
        try:
            reply = self._answer(environ, request_id)
        except Exception:
            _log.exception("unexpected error answering request %s", request_id)
            reply = _Reply.error_of(500, "an unexpected error occurred in the reference server")
        body = reply.rendered(request_id)
        headers = [
            ("content-type", _JSON),
            ("content-length", str(len(body))),
            ("request-id", request_id),
            *reply.headers,
        ]
        echo = _workspace(environ)
        if echo is not None:
            headers.append(echo)
        start_response(status_line(reply.status), headers)
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    def _answer(self, environ: Mapping[str, Any], request_id: str) -> _Reply:
        if self._latency:
            time.sleep(self._latency)
        target = route(environ)
        reply = self._dispatch(environ, target)
        method = str(environ.get("REQUEST_METHOD", ""))
        if self._validator is not None and method in target.operations and not reply.injected:
            reply = self._validated(environ, target, reply, request_id)
        return reply

    def _dispatch(self, environ: Mapping[str, Any], target: Route) -> _Reply:
        if not target.operations:
            return _Reply.error_of(404, f"no such path: {_shown(target.path)}")
        method = str(environ.get("REQUEST_METHOD", ""))
        operation = target.operations.get(method)
        if operation is None:
            return _Reply.error_of(
                405,
                f"method {_shown(method, 20)} is not allowed here; allowed: {target.allowed}",
                ("allow", target.allowed),
            )
        presented = credentials(environ)
        if not presented:
            return _Reply.error_of(
                401, "an API key is required: send x-api-key: KEY or Authorization: Bearer KEY"
            )
        if not all(self._accepts(key) for key in presented):
            return _Reply.error_of(401, "invalid API key")
        try:
            plan = self._faults.plan(environ)
            if plan.delay_seconds:
                time.sleep(plan.delay_seconds)
            if plan.fault is not None:
                return _Reply.fault(plan.fault)
            query = parse_query(environ)
            if operation == LIST_MODELS.operation_id:
                return self._list_models(arguments(LIST_MODELS, _stages(query), environ))
            arguments(OPERATIONS[operation], query, environ)
            return self._get_model(target)
        except BadRequest as exc:
            return _Reply.error_of(400, str(exc))

    def _accepts(self, key: bytes) -> bool:
        if self._key_bytes is None:
            try:  # the client's rule for keys, on the bytes received
                check_secret("key", key.decode("latin-1"))
            except InvalidArgumentError:
                return False
            return True
        return hmac.compare_digest(key, self._key_bytes)

    def _list_models(self, given: Mapping[str, object]) -> _Reply:
        """The list's semantics: the catalogue's view, cursors and page size (the rest is ignored)."""
        stages, limit = given.get("lifecycle"), given.get("limit", DEFAULT_LIMIT)
        assert isinstance(limit, int) and (stages is None or isinstance(stages, tuple))
        try:
            body = self._catalog.page_json(
                after_id=_text(given.get("after_id")),
                before_id=_text(given.get("before_id")),
                limit=limit,
                lifecycle=None if stages is None else [str(stage) for stage in stages],
            )
        except PageError as exc:
            raise BadRequest(str(exc)) from None
        return _Reply(200, body)

    def _get_model(self, target: Route) -> _Reply:
        model_id = decode_segment(target.segment or "")
        body = self._catalog.model_json(model_id)
        if body is None:
            return _Reply.error_of(404, f"no model has the id or alias {_shown(model_id)}")
        return _Reply(200, body)

    def _validated(
        self, environ: Mapping[str, Any], target: Route, reply: _Reply, request_id: str
    ) -> _Reply:
        assert self._validator is not None
        # openapi-core reads a URL: keep the raw path and query, but no "#" that would cut them.
        query = str(environ.get("QUERY_STRING", ""))
        url = "http://reference.invalid" + target.path + ("?" + query if query else "")
        url = url.replace("#", "%23")
        headers = {
            key[5:].replace("_", "-").lower(): str(value)
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        method = str(environ.get("REQUEST_METHOD", ""))
        with self._validator_lock:
            problems = self._validator.request_errors(method, url, headers)
        if problems and reply.status < 400:
            _log.warning("request %s accepted but refused by the spec: %s", request_id, problems)
            reply = _Reply.error_of(
                400, "the request does not conform to the spec: " + "; ".join(problems)
            )
        sent = {"content-type": _JSON, "request-id": request_id, **dict(reply.headers)}
        body = reply.rendered(request_id)
        with self._validator_lock:
            problems = self._validator.response_errors(method, url, reply.status, sent, body)
        if problems:
            _log.error("response to request %s fails the spec: %s", request_id, problems)
            message = "the response failed validation against the spec: " + "; ".join(problems)
            return _Reply.error_of(500, message)
        return reply
