"""The ``serve`` command: run the reference server in the foreground.

The package's command line registers it as ``anthropic-models serve``; ``python -m
anthropic_models.server`` runs it on its own.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> configure_serve_parser(parser)
>>> args = parser.parse_args(["--port", "8080", "--synthetic", "100"])
>>> args.host, args.port, args.synthetic, args.faults
('127.0.0.1', 8080, 100, False)
"""

from __future__ import annotations

import argparse
import logging
import ssl
import sys
from pathlib import Path
from typing import Optional

from anthropic_models._argtypes import number, whole_number
from anthropic_models._redact import check_secret
from anthropic_models.errors import InvalidArgumentError, MissingDependencyError
from anthropic_models.server.app import ModelsApp
from anthropic_models.server.catalog import MAX_SYNTHETIC, CatalogError, Catalogue
from anthropic_models.server.runner import DEFAULT_DRAIN_SECONDS, serve_forever
from anthropic_models.server.tls import TLSError, TLSFiles, self_signed, server_context

__all__ = ["ALL_INTERFACES", "configure_serve_parser", "run_serve"]

_PREFIX = "anthropic-models serve: error:"
_WARNING = "anthropic-models serve: warning:"

ALL_INTERFACES = frozenset({"", "0.0.0.0", "::", "[::]"})
"""Host values that listen on every interface (and so get a warning)."""

_port = whole_number(0, 65535, "a port number from 0 to 65535")
_count = whole_number(0, MAX_SYNTHETIC, f"a number of models from 0 to {MAX_SYNTHETIC}")
_milliseconds = number(0, 600_000, "milliseconds from 0 to 600000")
_probability = number(0.0, 1.0, "a probability from 0 to 1")
_drain = number(0, 3600, "seconds from 0 to 3600")


def configure_serve_parser(parser: argparse.ArgumentParser) -> None:
    """Add the ``serve`` options to ``parser`` (and make :func:`run_serve` its handler)."""
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (127.0.0.1); '' or 0.0.0.0 listen on every interface (warned)",
    )
    parser.add_argument(
        "--port", type=_port, default=0, help="port to listen on; 0 picks a free one (0)"
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--catalog",
        metavar="FILE.json",
        help='serve this catalogue: a list of models or {"models": [...], "aliases": {...}}',
    )
    source.add_argument(
        "--synthetic",
        metavar="N",
        type=_count,
        help=f"serve N generated models, deterministic, N up to {MAX_SYNTHETIC}",
    )
    parser.add_argument(
        "--seed", type=int, default=None, help="seed of --synthetic (0) and of --fail-rate draws"
    )
    parser.add_argument(
        "--api-key",
        metavar="KEY",
        help="accept only this key (x-api-key or Authorization: Bearer), visible ASCII; "
        "default: any key",
    )
    parser.add_argument(
        "--latency", metavar="MS", type=_milliseconds, default=0.0, help="wait MS before answering"
    )
    parser.add_argument(
        "--fail-rate",
        metavar="P",
        type=_probability,
        default=0.0,
        help="fail this fraction of requests with 429, 503 or 529 (retry-after: 0)",
    )
    parser.add_argument(
        "--faults",
        action="store_true",
        help="obey the x-mock-* fault control headers (x-mock-status, x-mock-fail-times, ...)",
    )
    parser.add_argument(
        "--validate",
        action="store_true",
        help="check every request and response against the spec (needs openapi-core)",
    )
    parser.add_argument(
        "--drain",
        metavar="SECONDS",
        type=_drain,
        default=DEFAULT_DRAIN_SECONDS,
        help=f"on SIGTERM or SIGINT, answer requests in flight for up to SECONDS "
        f"({DEFAULT_DRAIN_SECONDS:g})",
    )
    parser.add_argument("--access-log", action="store_true", help="log each request line to stderr")
    parser.add_argument(
        "--tls-cert", metavar="FILE", help="serve HTTPS with this certificate (PEM, with its chain)"
    )
    parser.add_argument("--tls-key", metavar="FILE", help="the private key of --tls-cert (PEM)")
    parser.add_argument(
        "--tls-self-signed",
        action="store_true",
        help="serve HTTPS with a throwaway CA and certificate for 127.0.0.1/localhost, made "
        "with the openssl command; prints the CA file to trust",
    )
    parser.set_defaults(handler=run_serve)


def _catalog(args: argparse.Namespace) -> Catalogue:
    if args.catalog is not None:
        return Catalogue.from_json_file(args.catalog)
    if args.synthetic is not None:
        return Catalogue.synthetic(args.synthetic, seed=args.seed or 0)
    return Catalogue.builtin()


def _log_to_stderr(access_log: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("anthropic_models.server")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if access_log else logging.WARNING)


def _tls_files(args: argparse.Namespace) -> Optional[TLSFiles]:
    """The TLS files the options ask for (made now for --tls-self-signed), or None for HTTP."""
    cert, key = args.tls_cert, args.tls_key
    if args.tls_self_signed:
        if cert is not None or key is not None:
            raise TLSError("--tls-self-signed cannot be combined with --tls-cert or --tls-key")
        return self_signed()
    if (cert is None) != (key is None):
        raise TLSError("--tls-cert and --tls-key go together: give both")
    return None if cert is None else TLSFiles(cert_file=Path(cert), key_file=Path(key))


def run_serve(args: argparse.Namespace) -> int:
    """Serve until SIGINT or SIGTERM (exit status 0); a bad catalogue or address is status 2.

    Errors are one line on stderr, without a traceback and without the API key. Listening on
    every interface prints a warning line first. With TLS the URL is ``https://``; with
    ``--tls-self-signed`` a second stdout line names the CA file to trust (deleted on exit).
    """
    if args.api_key is not None:
        try:
            check_secret("--api-key", args.api_key)
        except InvalidArgumentError as exc:
            print(f"{_PREFIX} {exc}", file=sys.stderr)
            return 2
    tls_files: Optional[TLSFiles] = None
    try:
        tls_files = _tls_files(args)
        tls = None if tls_files is None else server_context(tls_files.cert_file, tls_files.key_file)
        catalog = _catalog(args)
        app = ModelsApp(
            catalog,
            api_key=args.api_key,
            latency_ms=args.latency,
            fail_rate=args.fail_rate,
            seed=args.seed,
            faults=args.faults,
            validate=args.validate,
        )
    except (CatalogError, MissingDependencyError, TLSError) as exc:
        if tls_files is not None:
            tls_files.remove()
        print(f"{_PREFIX} {exc}", file=sys.stderr)
        return 2
    try:
        return _serve(args, app, tls, tls_files)
    finally:
        if tls_files is not None:
            tls_files.remove()


def _serve(
    args: argparse.Namespace,
    app: ModelsApp,
    tls: Optional[ssl.SSLContext],
    tls_files: Optional[TLSFiles],
) -> int:
    _log_to_stderr(args.access_log)
    if args.host.strip() in ALL_INTERFACES:
        who = "any key" if args.api_key is None else "the --api-key"
        print(
            f"{_WARNING} --host {args.host!r} listens on every interface: any machine that can "
            f"reach this port can use the server with {who}",
            file=sys.stderr,
            flush=True,
        )
    try:
        return serve_forever(
            app,
            host=args.host,
            port=args.port,
            access_log=args.access_log,
            drain_seconds=args.drain,
            tls=tls,
            ca_file=None
            if tls_files is None or tls_files.ca_file is None
            else str(tls_files.ca_file),
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"{_PREFIX} cannot listen on {args.host}:{args.port}: {reason}", file=sys.stderr)
        return 2
