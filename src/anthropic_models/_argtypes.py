"""argparse types for the command lines: a value out of range is one clear line, not a traceback."""

from __future__ import annotations

import argparse
import math
import os
from typing import Callable, Optional


def whole_number(low: int, high: Optional[int], what: str) -> Callable[[str], int]:
    """Digits only, from ``low`` to ``high`` (no upper bound when None)."""

    def parse(text: str) -> int:
        if text.isascii() and text.isdigit() and len(text) <= 18:
            value = int(text)
            if value >= low and (high is None or value <= high):
                return value
        raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}")

    return parse


def number(
    low: float, high: float, what: str, *, above_low: bool = False
) -> Callable[[str], float]:
    """A finite number from ``low`` (excluded when ``above_low``) to ``high``."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if math.isfinite(value) and (value > low if above_low else value >= low) and value <= high:
            return value
        raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}")

    return parse


def _shown(text: str) -> str:
    try:
        return repr(os.fsencode(text))  # the bytes as given on the command line: b'\xff'
    except UnicodeError:
        return ascii(text)


def text(what: str, *, secret: bool = False) -> Callable[[str], str]:
    """Non-empty text that is valid UTF-8 (no lone surrogate): a value to send or compare.

    An argument that is not valid UTF-8 (``$'\\xff'`` in a shell) reaches Python with a lone
    surrogate for each bad byte; it is refused here, before anything is sent, showing the bytes
    (a ``secret`` is never shown).
    """

    def parse(value: str) -> str:
        if not value:
            problem = "an empty string"
        else:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                problem = "text that is not valid UTF-8"
                if not secret:
                    problem += f": {_shown(value)}"
            else:
                return value
        raise argparse.ArgumentTypeError(f"expected {what}, got {problem}")

    return parse
