"""Deadlines a slow target cannot stretch: each request's (headers and body), and the run's.

A read timeout bounds each wait for a byte, so a target dripping a byte a second never trips it.
:class:`Watchdog` bounds the whole request instead: the pools it makes (:func:`watch`) register each
connection as a request starts on it, and when the request outlives its deadline the watchdog
shuts that connection's socket, which ends whatever read is waiting (status line, headers or
body). The request then fails as "no answer within the deadline" and is not retried.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Any, Optional

from urllib3 import PoolManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

__all__ = ["DEFAULT_REQUEST_DEADLINE", "DEFAULT_RUN_DEADLINE", "RunDeadline", "Watchdog", "watch"]

DEFAULT_REQUEST_DEADLINE = 30.0
"""Seconds one request may take from sending to the last byte of its body."""

DEFAULT_RUN_DEADLINE = 600.0
"""Seconds a whole run may take; the checks still to run then are "not run"."""


class RunDeadline(Exception):
    """The run's deadline has passed: no request is sent any more."""


class Watchdog:
    """Shuts the connection of a request that outlives its deadline (one request at a time)."""

    def __init__(self, request_deadline: float, run_deadline: float) -> None:
        self.request_deadline = request_deadline
        self.run_deadline = run_deadline
        self.started = time.monotonic()
        self.fired = False
        self._lock = threading.Lock()
        self._connection: Optional[HTTPConnection] = None
        self._timer: Optional[threading.Timer] = None

    def __repr__(self) -> str:
        return f"Watchdog(request={self.request_deadline:g}s, run={self.run_deadline:g}s)"

    @property
    def run_left(self) -> float:
        """Seconds left before the run's deadline (negative once it has passed)."""
        return self.run_deadline - (time.monotonic() - self.started)

    def arm(self) -> float:
        """Start timing a request: RunDeadline when the run has no time left; the seconds given."""
        left = self.run_left
        if left <= 0:
            raise RunDeadline(f"the run deadline ({self.run_deadline:g} s) has passed")
        seconds = min(self.request_deadline, left)
        with self._lock:
            self.fired = False
            self._timer = threading.Timer(seconds, self._fire)
            self._timer.daemon = True
            self._timer.start()
        return seconds

    def disarm(self) -> None:
        """The request is over: stop timing it."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = None
            self._connection = None

    def attach(self, connection: HTTPConnection) -> None:
        """The connection a request is being sent on (its socket is what the deadline shuts)."""
        with self._lock:
            self._connection = connection
            if self.fired:
                _shut(connection)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            if self._connection is not None:
                _shut(self._connection)


def _shut(connection: HTTPConnection) -> None:
    sock = getattr(connection, "sock", None)
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def watch(pool: Any, watchdog: Watchdog) -> bool:
    """Make the pools ``pool`` creates from now on report their connections to ``watchdog``.

    True for a urllib3 ``PoolManager`` (or ``ProxyManager``); False for any other pool, whose
    requests are then bounded by the read timeout alone.
    """
    if not isinstance(pool, PoolManager):
        return False

    class _HTTP(HTTPConnection):
        def request(self, *args: Any, **kwargs: Any) -> None:
            watchdog.attach(self)
            super().request(*args, **kwargs)

    class _HTTPS(HTTPSConnection):
        def request(self, *args: Any, **kwargs: Any) -> None:
            watchdog.attach(self)
            super().request(*args, **kwargs)

    class _HTTPPool(HTTPConnectionPool):
        ConnectionCls = _HTTP

    class _HTTPSPool(HTTPSConnectionPool):
        ConnectionCls = _HTTPS

    pool.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
    return True
