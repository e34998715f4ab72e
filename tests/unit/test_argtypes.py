"""The command lines' argument types: in range, or one clear argparse error."""

from __future__ import annotations

import argparse

import pytest

from anthropic_models._argtypes import number, whole_number

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
