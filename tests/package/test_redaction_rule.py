"""The one rule of what a secret is, no sockets: credential-like header names,
their values, their credentials and Basic decoded; the proxy's Proxy-Authorization too."""

from __future__ import annotations

import base64

import pytest

from anthropic_models._network import NetworkSettings
from anthropic_models._redact import MASK, Redactor, header_secrets, is_credential_header


@pytest.mark.parametrize(
    ("name", "credential"),
    [
        ("Authorization", True), ("proxy-authorization", True), ("X-Api-Key", True),
        ("Cookie", True), ("set-cookie", True), ("x-auth", True), ("X-Refresh-Token", True),
        ("x-client-secret", True), ("x-db-password", True), ("api-key", True),
        ("accept", False), ("user-agent", False), ("anthropic-version", False),
        ("anthropic-workspace-id", False), ("x-request-id", False),
    ],
)  # fmt: skip
def test_credential_header_names(name: str, credential: bool) -> None:
    """The listed names, and any holding auth/key/token/secret/password, are credentials."""
    assert is_credential_header(name) is credential


def test_header_secrets_take_values_credentials_and_basic_decoded() -> None:
    """A Basic header yields itself, its base64, user:password and the password."""
    token = base64.b64encode(b"alice:wonderland-42").decode()
    found = header_secrets({"Authorization": f"Basic {token}", "x-token": "t0k", "accept": "*/*"})
    assert set(found) == {f"Basic {token}", token, "alice:wonderland-42", "wonderland-42", "t0k"}


def test_a_basic_header_that_is_not_base64_is_still_masked_whole() -> None:
    """Basic with junk: its value and credentials are secrets, nothing decoded."""
    assert header_secrets({"authorization": "Basic %%%"}) == ("Basic %%%", "%%%")


def test_the_proxy_authorization_header_is_a_secret_of_the_network_settings() -> None:
    """proxy=http://u:p@... : the base64 of Proxy-Authorization is masked as the password is."""
    settings = NetworkSettings.build(
        "https://api.test", proxy="http://corp:pass-word-1@proxy:3128", environ={}
    )
    token = base64.b64encode(b"corp:pass-word-1").decode()
    redact = Redactor(settings.secrets)
    assert (
        redact.text(f"got Proxy-Authorization: Basic {token}") == f"got Proxy-Authorization: {MASK}"
    )
    assert token in settings.secrets and "pass-word-1" in settings.secrets


def test_with_secrets_adds_without_changing_the_original() -> None:
    """with_secrets returns a wider redactor; the original masks only its own secrets."""
    base = Redactor(["sk-original-key"])
    wider = base.with_secrets(["per-call-token-1", None])
    assert wider.text("per-call-token-1 sk-original-key") == f"{MASK} {MASK}"
    assert base.text("per-call-token-1") == "per-call-token-1"
    assert base.with_secrets([]) is base
