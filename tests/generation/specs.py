"""Spec variants for the generation tests: today's openapi.yaml with a small overlay merged in."""

from __future__ import annotations

from typing import Any


def overlay(base: Any, change: Any) -> Any:
    """``base`` with ``change`` merged in: mappings merge, lists extend, scalars replace."""
    if isinstance(base, dict) and isinstance(change, dict):
        merged = dict(base)
        for key, value in change.items():
            merged[key] = overlay(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(change, list):
        return [*base, *change]
    return change
