"""Shared fixtures: the repository's paths, the JSON fixtures, and the rule that only a test marked
``integration`` opens a socket."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any, NoReturn

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


@pytest.fixture(autouse=True)
def _sockets_only_in_integration_tests(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test not marked ``integration`` runs in-process: opening a socket fails it (its own
    subprocesses are its business). ``pytest -m "not integration"`` is the quick loop."""
    if request.node.get_closest_marker("integration") is not None:
        return

    def refuse(*args: object) -> NoReturn:
        raise AssertionError(f"{request.node.nodeid} opens a socket: mark it integration")

    for name in ("connect", "connect_ex", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse)
