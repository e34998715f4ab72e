"""The suite's own rule (tests/conftest.py): only a test marked ``integration`` opens a socket."""

from __future__ import annotations

import socket

import pytest


def test_a_test_not_marked_integration_cannot_open_a_socket() -> None:
    with socket.socket() as sock, pytest.raises(AssertionError, match="mark it integration"):
        sock.bind(("127.0.0.1", 0))
    with socket.socket() as sock, pytest.raises(AssertionError, match="mark it integration"):
        sock.connect(("127.0.0.1", 9))


@pytest.mark.integration
def test_a_test_marked_integration_can() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        assert sock.getsockname()[1] > 0
