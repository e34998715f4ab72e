"""Import weight, checked at run time: what each entry point puts in ``sys.modules``.

Each case runs in a fresh interpreter and reports the modules it loaded; nothing is read from the
sources, so an import hidden anywhere (a re-export, a default argument) is caught.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import anthropic_models

CLIENT_MODULES = {"anthropic_models.client", "anthropic_models.async_client"}
HEAVY_PACKAGES = {"urllib3", "attr", "attrs"}
GENERATED = "anthropic_models_generated"
# The generated modules the command line may load before a command runs: the package itself and
# the standard-library-only parameter metadata of the operations.
GENERATED_LIGHT = {GENERATED, f"{GENERATED}.operations"}

_REPORT = "import json, sys; print(json.dumps(sorted(sys.modules)))"


def _loaded(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code`` (which must not print)."""
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\n{_REPORT}"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def _cli(*argv: str) -> str:
    """Code that runs the command line in-process with ``argv``, its output discarded."""
    return (
        "import contextlib, io\n"
        "from anthropic_models.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):"
        f"\n    status = main({list(argv)!r})\n"
    )


def _heavy(modules: set[str]) -> set[str]:
    """Of ``modules``, those of urllib3, attrs, or the generated package's heavy modules."""
    return {
        name
        for name in modules
        if name.split(".")[0] in HEAVY_PACKAGES
        or (name.split(".")[0] == GENERATED and name not in GENERATED_LIGHT)
    }


@pytest.mark.parametrize("module", ["anthropic_models.server", "anthropic_models.conformance"])
def test_the_server_and_the_kit_load_no_client(module: str) -> None:
    """Importing the reference server or the conformance kit loads neither client module."""
    loaded = _loaded(f"import {module}")
    assert module in loaded
    assert loaded & CLIENT_MODULES == set()


def test_the_package_root_loads_neither_dependency() -> None:
    """``import anthropic_models`` loads no client, no urllib3, no attrs, no generated model."""
    loaded = _loaded("import anthropic_models")
    assert loaded & CLIENT_MODULES == set()
    assert _heavy(loaded) == set()


def test_every_public_name_resolves_on_first_use() -> None:
    """Each name of ``__all__`` is reachable from the package root and is what its module defines."""
    from anthropic_models import async_client, client, pagination
    from anthropic_models_generated import models

    for name in anthropic_models.__all__:
        assert isinstance(getattr(anthropic_models, name), (type, str)), name
    assert anthropic_models.ModelsClient is client.ModelsClient
    assert anthropic_models.AsyncModelsClient is async_client.AsyncModelsClient
    assert anthropic_models.ModelPage is pagination.ModelPage
    assert anthropic_models.ModelInfo is models.ModelInfo
    assert set(anthropic_models.__all__) <= set(dir(anthropic_models))
    with pytest.raises(AttributeError, match="no_such_name"):
        anthropic_models.no_such_name  # noqa: B018


@pytest.mark.parametrize(
    "argv",
    [
        ("--help",),
        ("--version",),
        ("no-such-command",),
        ("get",),
        ("get", "--timeout", "-1", "claude-x"),
        ("check", "--help"),
    ],
)
def test_help_and_argument_errors_load_no_heavy_module(argv: tuple[str, ...]) -> None:
    """--help and a refused argument load neither urllib3, attrs, nor the generated models."""
    loaded = _loaded(_cli(*argv))
    assert _heavy(loaded) == set()
    assert loaded & CLIENT_MODULES == set()


def test_a_command_loads_what_it_uses() -> None:
    """A client command, once it runs, does load the client (the check above can fail)."""
    loaded = _loaded(_cli("get", "claude-x", "--base-url", "not a url"))
    assert "anthropic_models.client" in loaded
    assert "urllib3" in loaded
