"""The serve command's options and its failures, without starting a server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from anthropic_models._validation import spec_validator
from anthropic_models.server import cli
from anthropic_models.server.catalog import MAX_SYNTHETIC
from anthropic_models.server.runner import DEFAULT_DRAIN_SECONDS


def parse(*argv: str) -> argparse.Namespace:
    """The serve options parsed from argv."""
    parser = argparse.ArgumentParser(prog="serve")
    cli.configure_serve_parser(parser)
    return parser.parse_args(argv)


def test_defaults_are_a_faithful_server_on_a_free_loopback_port() -> None:
    """No option: 127.0.0.1, port 0, built-in catalogue, any key, no faults, no validation."""
    args = parse()
    assert (args.host, args.port, args.catalog, args.synthetic, args.api_key) == (
        "127.0.0.1",
        0,
        None,
        None,
        None,
    )
    assert (args.latency, args.fail_rate, args.faults, args.validate) == (0.0, 0.0, False, False)
    assert args.drain == DEFAULT_DRAIN_SECONDS
    assert args.handler is cli.run_serve


def test_every_option_parses() -> None:
    """Each option reaches the namespace with its type."""
    args = parse(
        *("--host", "::1", "--port", "8080", "--synthetic", "50", "--seed", "3"),
        *("--api-key", "k", "--latency", "12.5", "--fail-rate", "0.25"),
        *("--faults", "--validate", "--access-log"),
    )
    assert (args.host, args.port, args.synthetic, args.seed, args.api_key) == (
        "::1",
        8080,
        50,
        3,
        "k",
    )
    assert (args.latency, args.fail_rate, args.faults, args.validate, args.access_log) == (
        12.5,
        0.25,
        True,
        True,
        True,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["--port", "65536"],
        ["--port", "-1"],
        ["--fail-rate", "1.5"],
        ["--fail-rate", "nan"],
        ["--latency", "-3"],
        ["--synthetic", "-1"],
        ["--synthetic", str(MAX_SYNTHETIC + 1)],
        ["--synthetic", "1e6"],
        ["--drain", "-1"],
        ["--drain", "nan"],
        ["--catalog", "a.json", "--synthetic", "3"],
    ],
)
def test_bad_options_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Argparse refuses out-of-range values and --catalog with --synthetic (status 2)."""
    with pytest.raises(SystemExit) as caught:
        parse(*argv)
    assert caught.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_a_bad_catalogue_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An invalid catalogue file: one line on stderr naming the path, status 2, key not shown."""
    path = tmp_path / "bad.json"
    path.write_text('{"models": [{"id": "x"}]}', encoding="utf-8")
    status = cli.run_serve(parse("--catalog", str(path), "--api-key", "sk-secret-123"))
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert f"{path}: models[0]: missing required field" in err
    assert "sk-secret-123" not in err
    assert "Traceback" not in err


def test_an_empty_api_key_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """--api-key '' is an error, not a server that accepts any key."""
    assert cli.run_serve(parse("--api-key", "")) == 2
    assert "--api-key must not be empty" in capsys.readouterr().err


@pytest.mark.parametrize("key", ["sk-é-secret", "sk-x\u200bsecret", "sk secret", "sk-\udcffsecret"])
def test_a_key_the_client_would_refuse_is_refused_at_start(
    key: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--api-key outside visible ASCII: one line, status 2, the key never shown, nothing served."""
    monkeypatch.setattr(cli, "serve_forever", _never_serve)
    assert cli.run_serve(parse("--api-key", key)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--api-key has a character that cannot be sent in an HTTP header" in err
    assert "secret" not in err


def _never_serve(*args: object, **kwargs: object) -> int:
    raise AssertionError("the server must not start")


def test_the_synthetic_maximum_is_accepted() -> None:
    """--synthetic takes any count up to the documented maximum."""
    assert parse("--synthetic", str(MAX_SYNTHETIC)).synthetic == MAX_SYNTHETIC
    assert parse("--drain", "2.5").drain == 2.5
    assert parse().drain == DEFAULT_DRAIN_SECONDS


@pytest.mark.parametrize(
    ("host", "warned"),
    [
        ("", True),
        ("0.0.0.0", True),
        ("::", True),
        (" ", True),
        ("127.0.0.1", False),
        ("::1", False),
    ],
)
def test_listening_on_every_interface_prints_a_warning(
    host: str, warned: bool, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--host '' (or 0.0.0.0, ::) warns on stderr that any machine can reach the server."""
    served: list[dict[str, object]] = []

    def serve(app: object, **options: object) -> int:
        served.append(options)
        return 0

    monkeypatch.setattr(cli, "serve_forever", serve)
    monkeypatch.setattr(cli, "_log_to_stderr", lambda access_log: None)
    assert cli.run_serve(parse("--host", host, "--synthetic", "3", "--drain", "4")) == 0
    err = capsys.readouterr().err
    assert served == [
        {
            "host": host,
            "port": 0,
            "access_log": False,
            "drain_seconds": 4.0,
            "tls": None,
            "ca_file": None,
        }
    ]
    if warned:
        assert err.startswith("anthropic-models serve: warning: --host")
        assert "listens on every interface" in err and "with any key" in err
    else:
        assert err == ""


def test_a_catalogue_with_a_lone_surrogate_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A "\\udcff" escape in the catalogue: a CatalogError line, status 2, no traceback."""
    path = tmp_path / "surrogate.json"
    path.write_text(
        '[{"id": "m", "type": "model", "created_at": "2025-01-01T00:00:00Z",'
        ' "display_name": "\\udcff", "lifecycle": "active"}]',
        "ascii",
    )
    assert cli.run_serve(parse("--catalog", str(path))) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "[0].display_name: holds a lone surrogate" in err


def test_dev_zero_as_a_catalogue_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--catalog /dev/zero is refused at once: one line, status 2."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert cli.run_serve(parse("--catalog", "/dev/zero")) == 2
    assert "not a JSON catalogue" in capsys.readouterr().err


def test_validate_without_openapi_core_is_one_line_and_status_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--validate without the validation extra says how to install it, status 2."""
    spec_validator.cache_clear()
    monkeypatch.setitem(sys.modules, "openapi_core", None)
    try:
        assert cli.run_serve(parse("--validate")) == 2
    finally:
        spec_validator.cache_clear()
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "pip install 'anthropic-models[validation]'" in err
