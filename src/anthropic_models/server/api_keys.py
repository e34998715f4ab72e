"""Which API keys are usable: the one rule that the server (and, through it, the client) applies.

A key is a non-empty string of visible ASCII characters, 0x21 to 0x7e: what every HTTP stack
sends unchanged in ``x-api-key`` and ``Authorization: Bearer``. Errors never quote the key.

It depends on nothing of the server, so that the client can share it.

>>> check_api_key("sk-ant-test")
'sk-ant-test'
>>> check_api_key("sk-\\u00e9")
Traceback (most recent call last):
anthropic_models.errors.InvalidArgumentError: api_key: a key must be visible ASCII (0x21..0x7e); character 4 is not
"""

from __future__ import annotations

from typing import Optional

from anthropic_models.errors import InvalidArgumentError

__all__ = ["api_key_problem", "check_api_key", "is_usable_key_bytes"]

_LOW, _HIGH = 0x21, 0x7E


def api_key_problem(key: object) -> Optional[str]:
    """Why ``key`` is not a usable API key (never quoting it), or None when it is one.

    >>> api_key_problem(""), api_key_problem("a b"), api_key_problem("ok")
    ('a key must not be empty', 'a key must be visible ASCII (0x21..0x7e); character 2 is not', None)
    """
    if not isinstance(key, str):
        return f"a key must be a string, not {type(key).__name__}"
    if not key:
        return "a key must not be empty"
    for number, char in enumerate(key, 1):
        if not _LOW <= ord(char) <= _HIGH:
            return f"a key must be visible ASCII (0x{_LOW:02x}..0x{_HIGH:02x}); character {number} is not"
    return None


def check_api_key(key: object, name: str = "api_key") -> str:
    """``key`` if it is usable, else :class:`InvalidArgumentError` naming ``name`` (not the key)."""
    problem = api_key_problem(key)
    if problem is not None:
        raise InvalidArgumentError(f"{name}: {problem}")
    assert isinstance(key, str)
    return key


def is_usable_key_bytes(key: bytes) -> bool:
    """Whether a key received on the wire follows the same rule.

    >>> is_usable_key_bytes(b"sk-1"), is_usable_key_bytes(b"cl\\xc3\\xa9"), is_usable_key_bytes(b"")
    (True, False, False)
    """
    return bool(key) and all(_LOW <= byte <= _HIGH for byte in key)
