"""Proxy and certificate settings, read as curl, requests and httpx read them (no sockets)."""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Optional

import pytest
from urllib3 import PoolManager, ProxyManager

from anthropic_models import ModelsClient, errors
from anthropic_models._network import (
    NetworkSettings,
    bypasses_proxy,
    make_pool,
    proxy_from_environment,
)

API = "https://api.anthropic.com"


@pytest.mark.parametrize(
    ("url", "environ", "expected"),
    [
        (API, {}, None),
        (API, {"HTTPS_PROXY": "http://p:1"}, "http://p:1"),
        (API, {"https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:1"}, "http://lower:1"),
        (API, {"HTTP_PROXY": "http://p:1"}, None),
        ("http://127.0.0.1:8080", {"HTTP_PROXY": "http://p:1"}, None),
        ("http://localhost:8080", {"ALL_PROXY": "http://p:1"}, None),
        ("http://[::1]:8080", {"HTTP_PROXY": "http://p:1"}, None),
        ("http://10.0.0.1:8080", {"HTTP_PROXY": "http://p:1"}, "http://p:1"),
        (API, {"ALL_PROXY": "http://all:1"}, "http://all:1"),
        (API, {"all_proxy": "http://all:1", "HTTPS_PROXY": "http://https:1"}, "http://https:1"),
        (API, {"HTTPS_PROXY": "   "}, None),
        (API, {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "*"}, None),
        (API, {"HTTPS_PROXY": "http://p:1", "no_proxy": "anthropic.com"}, None),
        (API, {"HTTPS_PROXY": "http://p:1", "NO_PROXY": ".anthropic.com"}, None),
        (API, {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "thropic.com"}, "http://p:1"),
        (API, {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "api.anthropic.com:8443"}, "http://p:1"),
        (API, {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "api.anthropic.com:443"}, None),
        ("https://10.2.3.4", {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "10.0.0.0/8"}, None),
        ("https://[2001:db8::1]:9", {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "2001:db8::1"}, None),
        (
            "https://[2001:db8::1]:9",
            {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "[2001:db8::1]:8"},
            "http://p:1",
        ),
        (
            "https://[2001:db8::1]:9",
            {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "[2001:db8::1]:9"},
            None,
        ),
        ("https://127.0.0.1:9", {"HTTPS_PROXY": "http://p:1"}, None),
    ],
)
def test_the_environment_names_the_proxy(
    url: str, environ: dict[str, str], expected: Optional[str]
) -> None:
    """Scheme proxy, ALL_PROXY fallback, lower case first, NO_PROXY hosts, ports, CIDRs, loopback."""
    assert proxy_from_environment(url, environ) == expected


def test_no_proxy_entries_are_comma_or_semicolon_separated() -> None:
    """Spaces and empty entries are ignored; a ';' separates as a ',' does."""
    assert bypasses_proxy("https://b.test", " a.test ; b.test,, ")


def test_an_explicit_proxy_wins_and_ignores_no_proxy() -> None:
    """proxy= is used as given, whatever the environment says."""
    environ = {"HTTPS_PROXY": "http://env:1", "NO_PROXY": "*"}
    settings = NetworkSettings.build(API, proxy="http://mine:2", environ=environ)
    assert settings.proxy_url == "http://mine:2"


def test_trust_env_false_reads_no_variable(tmp_path: Path) -> None:
    """Without trust_env, neither proxies nor SSL_CERT_FILE are read."""
    bundle = tmp_path / "ca.pem"
    bundle.write_text("x")
    environ = {"HTTPS_PROXY": "http://env:1", "SSL_CERT_FILE": str(bundle)}
    settings = NetworkSettings.build(API, trust_env=False, environ=environ)
    assert (settings.proxy_url, settings.ca_certs) == (None, None)


def test_ssl_cert_file_and_dir_are_read(tmp_path: Path) -> None:
    """SSL_CERT_FILE and SSL_CERT_DIR name what to trust; ca_certs= wins over them."""
    bundle, folder = tmp_path / "ca.pem", tmp_path / "certs"
    bundle.write_text("x")
    folder.mkdir()
    environ = {"SSL_CERT_FILE": str(bundle), "SSL_CERT_DIR": str(folder)}
    settings = NetworkSettings.build(API, environ=environ)
    assert (settings.ca_certs, settings.ca_dir) == (str(bundle), str(folder))
    mine = tmp_path / "mine.pem"
    mine.write_text("x")
    assert NetworkSettings.build(API, ca_certs=str(mine), environ=environ).ca_dir is None


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"proxy": "socks5://u:pw@p:1080"}, errors.MissingDependencyError, "PySocks"),
        ({"proxy": "ftp://u:pw@p:21"}, errors.InvalidArgumentError, "http:// or https://"),
        ({"proxy": "http://u:pw@p:99999"}, errors.InvalidArgumentError, "not a valid proxy URL"),
        (
            {"proxy": "http://u:pw@p :1"},
            errors.InvalidArgumentError,
            "^proxy is not a valid proxy URL.*space",
        ),
        (
            {"proxy": "http://u:pw@p\t:1"},
            errors.InvalidArgumentError,
            "^proxy is not a valid proxy URL",
        ),
        (
            {"proxy": "http://u:pw@[p:1"},
            errors.InvalidArgumentError,
            "^proxy is not a valid proxy URL",
        ),
        ({"proxy": 5}, errors.InvalidArgumentError, "URL string"),
        ({"ca_certs": "/nonexistent/pw.pem"}, errors.InvalidArgumentError, "not a readable file"),
        ({"ssl_context": "tls"}, errors.InvalidArgumentError, "ssl.SSLContext"),
        ({"ca_certs": 5}, errors.InvalidArgumentError, "ca_certs must be a path"),
        ({"trust_env": "no"}, errors.InvalidArgumentError, "trust_env"),
    ],
)
def test_bad_network_settings_are_typed_errors_without_credentials(
    options: dict[str, object], error: type[Exception], words: str
) -> None:
    """Each bad setting is refused at construction; a proxy password never appears."""
    with pytest.raises(error, match=words) as info:
        NetworkSettings.build(API, environ={}, **options)  # type: ignore[arg-type]
    assert "pw" not in str(info.value)


def test_proxy_credentials_become_a_header_and_are_never_shown() -> None:
    """user:password leave the URL for Proxy-Authorization; repr and the client hide them."""
    settings = NetworkSettings.build(API, proxy="http://alice:s%40cret@proxy.test:3128", environ={})
    assert settings.proxy_url == "http://proxy.test:3128"
    assert "s@cret" not in repr(settings) and "alice" not in repr(settings)
    assert "s@cret" in settings.secrets
    pool = make_pool(settings)
    assert isinstance(pool, ProxyManager)
    assert pool.proxy_headers["proxy-authorization"].startswith("Basic ")
    client = ModelsClient(api_key="k", proxy="http://alice:s%40cret@proxy.test:3128")
    assert "s@cret" not in repr(client) and "proxy='http://proxy.test:3128'" in repr(client)


def test_certificates_reach_the_pool(tmp_path: Path) -> None:
    """ca_certs, SSL_CERT_DIR and ssl_context are handed to urllib3's connection pools."""
    bundle = tmp_path / "ca.pem"
    bundle.write_text("x")
    pool = make_pool(NetworkSettings.build(API, ca_certs=str(bundle), environ={}))
    assert isinstance(pool, PoolManager) and pool.connection_pool_kw["ca_certs"] == str(bundle)
    context = ssl.create_default_context()
    pool = make_pool(NetworkSettings.build(API, ssl_context=context, environ={}))
    assert pool.connection_pool_kw["ssl_context"] is context


def test_a_pool_of_ones_own_excludes_network_settings() -> None:
    """pool= with proxy= is refused: the settings belong on that pool."""
    with pytest.raises(errors.InvalidArgumentError, match="not both"):
        ModelsClient(api_key="k", pool=PoolManager(), proxy="http://p:1")


def test_an_explicit_proxy_is_used_for_loopback_too() -> None:
    """proxy= is the caller's choice: a loopback target goes through it all the same."""
    settings = NetworkSettings.build("http://127.0.0.1:8080", proxy="http://p:1", environ={})
    assert settings.proxy_url == "http://p:1"


@pytest.mark.parametrize("name", ["HTTPS_PROXY", "https_proxy", "ALL_PROXY"])
@pytest.mark.parametrize(
    "value", ["http://u:pw@proxy .corp:3128", "http://u:pw@[proxy:1", "ftp://pw"]
)
def test_a_bad_proxy_variable_is_named_and_its_value_never_shown(name: str, value: str) -> None:
    """A malformed proxy in the environment: InvalidArgumentError naming the variable only."""
    with pytest.raises(errors.InvalidArgumentError) as info:
        NetworkSettings.build(API, environ={name: value})
    assert str(info.value).startswith(name) and "pw" not in str(info.value)


@pytest.mark.parametrize("name", ["SSL_CERT_FILE", "ssl_cert_dir"])
def test_a_missing_certificate_path_names_the_variable_not_its_value(name: str) -> None:
    """SSL_CERT_FILE / SSL_CERT_DIR naming nothing: the error names the variable, not the path."""
    with pytest.raises(errors.InvalidArgumentError, match=f"^{name} is set") as info:
        NetworkSettings.build(API, environ={name: "/nowhere/secret-path"})
    assert "secret-path" not in str(info.value)


def test_certificate_variables_do_not_break_plain_http_on_loopback() -> None:
    """A plain-http loopback URL uses no certificate: a wrong SSL_CERT_FILE is not read."""
    environ = {"SSL_CERT_FILE": "/nowhere/ca.pem", "SSL_CERT_DIR": "/nowhere"}
    settings = NetworkSettings.build("http://localhost:8080", environ=environ)
    assert (settings.ca_certs, settings.ca_dir, settings.proxy_url) == (None, None, None)


def test_a_proxy_url_urllib3_cannot_parse_is_refused_up_front() -> None:
    """Whatever passes the checks is a URL urllib3's ProxyManager accepts (no LocationParseError)."""
    for proxy in ("http://p:1", "https://u:p%20w@p.corp", "p.corp:8080", "http://[::1]:3128"):
        make_pool(NetworkSettings.build(API, proxy=proxy, environ={}))


@pytest.mark.parametrize(
    ("proxy", "credentials"),
    [("http://us%E2%82%AC:pw@p:1", "us\u20ac:pw".encode()), ("http://u:p%FF@p:1", b"u:p\xff")],
)
def test_proxy_credentials_beyond_latin1_make_a_header(proxy: str, credentials: bytes) -> None:
    """A user or password outside Latin-1 is sent as the bytes it names (it was a UnicodeEncodeError)."""
    import base64

    settings = NetworkSettings.build(API, proxy=proxy, environ={})
    header = make_pool(settings).proxy_headers["proxy-authorization"]  # type: ignore[attr-defined]
    assert base64.b64decode(header.split()[1]) == credentials
    assert (
        settings.proxy_auth is not None
        and settings.proxy_auth.partition(":")[2] in settings.secrets
    )
