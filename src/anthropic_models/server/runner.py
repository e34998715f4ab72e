"""Running the reference server: a threaded stdlib WSGI server, in a thread or in the foreground.

With ``access_log``, each request line is logged (never a header), its unprintable characters
escaped and the server's own key masked, even when a client put it in the URL.

>>> import json, urllib3
>>> with serve_in_thread(api_key="sk-test") as server, urllib3.PoolManager() as pool:
...     response = pool.request("GET", server.url + "/v1/models/claude-opus-4-0",
...                             headers={"x-api-key": "sk-test"})
>>> response.status, json.loads(response.data)["id"]
(200, 'claude-opus-4-20250514')
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import socket
import socketserver
import ssl
import sys
import threading
import time
from types import FrameType, TracebackType
from typing import Any, Optional, TextIO, Union
from urllib.parse import unquote_plus
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from anthropic_models._redact import Redactor
from anthropic_models.server.app import ModelsApp
from anthropic_models.server.catalog import Catalogue
from anthropic_models.server.responses import (
    error_body,
    error_type_for,
    new_request_id,
    status_line,
)

__all__ = ["DEFAULT_DRAIN_SECONDS", "RunningServer", "serve_forever", "serve_in_thread"]

DEFAULT_DRAIN_SECONDS = 10.0
"""How long stopping waits for requests in flight before cutting them."""

CatalogSource = Union[ModelsApp, Catalogue, str, "os.PathLike[str]", None]

_log = logging.getLogger("anthropic_models.server")
_access = logging.getLogger("anthropic_models.server.access")


class _Handler(WSGIRequestHandler):
    """wsgiref's handler, quiet, with the raw request target and JSON errors of its own."""

    timeout = 60  # seconds a client may take to send its request

    def get_environ(self) -> dict[str, Any]:
        environ: dict[str, Any] = super().get_environ()
        environ["REQUEST_URI"] = self.path  # keeps %2F inside a path segment
        return environ

    def setup(self) -> None:
        super().setup()
        if isinstance(self.connection, ssl.SSLSocket):
            # In this connection's thread, within the handler's timeout, not in the accept loop.
            self.connection.do_handshake()

    def parse_request(self) -> bool:
        # The request line has arrived: from now on the connection is a request in flight.
        server = self.server
        if isinstance(server, _Server):
            server.mark_busy(self.connection)
        return bool(super().parse_request())

    def log_request(self, code: Union[int, str] = "-", size: Union[int, str] = "-") -> None:
        if getattr(self.server, "access_log", False):
            # The request line only: headers, and so API keys, are never logged.
            _access.info('%s "%s" %s', self.client_address[0], self._logged_line(), code)

    def _logged_line(self) -> str:
        """The request line with the server's own key masked (a client may put it in the URL,
        percent-encoded or not) and every unprintable character escaped."""
        line = self.requestline
        key = getattr(getattr(self.server, "application", None), "api_key", None)
        if key:
            redactor = Redactor([key])
            line = redactor.text(line)
            if key in unquote_plus(line):
                line = redactor.text(unquote_plus(line))
        return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in line)

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

    def __init__(
        self,
        host: str,
        port: int,
        app: ModelsApp,
        access_log: bool,
        tls: Optional[ssl.SSLContext] = None,
    ) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.access_log = access_log
        # Connections being answered: socket -> whether a request has arrived on it.
        self._connections: dict[socket.socket, bool] = {}
        self._changed = threading.Condition()
        self.hurry = threading.Event()
        """Set to end a drain now (a second signal)."""
        super().__init__((host, port), _Handler)
        if tls is not None:
            self.socket = tls.wrap_socket(
                self.socket, server_side=True, do_handshake_on_connect=False
            )
        self.tls = tls is not None
        self.set_app(app)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._changed:
            self._connections[request] = False
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._changed:
            self._connections.pop(request, None)
            self._changed.notify_all()
        super().shutdown_request(request)

    def mark_busy(self, connection: socket.socket) -> None:
        """A request arrived on this connection: stopping waits for its answer."""
        with self._changed:
            if connection in self._connections:
                self._connections[connection] = True

    def drain(self, timeout: float) -> int:
        """After serve_forever stopped: take what is queued, close the listening socket, end idle
        connections, and wait up to ``timeout`` seconds for requests in flight; cut the rest.

        Returns how many requests were cut.
        """
        self._accept_queued()
        self.socket.close()
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                idle = [sock for sock, active in self._connections.items() if not active]
                for sock in idle:
                    if _has_data(sock):
                        self._connections[sock] = True  # sent before we stopped: answer it
                    else:
                        _cut(sock)
                remaining = deadline - time.monotonic()
                if not self._connections or remaining <= 0 or self.hurry.is_set():
                    break
                self._changed.wait(min(remaining, 0.05))
            cut = [sock for sock, active in self._connections.items() if active]
        for sock in cut:
            _cut(sock)
        if cut:
            _log.warning(
                "stopped with %d request(s) still in flight after %.1f s", len(cut), timeout
            )
        return len(cut)

    def _accept_queued(self) -> None:
        """Connections the kernel accepted before we stopped are answered, not reset."""
        self.socket.setblocking(False)
        while True:
            try:
                request, client_address = self.socket.accept()
            except OSError:
                return
            request.setblocking(True)
            self.process_request(request, client_address)

    def server_bind(self) -> None:
        # HTTPServer.server_bind would look the host up with getfqdn(): slow, and not needed.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)
        self.setup_environ()

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError, ssl.SSLError)):
            _log.debug("connection from %s ended: %s", client_address, error)
        else:
            _log.exception("error serving %s", client_address)


def _has_data(sock: socket.socket) -> bool:
    """Whether bytes (a request) wait on a connection, without reading them or blocking."""
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        if isinstance(sock, ssl.SSLSocket):  # no peeking through TLS: bytes are a request
            return bool(readable)
        # Readable: a peek returns at once (b"" when the client has closed).
        return bool(readable) and bool(sock.recv(1, socket.MSG_PEEK))
    except (OSError, ValueError):
        return False


def _cut(sock: socket.socket) -> None:
    """End a connection from another thread: its handler's read or write fails at once."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


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
        scheme = "https" if server.tls else "http"
        self.url: str = f"{scheme}://{shown}:{self.port}"
        self.ca_file: Optional[str] = None
        """The CA certificate to trust, when the server was started with a throwaway one."""
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
    def catalog(self) -> Catalogue:
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

    def stop(self, drain_seconds: float = DEFAULT_DRAIN_SECONDS) -> int:
        """Stop serving: close the listening socket, answer the requests in flight (for up to
        ``drain_seconds``), end idle connections and the thread. Returns how many requests were
        cut; stopping twice is harmless (and cuts none).
        """
        with self._stop_lock:
            if self._stopped:
                return 0
            self._stopped = True
            try:
                self._server.shutdown()
                self._thread.join()
                return self._server.drain(drain_seconds)
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


def _app(app_or_catalog: CatalogSource, options: dict[str, Any]) -> ModelsApp:
    if isinstance(app_or_catalog, ModelsApp):
        if options:
            raise TypeError(f"options {sorted(options)} are for a new app, not a ModelsApp given")
        return app_or_catalog
    return ModelsApp(app_or_catalog, **options)


def serve_in_thread(
    app_or_catalog: CatalogSource = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    access_log: bool = False,
    tls: Optional[ssl.SSLContext] = None,
    **app_options: Any,
) -> RunningServer:
    """Start a server in a background thread; use the result in a ``with`` block (or stop() it).

    ``app_or_catalog``: a :class:`ModelsApp`, or a :class:`Catalogue` or the path of a JSON one
    (None: the built-in one) for a new app built with ``app_options`` (``api_key``, ``latency_ms``, ``fail_rate``, ``seed``,
    ``faults``, ``validate``, ``retry_after``). ``port=0`` picks a free port: read ``.url``.
    ``tls``: a server-side context (:func:`anthropic_models.server.tls.server_context`) to serve
    HTTPS; the URL is then ``https://``.
    """
    app = _app(app_or_catalog, app_options)
    return RunningServer(_Server(host, port, app, access_log, tls), app)


def serve_forever(
    app_or_catalog: CatalogSource = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    access_log: bool = False,
    out: Optional[TextIO] = None,
    drain_seconds: float = DEFAULT_DRAIN_SECONDS,
    tls: Optional[ssl.SSLContext] = None,
    ca_file: Optional[str] = None,
    **app_options: Any,
) -> int:
    """Serve in the foreground until SIGINT or SIGTERM, then shut down cleanly and return 0.

    Prints ``Listening on URL`` (flushed) once the socket listens and the signal handlers are in
    place, then ``Trust the CA certificate FILE`` when ``ca_file`` is given (a throwaway CA
    made for ``tls``). On the signal the listening socket closes at once, requests in flight are
    answered for up to ``drain_seconds`` (then cut; at once on a second signal), idle connections
    end. Raises OSError when the address
    cannot be bound; returns 1 if serving itself failed.
    """
    app = _app(app_or_catalog, app_options)
    stop = threading.Event()

    def on_signal(signum: int, frame: Optional[FrameType]) -> None:
        if stop.is_set():  # a second signal: stop draining too
            server._server.hurry.set()
        stop.set()

    previous: dict[signal.Signals, Any] = {}
    crashed = False
    server = serve_in_thread(app, host=host, port=port, access_log=access_log, tls=tls)
    server.ca_file = ca_file
    try:
        try:
            if threading.current_thread() is threading.main_thread():
                for signum in (signal.SIGINT, signal.SIGTERM):
                    previous[signum] = signal.signal(signum, on_signal)
            print(f"Listening on {server.url}", file=out or sys.stdout, flush=True)
            if ca_file is not None:
                print(f"Trust the CA certificate {ca_file}", file=out or sys.stdout, flush=True)
            while not stop.wait(0.25):
                if not server.running:
                    crashed = True
                    break
        except KeyboardInterrupt:
            pass
    finally:
        server.stop(drain_seconds)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 1 if crashed else 0
