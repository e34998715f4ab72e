# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 cb1e4d2b8113abd0c568db79b106b5961afaf376d1c50e6452560ca4dee26471
"""The operations of openapi.yaml: their parameters' metadata, statuses and request builders.

Standard library only, and no I/O: the command line builds its options from this module without
loading urllib3 or attrs, the reference server checks what it receives with the same rules the
client checks what it sends, and the conformance kit builds its requests here too.

Each operation is an :class:`Operation` holding its :class:`Parameter` descriptors (the one source
of the spec's names, bounds, defaults, enum values and patterns) and its documented statuses with
the error type each carries. :meth:`Parameter.check` is the one check of a value given in Python,
:meth:`Parameter.parse` the one reading of values received as text; :meth:`Operation.build` turns
checked arguments into a :class:`Request` (method, URL, headers) and sends nothing.
"""

from __future__ import annotations

import enum
import math
import re
from typing import Mapping, NamedTuple, Optional, Sequence, Union
from urllib.parse import quote, urlencode

Scalar = Union[str, int, float, bool]
Value = Union[Scalar, tuple[Scalar, ...]]
QueryPairs = Sequence[tuple[str, str]]

_UNSENDABLE = re.compile("[\r\n\0]")


class InvalidParameterError(ValueError):
    """A parameter value the spec does not allow, or one that cannot be sent."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


class Parameter(NamedTuple):
    """A parameter of an operation as the spec declares it: the one source of its numbers."""

    name: str
    """The name on the wire (``limit``, ``lifecycle[]``, ``anthropic-version``)."""
    python_name: str
    """The keyword argument of the typed methods (``lifecycle``, ``workspace_id``)."""
    location: str
    """``path``, ``query`` or ``header``."""
    kind: str
    """``string``, ``integer``, ``number``, ``boolean``, or ``array`` (of ``item_kind``)."""
    required: bool = False
    item_kind: Optional[str] = None
    default: Optional[Scalar] = None
    minimum: Optional[int] = None
    """The smallest value (a whole number: the generator refuses a fractional bound)."""
    maximum: Optional[int] = None
    min_length: Optional[int] = None
    max_length: Optional[int] = None
    pattern: Optional[str] = None
    """A regular expression the whole value must match (``re.fullmatch``), when the spec gives one."""
    min_items: Optional[int] = None
    max_items: Optional[int] = None
    enum: Optional[tuple[str, ...]] = None
    """The allowed values (of the items, for an array), when the spec lists them."""
    client_option: bool = False
    """Set once on the client (``x-client-option``), not per call: ``anthropic-version``."""
    summary: str = ""
    """The first sentence of the spec's description (the command line's help)."""

    @property
    def scalar_kind(self) -> str:
        """The kind of one value: the item kind of an array, else the kind."""
        return (self.item_kind or "string") if self.kind == "array" else self.kind

    def check(self, value: object) -> Optional[Value]:
        """A value given in Python, checked against the spec and made ready to send.

        None is "not given". An array takes one value or a sequence of values; enum members are
        taken by their value. Raises :class:`InvalidParameterError` naming the parameter.

        >>> LIMIT = Parameter("limit", "limit", "query", "integer", minimum=1, maximum=1000)
        >>> LIMIT.check(5)
        5
        >>> LIMIT.check(0)
        Traceback (most recent call last):
        ...
        anthropic_models_generated.operations.InvalidParameterError: limit must be an integer from 1 to 1000, not 0
        """
        if value is None:
            if self.required:
                raise InvalidParameterError(self.python_name, f"{self.python_name} is required")
            return None
        label = self.python_name
        if self.kind != "array":
            return self._scalar(value, label)
        if isinstance(value, (str, bytes, enum.Enum)) or not isinstance(
            value, (Sequence, set, frozenset)
        ):
            value = (value,)
        items = tuple(self._scalar(item, label) for item in value)
        self._count(len(items), label)
        return items

    def parse(self, texts: Sequence[str]) -> Optional[Value]:
        """Values received as text (every value of a query parameter, in order), checked.

        Giving a scalar parameter more than once is refused; an empty list is "not given".

        >>> Parameter("limit", "limit", "query", "integer", maximum=1000).parse(["20"])
        20
        """
        if not texts:
            return None
        label = self.name
        if self.kind == "array":
            self._count(len(texts), label)
            return tuple(self._from_text(text, label) for text in texts)
        if len(texts) > 1:
            raise InvalidParameterError(
                self.python_name, f"{label} given {len(texts)} times; give it once"
            )
        return self._from_text(texts[0], label)

    # -- internals -------------------------------------------------------------------------------

    def _count(self, count: int, label: str) -> None:
        low = self.min_items if self.min_items is not None else 1
        high = self.max_items
        if count < low or (high is not None and count > high):
            bounds = f"{low} to {high}" if high is not None else f"at least {low}"
            raise InvalidParameterError(
                self.python_name, f"{label} takes {bounds} values, not {count}"
            )

    def _wrong(self, wanted: str, value: object, label: str) -> InvalidParameterError:
        return InvalidParameterError(
            self.python_name, f"{label} must be {wanted}, not {_shown(value)}"
        )

    def _from_text(self, text: str, label: str) -> Scalar:
        kind = self.scalar_kind
        if kind == "integer":
            digits = text.lstrip("+-").lstrip("0")
            too_long = self.maximum is not None and len(digits) > len(str(abs(int(self.maximum))))
            if not re.fullmatch("[+-]?[0-9]+", text) or too_long or len(digits) > 4000:
                raise self._integer_error(text, label)
            return self._scalar(int(digits or "0") * (-1 if text[0] == "-" else 1), label)
        if kind == "number":
            try:
                number = float(text) if text.isascii() else math.nan
            except ValueError:
                number = math.nan
            return self._scalar(number if math.isfinite(number) else text, label)
        if kind == "boolean":
            if text not in ("true", "false"):
                raise self._wrong("true or false", text, label)
            return text == "true"
        return self._scalar(text, label)

    def _integer_error(self, value: object, label: str) -> InvalidParameterError:
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            return self._wrong(f"an integer from {low} to {high}", value, label)
        if low is not None:
            return self._wrong(f"an integer >= {low}", value, label)
        if high is not None:
            return self._wrong(f"an integer <= {high}", value, label)
        return self._wrong("an integer", value, label)

    def _scalar(self, value: object, label: str) -> Scalar:
        kind = self.scalar_kind
        if isinstance(value, enum.Enum):
            value = value.value
        if kind == "integer":
            if not isinstance(value, int) or isinstance(value, bool) or not self._within(value):
                raise self._integer_error(value, label)
            return value
        if kind == "number":
            if (
                not isinstance(value, (int, float))
                or isinstance(value, bool)
                or not math.isfinite(value)
                or not self._within(value)
            ):
                raise self._wrong("a finite number within the spec's bounds", value, label)
            return value
        if kind == "boolean":
            if not isinstance(value, bool):
                raise self._wrong("true or false", value, label)
            return value
        if not isinstance(value, str):
            raise self._wrong("a string", value, label)
        return self._string(value, label)

    def _within(self, value: Union[int, float]) -> bool:
        return (self.minimum is None or value >= self.minimum) and (
            self.maximum is None or value <= self.maximum
        )

    def _string(self, value: str, label: str) -> str:
        name = self.python_name
        if self.enum is not None and value not in self.enum:
            raise self._wrong(f"one of {', '.join(self.enum)}", value, label)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidParameterError(
                name, f"{label} is not valid text (it holds a lone surrogate): {_shown(value)}"
            ) from None
        if _UNSENDABLE.search(value):
            raise InvalidParameterError(name, f"{label} cannot contain a line break or NUL")
        if self.location == "header" and not value.isascii():
            raise InvalidParameterError(name, f"{label} must be ASCII text, not {_shown(value)}")
        if self.min_length is not None and len(value) < self.min_length:
            wanted = "a non-empty string" if self.min_length == 1 else None
            raise self._wrong(wanted or f"at least {self.min_length} characters", value, label)
        if self.max_length is not None and len(value) > self.max_length:
            raise self._wrong(f"at most {self.max_length} characters", value, label)
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            raise self._wrong(f"text matching {self.pattern}", value, label)
        return value


def _shown(value: object) -> str:
    """A value for a message: short, and ASCII (a terminal shows it as it is)."""
    text = ascii(value) if isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


class Request(NamedTuple):
    """A request ready to send: nothing is sent by building it."""

    method: str
    url: str
    headers: dict[str, str]


class Operation(NamedTuple):
    """An operation of the spec: its parameters, its statuses, and how to build its requests."""

    operation_id: str
    method: str
    path: str
    parameters: tuple[Parameter, ...]
    success: int
    """The status of a successful answer."""
    errors: tuple[tuple[int, Optional[str]], ...]
    """Each documented error status with the ``error.type`` of its example (None without one)."""
    summary: str = ""

    def parameter(self, python_name: str) -> Parameter:
        """The parameter with this keyword name (KeyError if the operation has none)."""
        for param in self.parameters:
            if param.python_name == python_name:
                return param
        raise KeyError(python_name)

    def located(self, location: str) -> tuple[Parameter, ...]:
        """The parameters in ``path``, ``query`` or ``header``, in the spec's order."""
        return tuple(param for param in self.parameters if param.location == location)

    @property
    def path_params(self) -> tuple[str, ...]:
        """The wire names of the path parameters."""
        return tuple(param.name for param in self.located("path"))

    @property
    def query_params(self) -> tuple[str, ...]:
        """The wire names of the query parameters."""
        return tuple(param.name for param in self.located("query"))

    @property
    def header_params(self) -> tuple[str, ...]:
        """The wire names of the header parameters."""
        return tuple(param.name for param in self.located("header"))

    @property
    def statuses(self) -> tuple[int, ...]:
        """Every documented status: the success and the errors."""
        return (self.success, *(status for status, _ in self.errors))

    def check(self, arguments: Mapping[str, object]) -> dict[str, Value]:
        """Every argument (by keyword name) checked; the ones not given (None) left out."""
        checked: dict[str, Value] = {}
        for param in self.parameters:
            value = param.check(arguments.get(param.python_name))
            if value is not None:
                checked[param.python_name] = value
        unknown = set(arguments) - {param.python_name for param in self.parameters}
        if unknown:
            raise InvalidParameterError(
                sorted(unknown)[0],
                f"{self.operation_id} takes no parameter {sorted(unknown)[0]!r}",
            )
        return checked

    def build(
        self,
        base_url: str,
        arguments: Mapping[str, object],
        *,
        headers: Optional[Mapping[str, str]] = None,
        extra_query: QueryPairs = (),
    ) -> Request:
        """The request for ``arguments`` (by keyword name, as :meth:`check` returns them; not
        checked here, so that a conformance kit can build a request the spec refuses); nothing is
        sent.

        Path values are percent-encoded as one segment (``/`` included); query arrays go out one
        pair per value (style form, explode). A name given in ``extra_query`` replaces the
        operation's own value of that name; ``headers`` are added last (and win).
        """
        path = self.path
        query: list[tuple[str, str]] = []
        sent: dict[str, str] = {}
        for param in self.parameters:
            value = arguments.get(param.python_name)
            if value is None:
                continue
            if param.location == "path":
                path = path.replace("{" + param.name + "}", _segment(param, value))
            elif param.location == "query":
                values = value if isinstance(value, (tuple, list)) else (value,)
                query.extend((param.name, _text(item)) for item in values)
            else:
                sent[param.name] = _text(value)
        replaced = {name for name, _ in extra_query}
        query = [pair for pair in query if pair[0] not in replaced]
        query.extend(extra_query)
        if headers:
            sent.update(headers)
        for name, text in sent.items():
            if _UNSENDABLE.search(text):
                raise InvalidParameterError(
                    name, f"header {name} cannot contain a line break or NUL"
                )
        url = base_url.rstrip("/") + path
        if query:
            url += "?" + urlencode(query, quote_via=quote)
        return Request(method=self.method, url=url, headers=sent)


def _text(value: object) -> str:
    """A value as it goes on the wire (``true``/``false`` for booleans)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.value if isinstance(value, enum.Enum) else str(value)


def _segment(param: Parameter, value: object) -> str:
    text = _text(value)
    if text in ("", ".", ".."):
        raise InvalidParameterError(
            param.python_name, f"{param.python_name} cannot be {text!r}: it would change the path"
        )
    return quote(text, safe="")


LIST_MODELS = Operation(
    operation_id="list_models",
    method="GET",
    path="/v1/models",
    parameters=(
        Parameter(
            name="after_id",
            python_name="after_id",
            location="query",
            kind="string",
            min_length=1,
            summary="Exclusive cursor: return the models immediately after the model with this id (older ones).",
        ),
        Parameter(
            name="before_id",
            python_name="before_id",
            location="query",
            kind="string",
            min_length=1,
            summary="Exclusive cursor: return the `limit` models immediately before the model with this id (newer ones), newest first.",
        ),
        Parameter(
            name="limit",
            python_name="limit",
            location="query",
            kind="integer",
            default=20,
            minimum=1,
            maximum=1000,
            summary="Number of models per page.",
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
            summary="Filter the list to models in any of the given lifecycle stages, each value one stage, as the official SDK sends it: `lifecycle[]=active&lifecycle[]=retired`.",
        ),
        Parameter(
            name="anthropic-version",
            python_name="anthropic_version",
            location="header",
            kind="string",
            default="2026-10-21",
            client_option=True,
            summary="The API version.",
        ),
        Parameter(
            name="anthropic-beta",
            python_name="anthropic_beta",
            location="header",
            kind="string",
            summary="Beta features to enable, as a comma-separated list (for example `files-api-2025-04-14`).",
        ),
        Parameter(
            name="anthropic-workspace-id",
            python_name="workspace_id",
            location="header",
            kind="string",
            min_length=1,
            pattern="^[!-~]+$",
            summary="The Workspace to act in (for example `wrkspc_011CZkZaBF1tNoB5wlCeusgy`).",
        ),
    ),
    success=200,
    errors=(
        (400, "invalid_request_error"),
        (401, "authentication_error"),
        (402, "billing_error"),
        (403, "permission_error"),
        (404, "not_found_error"),
        (429, "rate_limit_error"),
        (500, "api_error"),
        (503, "api_error"),
        (504, "timeout_error"),
        (529, "overloaded_error"),
    ),
    summary="List models",
)


def build_list_models(
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
) -> Request:
    """The request of list models: ``GET /v1/models``, checked, not sent."""
    arguments = LIST_MODELS.check(
        {
            "after_id": after_id,
            "before_id": before_id,
            "limit": limit,
            "lifecycle": lifecycle,
            "anthropic_version": anthropic_version,
            "anthropic_beta": anthropic_beta,
            "workspace_id": workspace_id,
        }
    )
    return LIST_MODELS.build(base_url, arguments, headers=headers, extra_query=extra_query)


GET_MODEL = Operation(
    operation_id="get_model",
    method="GET",
    path="/v1/models/{model_id}",
    parameters=(
        Parameter(
            name="model_id",
            python_name="model_id",
            location="path",
            kind="string",
            required=True,
            min_length=1,
            summary="A model id or alias.",
        ),
        Parameter(
            name="anthropic-version",
            python_name="anthropic_version",
            location="header",
            kind="string",
            default="2026-10-21",
            client_option=True,
            summary="The API version.",
        ),
        Parameter(
            name="anthropic-beta",
            python_name="anthropic_beta",
            location="header",
            kind="string",
            summary="Beta features to enable, as a comma-separated list (for example `files-api-2025-04-14`).",
        ),
        Parameter(
            name="anthropic-workspace-id",
            python_name="workspace_id",
            location="header",
            kind="string",
            min_length=1,
            pattern="^[!-~]+$",
            summary="The Workspace to act in (for example `wrkspc_011CZkZaBF1tNoB5wlCeusgy`).",
        ),
    ),
    success=200,
    errors=(
        (400, "invalid_request_error"),
        (401, "authentication_error"),
        (402, "billing_error"),
        (403, "permission_error"),
        (404, "not_found_error"),
        (429, "rate_limit_error"),
        (500, "api_error"),
        (503, "api_error"),
        (504, "timeout_error"),
        (529, "overloaded_error"),
    ),
    summary="Get a model",
)


def build_get_model(
    base_url: str,
    model_id: str,
    *,
    anthropic_version: Optional[str] = None,
    anthropic_beta: Optional[str] = None,
    workspace_id: Optional[str] = None,
    headers: Optional[Mapping[str, str]] = None,
    extra_query: QueryPairs = (),
) -> Request:
    """The request of get a model: ``GET /v1/models/{model_id}``, checked, not sent."""
    arguments = GET_MODEL.check(
        {
            "model_id": model_id,
            "anthropic_version": anthropic_version,
            "anthropic_beta": anthropic_beta,
            "workspace_id": workspace_id,
        }
    )
    return GET_MODEL.build(base_url, arguments, headers=headers, extra_query=extra_query)


OPERATIONS: dict[str, Operation] = {
    "list_models": LIST_MODELS,
    "get_model": GET_MODEL,
}
"""Every operation of the spec, by operationId."""

ERROR_TYPES: dict[int, str] = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "billing_error",
    403: "permission_error",
    404: "not_found_error",
    409: "conflict_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    503: "api_error",
    504: "timeout_error",
    529: "overloaded_error",
}
"""The ``error.type`` of each documented error status, from the spec's error examples."""
