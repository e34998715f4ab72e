"""The examples in the kit's docstrings run and print what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

pytestmark = pytest.mark.integration

MODULES = [
    "anthropic_models.conformance",
    "anthropic_models.conformance.cli",
    "anthropic_models.conformance.registry",
    "anthropic_models.conformance.report",
    "anthropic_models.conformance.runner",
    "anthropic_models.conformance.pytest_support",
    "anthropic_models.conformance.target",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    """Every example of the module's docstrings gives the output written under it."""
    result = doctest.testmod(importlib.import_module(name), raise_on_error=False, verbose=False)
    assert result.failed == 0
    assert result.attempted > 0
