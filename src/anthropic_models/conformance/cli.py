"""The ``conformance`` command: test an implementation of the Models API against openapi.yaml.

Exit status 0 when every check passes (or is skipped), 1 when any fails, 2 when the target cannot
be tested (unreachable, no credentials, credentials refused) or the command line is wrong.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> configure_conformance_parser(parser)
>>> args = parser.parse_args(["http://127.0.0.1:8080", "--only", "order,has-more", "--skip", "schema"])
>>> args.base_url, selected(args.only), args.max_requests
('http://127.0.0.1:8080', ['order', 'has-more'], 1000)
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path
from typing import Optional, TextIO

from anthropic_models._argtypes import number, whole_number
from anthropic_models.conformance.registry import CHECKS
from anthropic_models.conformance.report import Report
from anthropic_models.conformance.runner import (
    DEFAULT_MAX_REQUESTS,
    DEFAULT_TIMEOUT,
    DISCOVERY_RULE,
    run_conformance,
)

__all__ = ["configure_conformance_parser", "run_conformance_command", "selected"]

_PREFIX = "anthropic-models conformance:"


_positive_int = whole_number(1, None, "a positive integer")
_seconds = number(0, 3600, "seconds from 0 to 3600", above_low=True)


def selected(values: Optional[list[list[str]]]) -> Optional[list[str]]:
    """``--only a b --only c,d`` as ``[a, b, c, d]`` (None when not given)."""
    if not values:
        return None
    return [name for group in values for value in group for name in value.split(",") if name]


def configure_conformance_parser(parser: argparse.ArgumentParser) -> None:
    """Add the ``conformance`` arguments to ``parser`` (and make the command its handler)."""
    parser.add_argument(
        "base_url",
        metavar="BASE_URL",
        nargs="?",
        help="the implementation to test, e.g. https://gateway.example/anthropic",
    )
    parser.add_argument(
        "--reference",
        action="store_true",
        help="test the reference server, started in-process with a fresh key (no BASE_URL)",
    )
    credentials = parser.add_mutually_exclusive_group()
    credentials.add_argument(
        "--api-key",
        metavar="KEY",
        help="sent as x-api-key (default $ANTHROPIC_API_KEY; prefer it: argv is visible)",
    )
    credentials.add_argument(
        "--auth-token",
        metavar="TOKEN",
        help="sent as Authorization: Bearer (default $ANTHROPIC_AUTH_TOKEN)",
    )
    names = ", ".join(CHECKS)
    parser.add_argument(
        "--only",
        metavar="CHECK",
        nargs="+",
        action="append",
        help=f"run only these checks (names or comma lists): {names}",
    )
    parser.add_argument(
        "--skip", metavar="CHECK", nargs="+", action="append", help="do not run these checks"
    )
    parser.add_argument("--json", metavar="FILE", help="write the report as JSON to FILE")
    parser.add_argument("--junit", metavar="FILE", help="write the report as JUnit XML to FILE")
    parser.add_argument(
        "--max-requests",
        metavar="N",
        type=_positive_int,
        default=DEFAULT_MAX_REQUESTS,
        help=f"send at most N requests (default {DEFAULT_MAX_REQUESTS})",
    )
    parser.add_argument(
        "--timeout",
        metavar="S",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        help=f"seconds to connect and per read (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--list-checks", action="store_true", help="list the checks and the rules they test"
    )
    parser.set_defaults(handler=run_conformance_command)


def _list_checks(out: TextIO) -> int:
    width = max(len(name) for name in ("discovery", *CHECKS)) + 1
    rows = [("discovery", "walks the catalogue forward with limit=1000", DISCOVERY_RULE)]
    rows += [(c.name, c.summary, c.rule) for c in CHECKS.values()]
    for name, summary, rule in rows:
        print(f"{name:<{width}} {summary}", file=out)
        print(f"{'':<{width}}   rule: {rule}", file=out)
    return 0


def _write(path: str, text: str) -> Optional[str]:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    return None


def _run(
    args: argparse.Namespace, url: str, api_key: Optional[str], token: Optional[str]
) -> Report:
    return run_conformance(
        url,
        api_key=api_key,
        auth_token=token,
        only=selected(args.only),
        skip=selected(args.skip),
        max_requests=args.max_requests,
        timeout=args.timeout,
    )


def run_conformance_command(args: argparse.Namespace) -> int:
    """Run the kit as the parsed arguments say; print the report; return the exit status."""
    out, err = sys.stdout, sys.stderr
    if args.list_checks:
        return _list_checks(out)
    unknown = sorted({*(selected(args.only) or ()), *(selected(args.skip) or ())} - set(CHECKS))
    if unknown:
        print(
            f"{_PREFIX} error: unknown check(s) {', '.join(unknown)}; known: {', '.join(CHECKS)}",
            file=err,
        )
        return 2
    if args.reference == bool(args.base_url):
        print(f"{_PREFIX} error: give a BASE_URL, or --reference (not both)", file=err)
        return 2
    if args.reference:
        if args.api_key or args.auth_token:
            print(f"{_PREFIX} error: --reference makes its own key", file=err)
            return 2
        from anthropic_models.server import serve_in_thread

        key = "sk-ant-conformance-" + secrets.token_urlsafe(18)
        with serve_in_thread(api_key=key) as server:
            print(f"testing the reference server at {server.url} (in-process)", file=out)
            report = _run(args, server.url, key, None)
    else:
        api_key = args.api_key
        token = args.auth_token
        if api_key is None and token is None:
            api_key = os.environ.get("ANTHROPIC_API_KEY") or None
            token = None if api_key else os.environ.get("ANTHROPIC_AUTH_TOKEN") or None
        try:
            report = _run(args, args.base_url, api_key, token)
        except ValueError as exc:  # a base URL that is not http(s)
            print(f"{_PREFIX} error: {exc}", file=err)
            return 2
    status = report.exit_code
    for path, text in ((args.json, report.to_json), (args.junit, report.to_junit_xml)):
        if path:
            problem = _write(path, text())
            if problem:
                print(f"{_PREFIX} error: {problem}", file=err)
                status = 2
    if report.untestable is not None:
        print(f"{_PREFIX} {report.to_text().strip()}", file=err)
    else:
        out.write(report.to_text())
    return status
