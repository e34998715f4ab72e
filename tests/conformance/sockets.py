"""A small HTTP/1.1 server with keep-alive that misbehaves as real gateways and mocks do.

It answers with any WSGI app (called in-process through ``tests.server.wsgi.call``) and can:

* ``drop_after_error``: keep a connection open after answering an error, then close it without a
  word when the next request arrives on it (a gateway that retires connections after errors);
* ``reset``: close the connection without answering each request that matches (every time);
* ``die``: on a request that matches, stop: close the listening socket and every connection, so
  that every later request is refused (a mock that crashed).
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from types import TracebackType
from typing import Any, Callable, Optional

from tests.server.wsgi import WSGIApp, call

Predicate = Callable[[str], bool]
"""Takes the request target (path and query, as sent)."""


def _never(target: str) -> bool:
    return False


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False


class MisbehavingServer:
    """``with MisbehavingServer(app, ...) as server:`` serves on ``server.url`` (127.0.0.1)."""

    def __init__(
        self,
        app: WSGIApp,
        *,
        drop_after_error: bool = False,
        reset: Predicate = _never,
        die: Predicate = _never,
    ) -> None:
        self.app = app
        self.drop_after_error = drop_after_error
        self.reset = reset
        self.die = die
        self.dead = threading.Event()
        self.answered = 0
        self.dropped = 0
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        owner = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                owner._serve(self.connection, self.rfile, self.wfile)

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}"

    def __enter__(self) -> MisbehavingServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: Optional[type[BaseException]],
        value: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self._stop()
        self._thread.join(timeout=10)

    def _stop(self) -> None:
        self.dead.set()
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            for connection in list(self._connections):
                _close(connection)

    def _serve(self, connection: socket.socket, rfile: Any, wfile: Any) -> None:
        with self._lock:
            self._connections.add(connection)
        errored = False
        try:
            while not self.dead.is_set():
                request = _read_request(rfile)
                if request is None:
                    return
                target, headers = request
                if self.dead.is_set() or (self.drop_after_error and errored):
                    self.dropped += 1
                    return
                if self.die(target):
                    self.dropped += 1
                    threading.Thread(target=self._stop, daemon=True).start()
                    return
                if self.reset(target):
                    self.dropped += 1
                    return
                answer = call(self.app, target, key=None, headers=headers)
                head = [f"HTTP/1.1 {answer.status} {answer.reason}"]
                head += [f"{name}: {value}" for name, value in answer.headers.items()]
                wfile.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + answer.body)
                wfile.flush()
                self.answered += 1
                errored = answer.status >= 400
        except OSError:
            return
        finally:
            with self._lock:
                self._connections.discard(connection)
            _close(connection)


def _close(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)
    connection.close()


def _read_request(rfile: Any) -> Optional[tuple[str, dict[str, str]]]:
    """The target and headers of the next GET on the connection; None when it closes."""
    line = rfile.readline(65537)
    if not line:
        return None
    parts = line.decode("latin-1").split()
    if len(parts) != 3:
        return None
    headers: dict[str, str] = {}
    while True:
        raw = rfile.readline(65537)
        if raw in (b"", b"\r\n", b"\n"):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return parts[1], headers
