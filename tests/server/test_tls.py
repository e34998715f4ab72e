"""The reference server over TLS: certificates of your own, or a throwaway CA made with openssl."""

from __future__ import annotations

import json
import logging
import shutil
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import urllib3

from anthropic_models.pytest_plugin import ServerFactory
from anthropic_models.server import RunningServer, serve_in_thread
from anthropic_models.server.tls import TLSError, TLSFiles, self_signed, server_context
from tests.catalogue_facts import a_model

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command"),
]

KEY = "sk-ant-tls-key"
NEWEST = a_model("active")


@pytest.fixture(scope="module")
def tls_files() -> Iterator[TLSFiles]:
    """A throwaway CA and server certificate, removed afterwards."""
    files = self_signed()
    try:
        yield files
    finally:
        files.remove()


def fetch(url: str, ca_file: str, path: str = f"/v1/models/{NEWEST}") -> tuple[int, Any]:
    """GET over TLS, trusting only ``ca_file``; status and parsed body."""
    with urllib3.PoolManager(ca_certs=ca_file, cert_reqs="CERT_REQUIRED", retries=False) as pool:
        response = pool.request("GET", url + path, headers={"x-api-key": KEY})
        return response.status, json.loads(response.data)


def test_self_signed_makes_a_ca_and_a_loopback_certificate(tls_files: TLSFiles) -> None:
    """The CA and the server's certificate and key exist; the CA's key and scratch files do not."""
    assert tls_files.directory is not None
    assert sorted(p.name for p in tls_files.directory.iterdir()) == [
        "ca.pem",
        "server.key",
        "server.pem",
    ]
    assert tls_files.key_file.stat().st_mode & 0o077 == 0
    context = ssl.create_default_context(cafile=str(tls_files.ca_file))
    context.load_verify_locations(str(tls_files.ca_file))  # parses


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_the_server_answers_https_trusted_through_the_ca(tls_files: TLSFiles, host: str) -> None:
    """serve_in_thread(tls=...) serves https://, verified against the CA for both names."""
    context = server_context(tls_files.cert_file, tls_files.key_file)
    with serve_in_thread(api_key=KEY, tls=context) as server:
        assert server.url.startswith("https://127.0.0.1:")
        status, body = fetch(f"https://{host}:{server.port}", str(tls_files.ca_file))
    assert (status, body["id"]) == (200, NEWEST)


def test_an_untrusted_client_and_a_plain_http_client_fail_but_the_server_lives(
    tls_files: TLSFiles, caplog: pytest.LogCaptureFixture
) -> None:
    """A client without the CA is refused; plain HTTP gets no answer; neither logs an error."""
    caplog.set_level(logging.INFO, logger="anthropic_models.server")
    context = server_context(tls_files.cert_file, tls_files.key_file)
    with serve_in_thread(api_key=KEY, tls=context) as server:
        with urllib3.PoolManager(retries=False) as pool, pytest.raises(urllib3.exceptions.SSLError):
            pool.request("GET", server.url + "/v1/models")
        with socket.create_connection((server.host, server.port), timeout=5) as sock:
            sock.sendall(b"GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n")
            assert not sock.recv(65536).startswith(b"HTTP/1.1 200")
        status, _ = fetch(server.url, str(tls_files.ca_file))
        assert status == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_unusable_certificate_files_are_tls_errors(tls_files: TLSFiles, tmp_path: Path) -> None:
    """A missing file, or a certificate with another key, is a TLSError naming the files."""
    with pytest.raises(TLSError, match=r"cannot use the certificate .*absent\.pem"):
        server_context(tmp_path / "absent.pem", tls_files.key_file)
    other = self_signed(tmp_path / "other")
    with pytest.raises(TLSError, match="cannot use the certificate"):
        server_context(tls_files.cert_file, other.key_file)


def test_the_fixture_serves_tls_on_request(models_server_factory: ServerFactory) -> None:
    """models_server_factory(tls=True) gives an https URL and the CA file to trust."""
    server: RunningServer = models_server_factory(tls=True, api_key=KEY)
    assert server.url.startswith("https://127.0.0.1:")
    assert server.ca_file is not None and Path(server.ca_file).exists()
    assert fetch(server.url, server.ca_file)[0] == 200


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The serve command with these options, expected to exit by itself."""
    return subprocess.run(
        [sys.executable, "-m", "anthropic_models.server", "--api-key", KEY, *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_command_serves_a_throwaway_ca_and_removes_it_on_exit() -> None:
    """--tls-self-signed: https URL, then the CA file to trust; SIGTERM exits 0 and removes it."""
    command = [sys.executable, "-m", "anthropic_models.server", "--api-key", KEY]
    with subprocess.Popen(
        [*command, "--tls-self-signed"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            listening = process.stdout.readline()
            trust = process.stdout.readline()
            assert listening.startswith("Listening on https://127.0.0.1:"), listening
            assert trust.startswith("Trust the CA certificate "), trust
            url, ca_file = listening.split()[-1], trust.split()[-1]
            assert fetch(url, ca_file)[0] == 200
            process.terminate()
            _, err = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert process.returncode == 0, err
    assert not Path(ca_file).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tls-cert", "c.pem"], "--tls-cert and --tls-key go together"),
        (["--tls-key", "k.pem"], "--tls-cert and --tls-key go together"),
        (["--tls-self-signed", "--tls-cert", "c.pem"], "cannot be combined with --tls-cert"),
        (["--tls-cert", "absent.pem", "--tls-key", "absent.key"], "cannot use the certificate"),
    ],
)
def test_bad_tls_options_are_one_line_and_status_2(args: list[str], message: str) -> None:
    """Half a pair, a mix, or unreadable files: one line on stderr, status 2, no key shown."""
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert KEY not in result.stderr and "Traceback" not in result.stderr
