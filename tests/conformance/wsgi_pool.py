"""A urllib3 pool stand-in that answers by calling a WSGI app in-process: the kit without sockets."""

from __future__ import annotations

from typing import Any, Callable
from urllib.parse import urlsplit

from tests.fakes import FakePool, FakeResponse, Sent
from tests.server.wsgi import WSGIApp, call


def wsgi_pool(
    app: WSGIApp, *, prefix: str = "", tamper: Callable[[Sent], Any] = lambda sent: None
) -> FakePool:
    """A FakePool whose every request goes to ``app`` (``tamper`` may answer first).

    ``prefix`` is a path the pool strips first, as a gateway mounting the API under it would.
    """

    def handler(sent: Sent) -> Any:
        early = tamper(sent)
        if early is not None:
            return early
        parts = urlsplit(sent.url)
        path = parts.path[len(prefix) :] if parts.path.startswith(prefix) else parts.path
        target = path + (f"?{parts.query}" if parts.query else "")
        # A WSGI server gives header bytes as Latin-1 text (PEP 3333): so does this stand-in.
        sent_headers: dict[str, Any] = sent.headers
        headers = {
            name: value.decode("latin-1") if isinstance(value, bytes) else value
            for name, value in sent_headers.items()
        }
        answer = call(app, target, method=sent.method, key=None, headers=headers)
        return FakeResponse(status=answer.status, body=answer.body, headers=answer.headers)

    return FakePool(handler=handler)
