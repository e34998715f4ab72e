"""The client's settings, checked once into a frozen value (as urllib3's ``Timeout`` and ``Retry``).

Seconds (``timeout``, ``max_retry_wait``) are positive, finite and at most ``_http.MAX_WAIT``;
header names (``default_headers``, per-call ``extra_headers``) are RFC 9110 tokens and values
Latin-1 on one line. Every refusal is an ``InvalidArgumentError`` naming the setting, never
showing a header's value.
"""

from __future__ import annotations

import os
import re
from typing import Mapping, Optional, Union

import attrs
from urllib3 import Timeout

from anthropic_models import _http
from anthropic_models._redact import check_secret
from anthropic_models._retry import DEFAULT_MAX_RETRY_WAIT
from anthropic_models.errors import InvalidArgumentError
from anthropic_models_generated import operations, transport
from anthropic_models_generated.operations import InvalidParameterError, Parameter

__all__ = [
    "DEFAULT_ANTHROPIC_VERSION",
    "DEFAULT_BASE_URL",
    "ClientOptions",
    "check_id",
    "check_parameter",
]

DEFAULT_BASE_URL = "https://api.anthropic.com"
_VERSION = operations.LIST_MODELS.parameter("anthropic_version")
_WORKSPACE = operations.LIST_MODELS.parameter("workspace_id")
DEFAULT_ANTHROPIC_VERSION = str(_VERSION.default)
"""The ``anthropic-version`` the official SDK sends, as the spec's default says."""


MAX_CONNECTIONS = 10_000
"""The largest ``connection_limit`` a client takes (pooled connections, asyncio workers)."""


def check_connection_limit(value: object) -> int:
    """A client's ``connection_limit``: a whole number from 1 to :data:`MAX_CONNECTIONS`."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_CONNECTIONS:
        return value
    raise InvalidArgumentError(
        f"connection_limit must be an integer from 1 to {MAX_CONNECTIONS}, not {value!r}"
    )


def _whole_number(name: str, value: object, low: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= low:
        return value
    raise InvalidArgumentError(f"{name} must be an integer >= {low}, not {value!r}")


def check_text(name: str, value: object) -> str:
    """A string that can be sent (no lone surrogate, no line break or NUL), not empty."""
    if not isinstance(value, str) or not value:
        raise InvalidArgumentError(f"{name} must be a non-empty string, not {value!r}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArgumentError(
            f"{name} is not valid text (it holds a lone surrogate): "
            f"{value.encode('utf-8', 'backslashreplace').decode('ascii', 'replace')!r}"
        ) from None
    if any(char in value for char in "\r\n\0"):
        raise InvalidArgumentError(f"{name} cannot contain a line break or NUL")
    return value


def check_id(name: str, value: object) -> str:
    """A model id or cursor: a non-empty string that can be sent."""
    return check_text(name, value)


def check_parameter(param: Parameter, value: object) -> object:
    """A value for one of the spec's parameters, checked by its metadata (the one generic check)."""
    try:
        return param.check(value)
    except InvalidParameterError as exc:
        raise InvalidArgumentError(str(exc)) from None


_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+\Z")
"""A header name: an RFC 9110 token (visible ASCII, no separator)."""


def check_header_name(name: str, key: object) -> str:
    """A header name that can be sent; the error shows the name escaped, never a value.

    >>> check_header_name("extra_headers", "x-clé")
    Traceback (most recent call last):
    anthropic_models.errors.InvalidArgumentError: extra_headers name 'x-cl\\xe9' is not a valid header name: use letters, digits and !#$%&'*+-.^_`|~ only
    """
    if not isinstance(key, str) or not key:
        raise InvalidArgumentError(f"{name} names must be non-empty strings, not {key!r}")
    if not _TOKEN.match(key):
        shown = ascii(key)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise InvalidArgumentError(
            f"{name} name {shown} is not a valid header name: use letters, digits and "
            "!#$%&'*+-.^_`|~ only"
        )
    return key


def check_headers(name: str, headers: object) -> dict[str, str]:
    """Extra headers: a mapping of valid names to values that can be sent (Latin-1, one line).

    Errors name the header, never its value: it may be a credential.
    """
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise InvalidArgumentError(f"{name} must be a mapping, not {type(headers).__name__}")
    out = {}
    for key, value in headers.items():
        check_header_name(name, key)
        if not isinstance(value, str):
            raise InvalidArgumentError(f"{name}[{key!r}] must be a string")
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            raise InvalidArgumentError(f"{name}[{key!r}] is not Latin-1 text") from None
        if any(char in value for char in "\r\n\0"):
            raise InvalidArgumentError(f"{name}[{key!r}] cannot contain a line break or NUL")
        out[key.lower()] = value
    return out


def check_query(query: object) -> tuple[tuple[str, str], ...]:
    """Extra query parameters: a mapping of names to a value or a sequence of values."""
    if query is None:
        return ()
    if not isinstance(query, Mapping):
        raise InvalidArgumentError(f"extra_query must be a mapping, not {type(query).__name__}")
    pairs: list[tuple[str, str]] = []
    for key, value in query.items():
        check_text("extra_query name", key)
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            if isinstance(item, bool):
                item = "true" if item else "false"
            if not isinstance(item, (str, int)):
                raise InvalidArgumentError(f"extra_query[{key!r}] must be text or a number")
            pairs.append((key, check_text(f"extra_query[{key!r}]", str(item))))
    return tuple(pairs)


def _credentials(
    api_key: Optional[str], auth_token: Optional[str], trust_env: bool
) -> tuple[Optional[str], Optional[str]]:
    """An explicit credential wins: the environment is read only when neither is given."""
    if api_key is None and auth_token is None and trust_env:
        api_key = os.environ.get("ANTHROPIC_API_KEY") or None
        auth_token = os.environ.get("ANTHROPIC_AUTH_TOKEN") or None
    return (
        None if api_key is None else check_secret("api_key", api_key),
        None if auth_token is None else check_secret("auth_token", auth_token),
    )


def _base_url(base_url: Optional[str], trust_env: bool) -> str:
    if base_url is None and not trust_env:
        base_url = DEFAULT_BASE_URL
    if base_url is None:
        from_env = os.environ.get("ANTHROPIC_BASE_URL")
        if from_env is not None and not from_env.strip():
            raise InvalidArgumentError(
                "ANTHROPIC_BASE_URL is set but empty: unset it for the real API, or give a URL"
            )
        base_url = from_env or DEFAULT_BASE_URL
    if isinstance(base_url, str) and not base_url.strip():
        raise InvalidArgumentError(
            f"base_url is empty: give a URL (the real API is {DEFAULT_BASE_URL})"
        )
    return _http.check_base_url(base_url)


@attrs.frozen(kw_only=True)
class ClientOptions:
    """Every setting of a client, checked; build one with :meth:`build`."""

    base_url: str
    api_key: Optional[str] = attrs.field(repr=False)
    auth_token: Optional[str] = attrs.field(repr=False)
    timeout: Timeout
    max_retries: int
    max_retry_wait: float
    anthropic_version: str
    workspace_id: Optional[str]
    cache_ttl: Optional[float]
    max_body_bytes: int
    default_headers: Mapping[str, str]

    @classmethod
    def build(
        cls,
        *,
        api_key: Optional[str] = None,
        auth_token: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Union[float, Timeout] = _http.DEFAULT_TIMEOUT,
        max_retries: int = 2,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        anthropic_version: str = DEFAULT_ANTHROPIC_VERSION,
        workspace_id: Optional[str] = None,
        cache_ttl: Optional[float] = None,
        max_body_bytes: int = transport.DEFAULT_MAX_BODY_BYTES,
        default_headers: Optional[Mapping[str, str]] = None,
        trust_env: bool = True,
    ) -> ClientOptions:
        """Check every argument; InvalidArgumentError names the first one refused.

        ``trust_env=False`` reads no variable: no credentials, no base URL from the environment.
        """
        api_key, auth_token = _credentials(api_key, auth_token, trust_env)
        return cls(
            base_url=_base_url(base_url, trust_env),
            api_key=api_key,
            auth_token=auth_token,
            timeout=_http.make_timeout(timeout),
            max_retries=_whole_number("max_retries", max_retries, 0),
            max_retry_wait=_http.seconds("max_retry_wait", max_retry_wait),
            anthropic_version=check_text("anthropic_version", anthropic_version),
            workspace_id=None
            if workspace_id is None
            else str(check_parameter(_WORKSPACE, workspace_id)),
            cache_ttl=None if cache_ttl is None else _http.seconds("cache_ttl", cache_ttl, None),
            max_body_bytes=_whole_number("max_body_bytes", max_body_bytes, 1),
            default_headers=check_headers("default_headers", default_headers),
        )

    def headers(self) -> dict[str, str]:
        """The headers every request carries (credentials included)."""
        headers = {**self.default_headers, "anthropic-version": self.anthropic_version}
        if self.workspace_id is not None:
            headers["anthropic-workspace-id"] = self.workspace_id
        if self.api_key:
            headers["x-api-key"] = self.api_key
        if self.auth_token:
            headers["authorization"] = f"Bearer {self.auth_token}"
        return headers
