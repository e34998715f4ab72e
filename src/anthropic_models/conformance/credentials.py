"""What a request carries besides the query: extra headers checked, credentials, and secrets
kept out of every report (the values of secret-looking headers, any length)."""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Optional, Sequence, Union
from urllib.parse import urlsplit, urlunsplit

import attrs

from anthropic_models._redact import MASK, MIN_REWRITTEN_LENGTH, Redactor

__all__ = [
    "MADE_UP_KEY",
    "NO_CREDENTIAL",
    "REDACTED",
    "Credential",
    "SecretMask",
    "extra_headers",
    "is_secret_header",
    "parse_header",
    "redacted_url",
]

REDACTED = MASK

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")
"""An HTTP header name (RFC 9110 token)."""

_CREDENTIAL_HEADERS = frozenset({"x-api-key", "authorization"})
_FORBIDDEN_HEADERS = frozenset({"host", "content-length", "transfer-encoding", "connection"})

MADE_UP_KEY = "sk-ant-conformance-made-up-key-0000000000"
"""A key no real deployment issues: a target must refuse it with 401."""


def is_secret_header(name: str) -> bool:
    """Whether a header's value is kept out of reports: its name looks like a credential's.

    >>> [is_secret_header(n) for n in ("X-Proxy-Key", "x-auth-token", "Authorization", "x-tenant")]
    [True, True, True, False]
    """
    lowered = name.lower()
    return (
        "key" in lowered
        or "token" in lowered
        or "secret" in lowered
        or "password" in lowered
        or "cookie" in lowered
        or lowered in ("authorization", "proxy-authorization")
    )


class SecretMask:
    """Masks the run's secrets in text: the project's Redactor, plus short secrets as whole words.

    A secret header value of any length is masked where it stands as a word of its own (a
    gateway echoing ``hunter`` back), never inside a longer word (``e`` inside ``type``); a
    ``Scheme credentials`` value (``Basic dXNl...``) masks its credentials alone too.

    >>> mask = SecretMask(["hunter", "Basic dXNlcjpw", "e"])
    >>> mask.text('"hunter" in x-echo; type dXNlcjpw; e')
    '"[REDACTED]" in x-echo; type [REDACTED]; [REDACTED]'
    """

    def __init__(self, secrets: Iterable[Optional[str]]) -> None:
        found = {s for s in secrets if s}
        found |= {s.split(None, 1)[1] for s in list(found) if len(s.split(None, 1)) == 2}
        self._redactor = Redactor(sorted(found))
        short = sorted((s for s in found if len(s) < MIN_REWRITTEN_LENGTH), key=len, reverse=True)
        self._short = (
            re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, short)) + r")(?![\w-])")
            if short
            else None
        )

    def __repr__(self) -> str:
        return "SecretMask(<secrets>)"

    def text(self, text: str) -> str:
        """``text`` with every secret masked."""
        text = self._redactor.text(text)
        return text if self._short is None else self._short.sub(MASK, text)


def parse_header(text: str) -> tuple[str, str]:
    """``"Name: value"`` as ``(name, value)``; ValueError for anything else.

    >>> parse_header("x-gateway-tenant: acme ")
    ('x-gateway-tenant', 'acme')
    """
    name, colon, value = text.partition(":")
    if not colon:
        raise ValueError(f"expected 'Name: value', got {text[:60]!r}")
    return name.strip(), value.strip(" \t")


def extra_headers(
    headers: Union[Mapping[str, str], Sequence[tuple[str, str]], None],
) -> tuple[tuple[str, str], ...]:
    """Headers to add to every request, checked; ValueError naming the first bad one.

    Credentials are not allowed here (the kit varies them per check: give ``api_key`` or
    ``auth_token``), nor headers that frame the message. A value must be printable Latin-1.

    >>> extra_headers({"x-proxy-key": "pk-1", "x-tenant": "acme"})
    (('x-proxy-key', 'pk-1'), ('x-tenant', 'acme'))
    """
    pairs = list(headers.items()) if isinstance(headers, Mapping) else list(headers or ())
    seen: set[str] = set()
    checked = []
    for pair in pairs:
        if not (
            isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        ):
            raise ValueError(f"a header must be a (name, value) pair of strings, got {pair!r}")
        name, value = pair
        lowered = name.lower()
        if not _TOKEN.match(name):
            raise ValueError(f"{name[:60]!r} is not a valid header name")
        if lowered in _CREDENTIAL_HEADERS:
            raise ValueError(
                f"{name} is a credential: give it as the API key or the auth token, not a header"
            )
        if lowered in _FORBIDDEN_HEADERS:
            raise ValueError(f"{name} is set by HTTP itself and cannot be given")
        if lowered in seen:
            raise ValueError(f"the header {name} is given twice")
        shown = REDACTED if is_secret_header(name) else repr(value[:60])
        if any(c in value for c in "\r\n\0"):
            raise ValueError(f"the value of {name} ({shown}) has a line break or NUL")
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            raise ValueError(
                f"the value of {name} ({shown}) is not Latin-1 text, which HTTP cannot send"
            ) from None
        seen.add(lowered)
        checked.append((name, value))
    return tuple(checked)


@attrs.frozen
class Credential:
    """How a request authenticates: ``scheme`` is ``x-api-key``, ``bearer``, ``none`` or ``raw``.

    A ``raw`` credential sends ``raw`` as it is (the credential robustness checks: an empty
    Bearer, a non-ASCII key...); its label says what it is.
    """

    scheme: str
    secret: str = attrs.field(default="", repr=False)
    label: str = ""
    raw: tuple[tuple[str, Union[str, bytes]], ...] = attrs.field(default=(), repr=False)

    @property
    def name(self) -> str:
        """What a report shows: the scheme (and ``made-up`` for the made-up key), never the secret."""
        return self.label or self.scheme

    def headers(self) -> dict[str, Any]:
        """The request headers that carry the credential."""
        if self.scheme == "x-api-key":
            return {"x-api-key": self.secret}
        if self.scheme == "bearer":
            if not self.secret:  # an empty Bearer crashes some gateways: only ever sent raw
                raise ValueError("a bearer credential needs a token")
            return {"authorization": f"Bearer {self.secret}"}
        if self.scheme == "raw":
            return dict(self.raw)
        return {}


NO_CREDENTIAL = Credential("none")


def redacted_url(url: str) -> str:
    """The URL without a password in it (``https://user:***@host``)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))
