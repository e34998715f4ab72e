"""The whole response is bounded: a server dripping its status line and headers
a byte at a time is a timeout after the read timeout, for the client, the command line and the
asyncio client, with a real dripping server on loopback.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

import pytest

from anthropic_models import AsyncModelsClient, ModelsClient, cli, errors
from anthropic_models.server.tls import self_signed, server_context

pytestmark = pytest.mark.integration

HEAD = b"HTTP/1.1 200 OK\r\n" + (b"x-drip: " + b"y" * 1000 + b"\r\n") * 90  # legal, slow


class Dripper:
    """A loopback server that answers each request with its headers, one byte every 50 ms
    (over TLS when given a server context)."""

    def __init__(self, tls: Optional[ssl.SSLContext] = None) -> None:
        self.tls = tls
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)  # so that close() does not wait on a blocked accept
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://127.0.0.1:{self.listener.getsockname()[1]}"
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []
        self.acceptor = threading.Thread(target=self._accept, daemon=True)
        self.acceptor.start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._drip, args=(conn,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _drip(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            conn.settimeout(10)
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)
        with conn, contextlib.suppress(OSError):
            conn.recv(65536)
            for byte in HEAD:
                if self.stop.wait(0.05):
                    return
                conn.sendall(bytes([byte]))

    def close(self) -> None:
        self.stop.set()
        self.listener.close()
        self.acceptor.join(5)
        for thread in self.threads:
            thread.join(5)


@pytest.fixture
def dripper() -> Iterator[Dripper]:
    """A dripping server, shut down after the test."""
    server = Dripper()
    yield server
    server.close()


def test_dripped_headers_time_out_for_the_client(dripper: Dripper) -> None:
    """timeout=1 and dripped headers: APITimeoutError naming the host, in about a second."""
    started = time.monotonic()
    with (
        ModelsClient(api_key="k", base_url=dripper.url, timeout=1, max_retries=0) as client,
        pytest.raises(errors.APITimeoutError) as info,
    ):
        client.list_models()
    assert time.monotonic() - started < 4
    assert "127.0.0.1" in str(info.value)


def test_dripped_headers_time_out_for_the_command_line(
    dripper: Dripper, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line with --timeout 1: exit status 2 (an error), one line, within a few seconds."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", "k")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", dripper.url)
    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["list", "--timeout", "1", "--max-retries", "0"])
    assert time.monotonic() - started < 4
    assert len(err.getvalue().splitlines()) == 1, err.getvalue()
    assert status == 2, err.getvalue()


def test_dripped_headers_let_asyncio_run_return_after_a_cancel(dripper: Dripper) -> None:
    """A cancelled asyncio call on dripped headers: asyncio.run returns within the timeout."""

    async def main() -> None:
        async with AsyncModelsClient(
            api_key="k", base_url=dripper.url, timeout=1, max_retries=0
        ) as client:
            task = asyncio.ensure_future(client.list_models())
            await asyncio.sleep(0.2)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    started = time.monotonic()
    asyncio.run(main())
    assert time.monotonic() - started < 4


def test_dripped_headers_over_tls_through_a_proxy_time_out(tmp_path: Path) -> None:
    """https through a CONNECT tunnel (proxy.py) to a dripping server: a timeout all the same."""
    proxy_module = pytest.importorskip("tests.client.test_network_real")
    files = self_signed(tmp_path)
    server = Dripper(server_context(files.cert_file, files.key_file))
    proxy = proxy_module.Proxy(tmp_path / "proxy.log", auth=False)
    started = time.monotonic()
    try:
        with (
            ModelsClient(
                api_key="k",
                base_url=server.url,
                proxy=proxy.url(),
                ca_certs=str(files.ca_file),
                timeout=1,
                max_retries=0,
            ) as client,
            pytest.raises(errors.APITimeoutError),
        ):
            client.list_models()
        assert time.monotonic() - started < 4
    finally:
        server.close()
        proxy.stop()


def test_a_long_walk_keeps_the_watchdog_small() -> None:
    """Thousands of answered responses with a 60 s deadline: the watchdog's queue stays bounded."""
    from anthropic_models._network import _WATCHDOG
    from anthropic_models.server import Catalogue, serve_in_thread

    with (
        serve_in_thread(Catalogue.synthetic(3000), api_key="k") as server,
        ModelsClient(api_key="k", base_url=server.url, timeout=60, trust_env=False) as client,
    ):
        expected = sum(1 for _ in client.iter_models(limit=1000))
        assert sum(1 for _ in client.iter_models(limit=1)) == expected > 1024
    assert len(_WATCHDOG._due) <= 1024 + 1
