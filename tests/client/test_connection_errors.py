"""Connection errors in the official SDK's words: ``Connection to HOST failed: REASON``
and ``Request to HOST timed out after Ns``, naming the host, never a credential or a query."""

from __future__ import annotations

import socket

import pytest
from urllib3 import Timeout
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NewConnectionError,
    ProxyError,
    ReadTimeoutError,
)

from anthropic_models import errors
from anthropic_models._http import connection_error, host_of

URL = "https://user:pw-secret@api.example.test:8443/v1/models?after_id=cursor-secret"
TIMEOUT = Timeout(connect=3, read=7)


def refused() -> NewConnectionError:
    """urllib3's error for a refused connection, with the OS error as its cause."""
    try:
        raise ConnectionRefusedError(111, "Connection refused")
    except OSError as exc:
        try:
            raise NewConnectionError(None, f"Failed to establish a new connection: {exc}") from exc  # type: ignore[arg-type]
        except NewConnectionError as error:
            return error


@pytest.mark.parametrize(
    ("exc", "kind", "expected"),
    [
        (refused(), errors.APIConnectionError, "Connection to api.example.test:8443 failed: cannot connect (Connection refused)"),
        (MaxRetryError(None, "/", refused()), errors.APIConnectionError, "Connection to api.example.test:8443 failed: cannot connect (Connection refused)"),  # type: ignore[arg-type]
        (ReadTimeoutError(None, URL, "Read timed out."), errors.APITimeoutError, "Request to api.example.test:8443 timed out after 7s"),  # type: ignore[arg-type]
        (ConnectTimeoutError(None, "connect timed out"), errors.APITimeoutError, "Request to api.example.test:8443 timed out after 3s"),
        (ProxyError("Unable to connect to proxy", OSError("Tunnel connection failed: 407")), errors.APIConnectionError, "Connection to api.example.test:8443 failed: the proxy failed (Tunnel connection failed: 407)"),
        (ProxyError("Unable to connect to proxy", ReadTimeoutError(None, URL, "Read timed out.")), errors.APITimeoutError, "Request to api.example.test:8443 timed out after 7s (through the proxy)"),  # type: ignore[arg-type]
        (ProxyError("Unable to connect to proxy", refused()), errors.APIConnectionError, "Connection to api.example.test:8443 failed: the proxy failed (Connection refused)"),
        (socket.gaierror(-2, "Name or service not known"), errors.APIConnectionError, "Connection to api.example.test:8443 failed: Name or service not known"),
    ],
)  # fmt: skip
def test_errors_name_the_host_in_the_sdk_words(
    exc: BaseException, kind: type[Exception], expected: str
) -> None:
    """Each urllib3 failure: the SDK's sentence with host and port, no userinfo, path or query."""
    error = connection_error(exc, URL, TIMEOUT)
    assert type(error) is kind and str(error) == expected
    assert "secret" not in str(error) and "user" not in str(error)


@pytest.mark.parametrize(
    ("url", "host"),
    [("http://127.0.0.1:8080", "127.0.0.1:8080"), ("https://[::1]/x", "[::1]"), ("nonsense", "the server")],
)  # fmt: skip
def test_host_of_keeps_host_and_port_only(url: str, host: str) -> None:
    """host_of: bracketed IPv6, the port when given, a neutral word when there is no host."""
    assert host_of(url) == host
