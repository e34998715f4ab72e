"""A raw-socket target on 127.0.0.1 that answers each request with a script: dripped, huge, echoing.

``with HostileTarget(script) as target:`` serves on ``target.url`` until the block ends, then stops:
the listening socket and every connection are closed and every script sees ``target.stopping``
set (a dripping script checks it between bytes), so that no thread outlives the test.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from types import TracebackType
from typing import Callable, Optional

Script = Callable[["HostileTarget", socket.socket, str, dict[str, str]], None]
"""Answers one request: the target, the connection, the request target and its headers."""


class HostileTarget:
    """A listening socket, one thread per connection, each request answered by ``script``."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        """The base URL."""
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def __enter__(self) -> HostileTarget:
        self._accepting.start()
        return self

    def __exit__(
        self,
        kind: Optional[type[BaseException]],
        value: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.stopping.set()
        self._accepting.join(timeout=5)
        self._listener.close()
        with self._lock:
            for connection in self._connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
                connection.close()
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout=5)

    def drip(self, connection: socket.socket, data: bytes, every: float) -> None:
        """Send ``data`` one byte at a time, ``every`` seconds apart, until stopped."""
        for byte in data:
            if self.stopping.wait(every):
                return
            connection.sendall(bytes([byte]))

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except (socket.timeout, OSError):
                continue
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            with self._lock:
                self._connections.append(connection)
                self._threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket) -> None:
        reader = connection.makefile("rb")
        try:
            while not self.stopping.is_set():
                line = reader.readline(65537)
                if not line:
                    return
                headers: dict[str, str] = {}
                while True:
                    raw = reader.readline(65537)
                    if raw in (b"", b"\r\n", b"\n"):
                        break
                    name, _, value = raw.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                self.script(self, connection, line.decode("latin-1").split()[1], headers)
        except OSError:
            return
        finally:
            reader.close()


def head(status: int, headers: dict[str, str], length: int) -> bytes:
    """A status line and headers for a JSON body of ``length`` bytes."""
    lines = [f"HTTP/1.1 {status} X", "content-type: application/json", f"content-length: {length}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def answer(connection: socket.socket, status: int, body: bytes, **headers: str) -> None:
    """Send a whole answer at once."""
    connection.sendall(head(status, headers, len(body)) + body)
