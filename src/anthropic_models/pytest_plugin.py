"""pytest fixtures that run the reference server for your tests (a ``pytest11`` plugin).

Installed with the package, pytest loads it by itself: no ``conftest.py`` line is needed.

``models_server``
    A :class:`~anthropic_models.server.RunningServer` on a free loopback port, with the built-in
    catalogue and a fresh API key (``.url``, ``.catalog``, ``.api_key``), stopped after the test.
    Parametrize it indirectly to change its options::

        @pytest.mark.parametrize("models_server", [{"faults": True}], indirect=True)

``models_server_factory``
    A function that starts more servers (``catalog=``, ``api_key=``, ``fail_rate=``, ...), all
    stopped after the test.

``tls=True`` serves HTTPS with a throwaway CA made by the ``openssl`` command: the URL is
``https://127.0.0.1:PORT`` and ``server.ca_file`` is the CA certificate to trust.

``catalog`` is a :class:`~anthropic_models.server.Catalogue`, the path of a JSON catalogue (a str
or a :class:`pathlib.Path`, read when the server starts: a bad file fails the test at once with
:class:`~anthropic_models.errors.CatalogError`), or None for the built-in one; anything else is
a TypeError.
"""

from __future__ import annotations

import os
import secrets
from typing import Any, Callable, Iterator, Union

import pytest

from anthropic_models.server import Catalogue, RunningServer, serve_in_thread
from anthropic_models.server.tls import TLSFiles, self_signed, server_context

__all__ = ["models_server", "models_server_factory", "new_test_key"]

ServerFactory = Callable[..., RunningServer]


def new_test_key() -> str:
    """A fresh, random API key for one test server."""
    return "sk-ant-test-" + secrets.token_urlsafe(24)


@pytest.fixture
def models_server_factory() -> Iterator[ServerFactory]:
    """Start reference servers on free loopback ports; every one is stopped after the test."""
    started: list[RunningServer] = []
    made: list[TLSFiles] = []

    def start(
        catalog: Union[Catalogue, str, os.PathLike[str], None] = None,
        *,
        tls: bool = False,
        **options: Any,
    ) -> RunningServer:
        options.setdefault("api_key", new_test_key())
        files = None
        if tls:
            files = self_signed()
            made.append(files)
            options["tls"] = server_context(files.cert_file, files.key_file)
        server = serve_in_thread(catalog, **options)
        if files is not None and files.ca_file is not None:
            server.ca_file = str(files.ca_file)
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in reversed(started):
            server.stop()
        for files in made:
            files.remove()


@pytest.fixture
def models_server(
    request: pytest.FixtureRequest, models_server_factory: ServerFactory
) -> RunningServer:
    """A running reference server: built-in catalogue, a fresh API key, options from an indirect param."""
    options = dict(getattr(request, "param", None) or {})
    return models_server_factory(**options)
