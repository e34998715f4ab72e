"""The client on a corporate network, with real parts: a forward proxy from PyPI (proxy.py) on
loopback, CONNECT to the reference server over TLS under a throwaway CA, proxy authentication, a
NO_PROXY bypass, and a proxy that refuses or is down: a typed error in bounded time, with neither
the key nor the proxy's password in it.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import urllib3

from anthropic_models import AsyncModelsClient, ModelsClient, errors
from anthropic_models.server import RunningServer, serve_in_thread
from anthropic_models.server.tls import self_signed, server_context

pytestmark = pytest.mark.integration
pytest.importorskip("proxy", reason="proxy.py (the test dependency group) runs the real proxy")
if shutil.which("openssl") is None:  # pragma: no cover - the machine's openssl makes the CA
    pytest.skip("the throwaway CA needs the openssl command", allow_module_level=True)

KEY = "sk-ant-network-0123456789abcdef"
PROXY_USER, PROXY_PASSWORD = "corp-user", "proxy-Secret-42"


def free_port() -> int:
    """A port nobody listens on, right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Proxy:
    """proxy.py in a subprocess on loopback, optionally with basic authentication."""

    def __init__(self, log: Path, auth: bool) -> None:
        self.port = free_port()
        self.log = log
        command = [sys.executable, "-m", "proxy", "--hostname", "127.0.0.1"]
        command += ["--port", str(self.port), "--num-workers", "1", "--num-acceptors", "1"]
        if auth:
            command += ["--basic-auth", f"{PROXY_USER}:{PROXY_PASSWORD}"]
        self._output = log.open("wb")
        self.process = subprocess.Popen(command, stdout=self._output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._output.close()
                raise RuntimeError(f"proxy.py exited: {log.read_text(errors='replace')[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("proxy.py did not start within 30 s")

    def url(self, credentials: str = "") -> str:
        return f"http://{credentials}127.0.0.1:{self.port}"

    def connects(self) -> int:
        """How many CONNECT tunnels to 127.0.0.1 the proxy logged."""
        return self.log.read_text(errors="replace").count("CONNECT 127.0.0.1")

    def tunnelled_since(self, before: int) -> bool:
        """Whether a tunnel was logged after ``before`` (logged when it closes: wait up to 10 s)."""
        deadline = time.monotonic() + 10
        while self.connects() <= before and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.connects() > before

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            self.process.kill()
            self.process.wait()
        self._output.close()


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, str]]:
    """The reference server over HTTPS under a throwaway CA, and the CA file to trust."""
    files = self_signed(tmp_path_factory.mktemp("tls"))
    assert files.ca_file is not None
    with serve_in_thread(
        api_key=KEY, tls=server_context(files.cert_file, files.key_file)
    ) as server:
        yield server, str(files.ca_file)


@pytest.fixture(scope="module")
def auth_proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    """proxy.py requiring basic authentication."""
    proxy = Proxy(tmp_path_factory.mktemp("proxy") / "auth.log", auth=True)
    yield proxy
    proxy.stop()


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No proxy or certificate variable of the developer's leaks into a test."""
    for name in (
        "HTTPS_PROXY",
        "HTTP_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
    ):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for name in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def assert_clean(error: BaseException) -> None:
    """Neither the key nor the proxy password appears in an error, its args or its chain."""
    seen: BaseException | None = error
    while seen is not None:
        for text in (str(seen), repr(seen.args)):
            assert KEY not in text and PROXY_PASSWORD not in text, text
        seen = seen.__cause__ or seen.__context__


def test_connect_through_an_authenticating_proxy_over_tls(
    tls_server: tuple[RunningServer, str], auth_proxy: Proxy, clean_env: pytest.MonkeyPatch
) -> None:
    """proxy= with credentials and ca_certs=: the whole walk goes through a CONNECT tunnel."""
    server, ca = tls_server
    before = auth_proxy.connects()
    proxy = auth_proxy.url(f"{PROXY_USER}:{PROXY_PASSWORD}@")
    with ModelsClient(api_key=KEY, base_url=server.url, proxy=proxy, ca_certs=ca) as client:
        assert PROXY_PASSWORD not in repr(client)
        ids = [m.id for m in client.iter_models(limit=5)]
        assert ids and client.retrieve(ids[0]).id == ids[0]
    assert auth_proxy.tunnelled_since(before)


class Listener:
    """A loopback socket that records every connection made to it and answers nothing."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def connections(self) -> int:
        count = 0
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return count
            conn.close()
            count += 1


def test_the_environment_sets_trust_and_its_proxy_skips_loopback(
    tls_server: tuple[RunningServer, str], clean_env: pytest.MonkeyPatch
) -> None:
    """SSL_CERT_FILE alone makes TLS work; HTTPS_PROXY is not used for a loopback server."""
    server, ca = tls_server
    listener = Listener()
    clean_env.setenv("HTTPS_PROXY", listener.url)
    clean_env.setenv("SSL_CERT_FILE", ca)
    try:
        with ModelsClient(api_key=KEY, base_url=server.url, timeout=2, max_retries=0) as client:
            assert client.list_models(limit=2).data
        assert listener.connections() == 0
    finally:
        listener.sock.close()


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "http_proxy", "ALL_PROXY"])
def test_a_proxy_from_the_environment_never_sees_a_loopback_call(
    variable: str, clean_env: pytest.MonkeyPatch
) -> None:
    """HTTP_PROXY / ALL_PROXY set: a plain-http call to loopback goes direct, the key stays here."""
    listener = Listener()
    clean_env.setenv(variable, listener.url)
    try:
        with (
            serve_in_thread(api_key=KEY) as server,
            ModelsClient(api_key=KEY, base_url=server.url, timeout=2, max_retries=0) as client,
        ):
            assert client.list_models(limit=1).data
        assert listener.connections() == 0
    finally:
        listener.sock.close()


def test_the_demo_ignores_proxy_and_certificate_variables(clean_env: pytest.MonkeyPatch) -> None:
    """The demo (no network) passes with a dead proxy and a missing SSL_CERT_FILE in the environment."""
    import io

    from anthropic_models.demo import run_demo

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        clean_env.setenv(name, f"http://127.0.0.1:{free_port()}")
    clean_env.setenv("SSL_CERT_FILE", "/nowhere/ca.pem")
    assert run_demo(io.StringIO()) == 0


def test_no_proxy_and_trust_env_false_go_direct(
    tls_server: tuple[RunningServer, str], clean_env: pytest.MonkeyPatch
) -> None:
    """A dead proxy in HTTPS_PROXY is bypassed for NO_PROXY hosts, and ignored without trust_env."""
    server, ca = tls_server
    clean_env.setenv("HTTPS_PROXY", f"http://127.0.0.1:{free_port()}")
    clean_env.setenv("NO_PROXY", "localhost,127.0.0.1")
    with ModelsClient(api_key=KEY, base_url=server.url, ca_certs=ca, max_retries=0) as client:
        assert client.list_models(limit=1).data
    clean_env.delenv("NO_PROXY")
    with ModelsClient(
        api_key=KEY, base_url=server.url, ca_certs=ca, trust_env=False, max_retries=0
    ) as client:
        assert client.list_models(limit=1).data


def test_a_proxy_refusing_the_credentials_is_a_clean_error(
    tls_server: tuple[RunningServer, str], auth_proxy: Proxy, clean_env: pytest.MonkeyPatch
) -> None:
    """407 from the proxy: APIConnectionError in bounded time, saying the proxy failed."""
    server, ca = tls_server
    wrong = auth_proxy.url(f"{PROXY_USER}:{PROXY_PASSWORD}-wrong@")
    started = time.monotonic()
    with (
        ModelsClient(
            api_key=KEY, base_url=server.url, proxy=wrong, ca_certs=ca, timeout=5, max_retries=1
        ) as client,
        pytest.raises(errors.APIConnectionError, match="proxy") as info,
    ):
        client.list_models()
    assert time.monotonic() - started < 15
    assert_clean(info.value)
    assert "-wrong" not in str(info.value)


def test_a_proxy_that_is_down_is_a_clean_error(
    tls_server: tuple[RunningServer, str], clean_env: pytest.MonkeyPatch
) -> None:
    """Nobody listening at the proxy's address: APIConnectionError soon, no secret in it."""
    server, ca = tls_server
    down = f"http://{PROXY_USER}:{PROXY_PASSWORD}@127.0.0.1:{free_port()}"
    started = time.monotonic()
    with (
        ModelsClient(
            api_key=KEY, base_url=server.url, proxy=down, ca_certs=ca, timeout=5, max_retries=1
        ) as client,
        pytest.raises(errors.APIConnectionError) as info,
    ):
        client.list_models()
    assert time.monotonic() - started < 15
    assert_clean(info.value)


def test_an_untrusted_certificate_says_what_to_set(
    tls_server: tuple[RunningServer, str], clean_env: pytest.MonkeyPatch
) -> None:
    """Without the CA, the TLS failure is an APIConnectionError naming SSL_CERT_FILE."""
    server, _ = tls_server
    with (
        ModelsClient(api_key=KEY, base_url=server.url, max_retries=0) as client,
        pytest.raises(errors.APIConnectionError, match="SSL_CERT_FILE") as info,
    ):
        client.list_models()
    assert_clean(info.value)


# urllib3 1.26 (min-deps) leaves a tunnelled socket to the garbage collector when concurrent
# connections through a proxy close; urllib3 2 does not. The behaviour under test is the same.
_TUNNEL_SOCKETS_LEAK = str(getattr(urllib3, "__version__", "")).startswith("1.")


@pytest.mark.filterwarnings(
    ("ignore" if _TUNNEL_SOCKETS_LEAK else "error") + "::pytest.PytestUnraisableExceptionWarning"
)
def test_the_async_client_walks_through_the_proxy_concurrently(
    tls_server: tuple[RunningServer, str], auth_proxy: Proxy, clean_env: pytest.MonkeyPatch
) -> None:
    """Eight concurrent async walks through the proxy each see the whole default view."""
    import asyncio

    server, ca = tls_server
    proxy = auth_proxy.url(f"{PROXY_USER}:{PROXY_PASSWORD}@")

    async def main() -> list[list[str]]:
        async with AsyncModelsClient(
            api_key=KEY, base_url=server.url, proxy=proxy, ca_certs=ca
        ) as client:

            async def walk() -> list[str]:
                return [m.id async for m in client.iter_models(limit=4)]

            return await asyncio.gather(*(walk() for _ in range(8)))

    walks = asyncio.run(main())
    assert len(walks) == 8 and all(walk == walks[0] and walk for walk in walks)
