"""The docstring examples that start a server run and show what they say."""

from __future__ import annotations

import doctest
import importlib

import pytest

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("name", ["anthropic_models.server", "anthropic_models.server.runner"])
def test_docstring_examples_run(name: str) -> None:
    """Every example in the module's docstrings runs as written, servers stopped."""
    result = doctest.testmod(importlib.import_module(name), raise_on_error=False, verbose=False)
    assert result.failed == 0
    assert result.attempted > 0
