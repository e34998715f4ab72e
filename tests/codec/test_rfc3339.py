"""The one date-time rule (the generated rfc3339 module): ASCII digits, T, an offset."""

from __future__ import annotations

import pytest

from anthropic_models_generated import decoders, rfc3339

ARABIC_INDIC = "\u0662\u0660\u0662\u0665-09-29T00:00:00Z"


def test_the_decoders_use_the_one_rule() -> None:
    """decoders.parse_datetime is rfc3339.parse_datetime, not a copy."""
    assert decoders.parse_datetime is rfc3339.parse_datetime


@pytest.mark.parametrize(
    "text",
    [
        ARABIC_INDIC,
        "2025-09-29T00:00:0\u0660Z",
        "2025-\u0660\u0669-29T00:00:00+00:00",
        "2025-09-29T00:00:00+0\u0661:00",
    ],
)
def test_non_ascii_digits_are_refused(text: str) -> None:
    """Digits of other scripts are not RFC 3339 digits, although Python's \\d would take them."""
    assert not text.isascii()
    assert not rfc3339.is_datetime(text)
    with pytest.raises(ValueError, match="not an RFC 3339 date-time"):
        rfc3339.parse_datetime(text)


def test_is_datetime_refuses_what_is_not_a_string() -> None:
    """A number, None or bytes is no date-time."""
    assert not any(rfc3339.is_datetime(v) for v in (None, 20250929, b"2025-09-29T00:00:00Z"))


def test_an_impossible_date_is_a_value_error() -> None:
    """February 30th matches the grammar and is still refused."""
    assert not rfc3339.is_datetime("2025-02-30T00:00:00Z")
    with pytest.raises(ValueError, match="day is out of range"):
        rfc3339.parse_datetime("2025-02-30T00:00:00Z")


def test_a_space_for_the_t_is_named() -> None:
    """The most common near miss, a space between date and time, gets its own message."""
    with pytest.raises(ValueError, match="not an RFC 3339 date-time with a 'T' separator"):
        rfc3339.parse_datetime("2025-09-29 00:00:00Z")
