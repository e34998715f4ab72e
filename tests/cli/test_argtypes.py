"""The command lines' argument types: in range, or one clear argparse error."""

from __future__ import annotations

import argparse

import pytest

from anthropic_models._argtypes import number, text, whole_number

PORT = whole_number(0, 65535, "a port number from 0 to 65535")
SECONDS = number(0, 3600, "seconds from 0 to 3600", above_low=True)


@pytest.mark.parametrize(("text", "value"), [("0", 0), ("8080", 8080), ("65535", 65535)])
def test_whole_numbers_in_range(text: str, value: int) -> None:
    """Digits within the bounds give the integer."""
    assert PORT(text) == value


@pytest.mark.parametrize(
    "text", ["", "-1", "65536", "+80", "8.0", " 80", "\uff18\uff10", "9" * 5000]
)
def test_whole_numbers_out_of_range_or_not_digits(text: str) -> None:
    """Anything else is an ArgumentTypeError naming what was expected."""
    with pytest.raises(argparse.ArgumentTypeError, match="expected a port number from 0 to 65535"):
        PORT(text)


@pytest.mark.parametrize(("text", "value"), [("0.5", 0.5), ("3600", 3600.0), ("1e1", 10.0)])
def test_numbers_in_range(text: str, value: float) -> None:
    """Finite numbers within the bounds are accepted."""
    assert SECONDS(text) == value


@pytest.mark.parametrize("text", ["0", "-1", "3601", "inf", "nan", "abc", ""])
def test_numbers_out_of_range_or_not_finite(text: str) -> None:
    """Zero (an excluded low bound), out-of-range, infinite and non-numbers are refused."""
    with pytest.raises(argparse.ArgumentTypeError, match="expected seconds from 0 to 3600"):
        SECONDS(text)


def test_text_accepts_utf8() -> None:
    """Any non-empty text that is valid UTF-8 is given back unchanged, controls included."""
    assert text("a model id")("claude-\u00e9\x1b") == "claude-\u00e9\x1b"


@pytest.mark.parametrize(("value", "shown"), [("\udcff", "b'\\xff'"), ("a\ud800", "'a\\ud800'")])
def test_text_refuses_bytes_that_are_not_utf8(value: str, shown: str) -> None:
    """A lone surrogate (a byte that is not UTF-8 in argv) is refused, showing the bytes."""
    with pytest.raises(argparse.ArgumentTypeError) as info:
        text("a model id")(value)
    assert str(info.value) == f"expected a model id, got text that is not valid UTF-8: {shown}"


def test_text_refuses_empty_and_hides_secrets() -> None:
    """Empty text is refused; a secret's value is never part of the message."""
    with pytest.raises(argparse.ArgumentTypeError, match="got an empty string"):
        text("a model id")("")
    with pytest.raises(argparse.ArgumentTypeError) as info:
        text("an API key", secret=True)("sk-ant-\udcff")
    assert "sk-ant" not in str(info.value)
