"""The generated transport, imported on its own, makes one connection per call."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
import urllib3
from urllib3.exceptions import HTTPError
from urllib3.util.retry import Retry

from anthropic_models_generated import transport

pytestmark = pytest.mark.integration


class ClosingServer:
    """Accepts connections on 127.0.0.1 and closes each at once, counting them."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.accepted = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def closing() -> Iterator[ClosingServer]:
    server = ClosingServer()
    try:
        yield server
    finally:
        server.close()


def test_a_direct_call_makes_exactly_one_connection(closing: ClosingServer) -> None:
    """Without retries, urllib3's default Retry(3) does not apply: one connection, then an error."""
    with urllib3.PoolManager() as pool, pytest.raises(HTTPError):
        transport.list_models(pool, closing.url, timeout=2)
    assert closing.accepted == 1


def test_retries_are_the_callers_choice(closing: ClosingServer) -> None:
    """A caller that passes retries gets them (here two retries: three connections)."""
    with urllib3.PoolManager() as pool, pytest.raises(HTTPError):
        transport.get_model(pool, closing.url, "m", timeout=2, retries=Retry(2, backoff_factor=0))
    assert closing.accepted == 3
