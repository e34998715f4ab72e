"""The docstring examples of the server's modules run and show what they say (no sockets)."""

from __future__ import annotations

import doctest
import importlib

import pytest

NO_SOCKETS = [
    "anthropic_models.server.app",
    "anthropic_models.server.catalog",
    "anthropic_models.server.cli",
    "anthropic_models.server.responses",
]


@pytest.mark.parametrize("name", NO_SOCKETS)
def test_docstring_examples_run(name: str) -> None:
    """Every example in the module's docstrings runs as written."""
    result = doctest.testmod(importlib.import_module(name), raise_on_error=False, verbose=False)
    assert result.failed == 0
    assert result.attempted > 0
