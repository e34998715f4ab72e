"""Every docstring example in the package runs and shows what it says (some start a server)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import anthropic_models

pytestmark = pytest.mark.integration

# The client's examples need a client of a running reference server: test_client_server runs them.
NEEDS_A_CLIENT = {"anthropic_models.client"}
# Imported only by pytest (it registers fixtures) or run as programs.
NOT_IMPORTED = {"anthropic_models.pytest_plugin"}
MODULES = sorted(
    {"anthropic_models"}
    | {
        info.name
        for info in pkgutil.walk_packages(anthropic_models.__path__, "anthropic_models.")
        if not info.name.endswith("__main__")
    }
    - NEEDS_A_CLIENT
    - NOT_IMPORTED
)


GENERATED = sorted(
    f"anthropic_models_generated.{info.name}"
    for info in pkgutil.iter_modules(importlib.import_module("anthropic_models_generated").__path__)
)


@pytest.mark.parametrize("name", MODULES + GENERATED)
def test_docstring_examples_run(name: str) -> None:
    """Every example in the module's docstrings gives the output written under it."""
    result = doctest.testmod(importlib.import_module(name), raise_on_error=False, verbose=False)
    assert result.failed == 0


def test_the_public_modules_have_examples() -> None:
    """The facade's public modules each show at least one runnable example."""
    public = [
        "anthropic_models",
        "anthropic_models.errors",
        "anthropic_models.pagination",
        "anthropic_models.snapshot",
        "anthropic_models.cli",
        "anthropic_models.server",
        "anthropic_models.conformance",
    ]
    for name in public:
        finder = doctest.DocTestFinder()
        examples = sum(len(test.examples) for test in finder.find(importlib.import_module(name)))
        assert examples > 0, name
