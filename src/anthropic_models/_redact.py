"""Secrets: which keys can be sent, and how they are kept out of everything a server sends back.

What counts as a secret, one rule: the client's ``api_key`` and ``auth_token``, the proxy's
password (also as ``user:password`` and as the base64 of ``Proxy-Authorization: Basic``), and the
value of every header whose name is credential-like (:func:`is_credential_header`: ``cookie``,
``set-cookie``, or a name holding ``auth``, ``key``, ``token``, ``secret`` or ``password``, which
covers ``authorization``, ``proxy-authorization`` and ``x-api-key``), including per-call
``extra_headers``. A header value ``Scheme credentials`` (``Bearer x``, ``Basic x``) counts also by
its credentials, and a ``Basic`` one by what it decodes to. Every secret is masked, as a whole value
always, and inside free text when it is at least ``MIN_REWRITTEN_LENGTH`` long.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any, Iterable, Mapping, Optional, Sequence

from anthropic_models.errors import InvalidArgumentError

__all__ = [
    "MASK",
    "MIN_REWRITTEN_LENGTH",
    "Redactor",
    "check_secret",
    "header_secrets",
    "is_credential_header",
]

MASK = "[REDACTED]"
MIN_REWRITTEN_LENGTH = 8
"""Secrets shorter than this are too short to be real keys: free text is not rewritten for them
(``--api-key e`` must not turn ``"type"`` into ``"typ[REDACTED]"``); a value that *is* the secret is
still masked."""

_VISIBLE_ASCII = re.compile(r"[\x21-\x7e]+\Z")


def check_secret(name: str, value: object) -> str:
    """A credential as it can travel in an HTTP header: visible ASCII, no spaces, not empty.

    The message never holds the value, only the position of the first character refused.

    >>> check_secret("api_key", "sk-x\\u200b")
    Traceback (most recent call last):
    anthropic_models.errors.InvalidArgumentError: api_key has a character that cannot be sent in an HTTP header (at position 5 of 5); a key is visible ASCII only
    """
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(value).__name__}")
    if not value:
        raise InvalidArgumentError(f"{name} must not be empty")
    if not _VISIBLE_ASCII.match(value):
        position = next(i for i, char in enumerate(value, 1) if not "\x21" <= char <= "\x7e")
        raise InvalidArgumentError(
            f"{name} has a character that cannot be sent in an HTTP header (at position "
            f"{position} of {len(value)}); a key is visible ASCII only"
        )
    return value


_CREDENTIAL_WORDS = ("auth", "key", "token", "secret", "password")
_CREDENTIAL_NAMES = frozenset({"cookie", "set-cookie"})


def is_credential_header(name: str) -> bool:
    """Whether a header's value is a credential, by its name (the rule of this module's docstring).

    >>> [is_credential_header(n) for n in ("X-Api-Key", "Proxy-Authorization", "Cookie", "Accept")]
    [True, True, True, False]
    """
    lowered = name.lower()
    return lowered in _CREDENTIAL_NAMES or any(word in lowered for word in _CREDENTIAL_WORDS)


def header_secrets(headers: Mapping[str, str]) -> tuple[str, ...]:
    """The secrets among these headers: credential-like values, their credentials, Basic decoded.

    >>> header_secrets({"Proxy-Authorization": "Basic dXNlcjpwYXNzd29yZA==", "Accept": "*/*"})
    ('Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA==', 'user:password', 'password')
    """
    found: list[str] = []
    for name, value in headers.items():
        if not is_credential_header(name) or not value:
            continue
        found.append(value)
        scheme, _, credentials = value.strip().partition(" ")
        credentials = credentials.strip()
        if not credentials:
            continue
        found.append(credentials)
        if scheme.lower() == "basic":
            try:
                raw = base64.b64decode(credentials, validate=True)
            except (binascii.Error, ValueError):
                continue
            try:
                decoded = raw.decode("utf-8")
            except UnicodeDecodeError:
                decoded = raw.decode("latin-1")
            found += [decoded, decoded.partition(":")[2]]
    return tuple(dict.fromkeys(s for s in found if s))


class Redactor:
    """Masks the given secrets where a server can echo them: in text, and in parsed JSON values.

    >>> redact = Redactor(["sk-ant-secret-1", "e"])
    >>> redact.text("invalid key sk-ant-secret-1")
    'invalid key [REDACTED]'
    >>> redact.json({"type": "error", "error": {"type": "authentication_error", "key": "e"}})
    {'type': 'error', 'error': {'type': 'authentication_error', 'key': '[REDACTED]'}}
    """

    def __init__(self, secrets: Sequence[Optional[str]]) -> None:
        self._exact = frozenset(s for s in secrets if s)
        self._rewritten = sorted(
            (s for s in self._exact if len(s) >= MIN_REWRITTEN_LENGTH), key=len, reverse=True
        )

    def __repr__(self) -> str:
        return f"Redactor(<{len(self._exact)} secrets>)"

    def with_secrets(self, secrets: Iterable[Optional[str]]) -> Redactor:
        """A redactor masking these secrets too (this one, when there is none to add)."""
        more = [s for s in secrets if s and s not in self._exact]
        return Redactor([*self._exact, *more]) if more else self

    def text(self, text: str) -> str:
        """``text`` with every long-enough secret masked, and the whole of it if it is a secret."""
        if text in self._exact:
            return MASK
        for secret in self._rewritten:
            if secret in text:
                text = text.replace(secret, MASK)
        return text

    def json(self, data: Any) -> Any:
        """Parsed JSON with its strings (keys and values) passed through :meth:`text`.

        Iterative, not recursive: a hostile body nested as deep as the JSON parser allows must not
        end in RecursionError.
        """
        root: list[Any] = [None]
        todo: list[tuple[Any, Any, Any]] = [(data, root, 0)]  # (value, container, key or index)
        while todo:
            value, parent, slot = todo.pop()
            if isinstance(value, str):
                parent[slot] = self.text(value)
            elif isinstance(value, list):
                copy: list[Any] = [None] * len(value)
                parent[slot] = copy
                todo.extend((item, copy, index) for index, item in enumerate(value))
            elif isinstance(value, dict):
                mapping: dict[str, Any] = {}
                parent[slot] = mapping
                for key, item in value.items():
                    masked = self.text(key)
                    mapping[masked] = None
                    todo.append((item, mapping, masked))
            else:
                parent[slot] = value
        return root[0]
