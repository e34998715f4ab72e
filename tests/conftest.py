"""Shared fixtures: the repository's paths and the JSON fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_fixture(name: str) -> Any:
    """A JSON fixture from tests/fixtures, parsed."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture
def official_model() -> dict[str, Any]:
    """A model in the full official shape, with fields the spec does not know yet."""
    data: dict[str, Any] = load_fixture("official_model.json")
    return data
