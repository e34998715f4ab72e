"""Running the reference server: a threaded stdlib WSGI server, in a thread or in the foreground.

>>> import json, urllib3
>>> with serve_in_thread(api_key="sk-test") as server, urllib3.PoolManager() as pool:
...     response = pool.request("GET", server.url + "/v1/models/claude-opus-4-0",
...                             headers={"x-api-key": "sk-test"})
>>> response.status, json.loads(response.data)["id"]
(200, 'claude-opus-4-20250514')
"""

from __future__ import annotations

import logging
import signal
import socket
import socketserver
import sys
import threading
from types import FrameType, TracebackType
from typing import Any, Optional, TextIO, Union
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from anthropic_models.server.app import ModelsApp
from anthropic_models.server.catalog import Catalog
from anthropic_models.server.responses import (
    error_body,
    error_type_for,
    new_request_id,
    status_line,
)

__all__ = ["RunningServer", "serve_forever", "serve_in_thread"]

_log = logging.getLogger("anthropic_models.server")
_access = logging.getLogger("anthropic_models.server.access")


class _Handler(WSGIRequestHandler):
    """wsgiref's handler, quiet, with the raw request target and JSON errors of its own."""

    timeout = 60  # seconds a client may take to send its request

    def get_environ(self) -> dict[str, Any]:
        environ: dict[str, Any] = super().get_environ()
        environ["REQUEST_URI"] = self.path  # keeps %2F inside a path segment
        return environ

    def log_request(self, code: Union[int, str] = "-", size: Union[int, str] = "-") -> None:
        if getattr(self.server, "access_log", False):
            # The request line only: headers, and so API keys, are never logged.
            _access.info('%s "%s" %s', self.client_address[0], self.requestline, code)

    def log_message(self, format: str, *args: Any) -> None:
        _log.debug("%s: " + format, self.client_address[0], *args)

    def send_error(
        self, code: int, message: Optional[str] = None, explain: Optional[str] = None
    ) -> None:
        """A request wsgiref itself refuses (bad request line, too long...) gets the spec's error body."""
        request_id = new_request_id()
        phrase = message or status_line(code).split(" ", 1)[1]
        body = error_body(error_type_for(code), phrase, request_id)
        # A request line refused before its version was read would get no status line at all.
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":
            self.request_version = "HTTP/1.0"
        self.send_response(code, message)
        self.send_header("Connection", "close")
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.send_header("request-id", request_id)
        self.end_headers()
        if getattr(self, "command", None) != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(body)


class _Server(socketserver.ThreadingMixIn, WSGIServer):
    """A WSGI server answering each connection in its own daemon thread."""

    daemon_threads = True
    block_on_close = False
    # socketserver's default backlog of 5 drops connection attempts (retried by the client's
    # kernel after a second) as soon as a few clients connect at once; every request here opens
    # a new connection (wsgiref answers one request per connection).
    request_queue_size = 128

    def __init__(self, host: str, port: int, app: ModelsApp, access_log: bool) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.access_log = access_log
        super().__init__((host, port), _Handler)
        self.set_app(app)

    def server_bind(self) -> None:
        # HTTPServer.server_bind would look the host up with getfqdn(): slow, and not needed.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)
        self.setup_environ()

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            _log.debug("connection from %s ended: %s", client_address, error)
        else:
            _log.exception("error serving %s", client_address)


class RunningServer:
    """A reference server running in a background thread: its URL, catalogue, key, and stop().

    Use it as a context manager, or call :meth:`stop`; stopping closes the listening socket and
    ends the thread, and doing it twice is harmless. ``str(server)`` is its URL.
    """

    def __init__(self, server: _Server, app: ModelsApp) -> None:
        self._server = server
        self._app = app
        host, port = server.server_address[:2]
        self.host: str = str(host)
        self.port: int = int(port)
        shown = f"[{self.host}]" if ":" in self.host else self.host
        self.url: str = f"http://{shown}:{self.port}"
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"anthropic-models-server:{self.port}",
            daemon=True,
        )
        self._stopped = False
        self._stop_lock = threading.Lock()
        self._thread.start()

    @property
    def app(self) -> ModelsApp:
        """The WSGI application served."""
        return self._app

    @property
    def catalog(self) -> Catalog:
        """The catalogue served."""
        return self._app.catalog

    @property
    def api_key(self) -> Optional[str]:
        """The only accepted key, or None when any non-empty key is accepted."""
        return self._app.api_key

    @property
    def running(self) -> bool:
        """Whether the server thread is still serving."""
        return self._thread.is_alive()

    @property
    def listening_socket(self) -> socket.socket:
        """The listening socket (closed once stopped)."""
        return self._server.socket

    def stop(self) -> None:
        """Stop serving, close the listening socket and end the thread."""
        with self._stop_lock:
            if self._stopped:
                return
            self._stopped = True
            try:
                self._server.shutdown()
                self._thread.join()
            finally:
                self._server.server_close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.stop()

    def __str__(self) -> str:
        return self.url

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<RunningServer {self.url} {state}>"


def _app(app_or_catalog: Union[ModelsApp, Catalog, None], options: dict[str, Any]) -> ModelsApp:
    if isinstance(app_or_catalog, ModelsApp):
        if options:
            raise TypeError(f"options {sorted(options)} are for a new app, not a ModelsApp given")
        return app_or_catalog
    return ModelsApp(app_or_catalog, **options)


def serve_in_thread(
    app_or_catalog: Union[ModelsApp, Catalog, None] = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    access_log: bool = False,
    **app_options: Any,
) -> RunningServer:
    """Start a server in a background thread; use the result in a ``with`` block (or stop() it).

    ``app_or_catalog``: a :class:`ModelsApp`, or a :class:`Catalog` (None: the built-in one) for
    a new app built with ``app_options`` (``api_key``, ``latency_ms``, ``fail_rate``, ``seed``,
    ``faults``, ``validate``, ``retry_after``). ``port=0`` picks a free port: read ``.url``.
    """
    app = _app(app_or_catalog, app_options)
    return RunningServer(_Server(host, port, app, access_log), app)


def serve_forever(
    app_or_catalog: Union[ModelsApp, Catalog, None] = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    access_log: bool = False,
    out: Optional[TextIO] = None,
    **app_options: Any,
) -> int:
    """Serve in the foreground until SIGINT or SIGTERM, then shut down cleanly and return 0.

    Prints ``Listening on URL`` (flushed) once the socket listens and the signal handlers are in
    place. Raises OSError when the address cannot be bound; returns 1 if serving itself failed.
    """
    app = _app(app_or_catalog, app_options)
    stop = threading.Event()

    def on_signal(signum: int, frame: Optional[FrameType]) -> None:
        stop.set()

    previous: dict[signal.Signals, Any] = {}
    crashed = False
    with serve_in_thread(app, host=host, port=port, access_log=access_log) as server:
        try:
            if threading.current_thread() is threading.main_thread():
                for signum in (signal.SIGINT, signal.SIGTERM):
                    previous[signum] = signal.signal(signum, on_signal)
            print(f"Listening on {server.url}", file=out or sys.stdout, flush=True)
            while not stop.wait(0.25):
                if not server.running:
                    crashed = True
                    break
        except KeyboardInterrupt:
            pass
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
    return 1 if crashed else 0
