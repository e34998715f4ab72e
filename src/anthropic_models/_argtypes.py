"""argparse types for the command lines: a value out of range is one clear line, not a traceback."""

from __future__ import annotations

import argparse
import math
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
