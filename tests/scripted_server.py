"""A loopback HTTP server that answers from a script, for fault tests of the client.

Each request takes the next action of the script (the last one repeats): a reply, a stall, a
slow drip, or a connection reset before or in the middle of the body.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Union

import attrs


@attrs.frozen
class Reply:
    """Answer with this status, headers and body."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = attrs.field(factory=dict)


@attrs.frozen
class Stall:
    """Accept the request and never answer (until the server stops)."""


@attrs.frozen
class Drip:
    """Send the headers, then the body one byte every ``interval`` seconds."""

    body: bytes
    interval: float


@attrs.frozen
class Reset:
    """Close the connection abruptly; after ``sent`` body bytes if given, else before answering."""

    body: bytes = b""
    sent: int = -1


Action = Union[Reply, Stall, Drip, Reset]


@attrs.define
class Recorded:
    """What the server received."""

    path: str
    headers: dict[str, str]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    script: list[Action]
    received: list[Recorded]
    stopping: threading.Event
    lock: threading.Lock


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.received.append(
                Recorded(self.path, {k.lower(): v for k, v in self.headers.items()})
            )
            script = self.server.script
            action = script.pop(0) if len(script) > 1 else script[0]
        if isinstance(action, Reply):
            self._head(action.status, action.headers, len(action.body))
            self.wfile.write(action.body)
        elif isinstance(action, Stall):
            self.server.stopping.wait(30)
            self.close_connection = True
        elif isinstance(action, Drip):
            self._head(200, {}, len(action.body))
            for byte in action.body:
                if self.server.stopping.wait(action.interval):
                    break
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
        else:
            if action.sent >= 0:
                self._head(200, {}, len(action.body))
                self.wfile.write(action.body[: action.sent])
                self.wfile.flush()
            # SO_LINGER 0: the close sends a RST, not a FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True

    def _head(self, status: int, headers: dict[str, str], length: int) -> None:
        self.send_response(status)
        headers = {"content-type": "application/json", **headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(length))
        self.end_headers()


@attrs.define
class Scripted:
    """A running scripted server."""

    url: str
    server: _Server

    @property
    def received(self) -> list[Recorded]:
        return self.server.received

    def script(self, *actions: Action) -> None:
        with self.server.lock:
            self.server.script[:] = list(actions)


@contextmanager
def scripted_server(*actions: Action) -> Iterator[Scripted]:
    """Serve the script on 127.0.0.1 (a free port) until the block ends."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.script = list(actions) or [Reply()]
    server.received = []
    server.stopping = threading.Event()
    server.lock = threading.Lock()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield Scripted(f"http://127.0.0.1:{server.server_address[1]}", server)
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
        time.sleep(0)  # let handler threads see the stop
