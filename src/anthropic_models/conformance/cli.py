"""The ``conformance`` command: test an implementation of the Models API against openapi.yaml.

Exit status: 0 pass; 1 fail (a contract, hygiene or security check failed; with ``--strict``, a spec check
too); 2 cannot test (unreachable, no credentials, credentials refused, a wrong command line, a
report file that cannot be written: checked before anything is sent); 3 inconclusive (nothing
failed, but some check could not be evaluated: the request budget ran out, no catalogue...,
or the kit itself failed: one line, never a traceback).

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> configure_conformance_parser(parser)
>>> args = parser.parse_args(["http://127.0.0.1:8080", "--only", "order,has-more", "--skip", "schema"])
>>> args.base_url, selected(args.only), args.max_requests
('http://127.0.0.1:8080', ['order', 'has-more'], 1000)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import sys
import tempfile
from typing import Iterator, Optional, TextIO

from anthropic_models._argtypes import number, whole_number
from anthropic_models.conformance.deadline import DEFAULT_REQUEST_DEADLINE, DEFAULT_RUN_DEADLINE
from anthropic_models.conformance.registry import CHECKS
from anthropic_models.conformance.report import (
    EXIT_CANNOT_TEST,
    EXIT_INCONCLUSIVE,
    Report,
    escape_controls,
)
from anthropic_models.conformance.runner import (
    DEFAULT_MAX_REQUESTS,
    DEFAULT_TIMEOUT,
    DISCOVERY_RULE,
    run_conformance,
)
from anthropic_models.conformance.target import MAX_BODY_BYTES, extra_headers, parse_header

__all__ = ["configure_conformance_parser", "run_conformance_command", "selected"]

_PREFIX = "anthropic-models conformance:"


_positive_int = whole_number(1, None, "a positive integer")
_seconds = number(0, 3600, "seconds from 0 to 3600", above_low=True)
_run_seconds = number(0, 86400, "seconds from 0 to 86400", above_low=True)


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
        help="test the reference server, started in-process with a fresh key (no BASE_URL); "
        "note that `anthropic-models serve` without --api-key accepts any key by design, so "
        "auth-any-key fails against it",
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
    parser.add_argument(
        "--header",
        metavar="'NAME: VALUE'",
        action="append",
        default=[],
        help="add this header to every request (repeatable), e.g. a gateway's own key; the value "
        "of a name containing key or token, or authorization, never appears in a report",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail spec-level findings (openapi.yaml's own decisions) instead of warning",
    )
    parser.add_argument(
        "--profile",
        choices=("default", "strict", "safe"),
        default="default",
        help="safe: for a production gateway or the real API with your own key: only "
        "well-formed requests an ordinary client sends, at most 5 a second, 300 at most "
        "(unless --max-requests), 429 and retry-after honoured; still the contract verdict and "
        "the drift report (the signal to update openapi.yaml and run `nox -s generate`). "
        "strict: as --strict",
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
        "--proxy",
        metavar="URL",
        help="send every request through this http(s) proxy (default: $HTTPS_PROXY or "
        "$HTTP_PROXY unless $NO_PROXY lists the host, as the client does)",
    )
    parser.add_argument(
        "--request-deadline",
        metavar="S",
        type=_seconds,
        default=DEFAULT_REQUEST_DEADLINE,
        help="seconds one request may take in all, headers and body (default "
        f"{DEFAULT_REQUEST_DEADLINE:g}): a target dripping bytes cannot stretch it",
    )
    parser.add_argument(
        "--run-deadline",
        metavar="S",
        type=_run_seconds,
        default=DEFAULT_RUN_DEADLINE,
        help=f"seconds the whole run may take (default {DEFAULT_RUN_DEADLINE:g}); the checks "
        "still to run then are 'not run' (exit status 3 unless a check failed)",
    )
    parser.add_argument(
        "--list-checks",
        action="store_true",
        help="list the checks, the level of each (contract, spec, hygiene) and the rule it tests",
    )
    if not parser.epilog:
        parser.epilog = (
            "levels: contract (documented by the API), spec (openapi.yaml's own decisions: "
            "warnings unless --strict), hygiene (HTTP robustness). exit status: 0 pass, 1 fail, "
            "2 cannot test, 3 inconclusive (a check was not evaluated: not a pass). bounds: "
            "--timeout per wait, --request-deadline per request, --run-deadline per run; a body "
            f"over {MAX_BODY_BYTES // 2**20} MiB is not read (reported as too large). drift "
            "(what the target sends that openapi.yaml does not know) is the signal to update "
            "openapi.yaml and regenerate: nox -s generate"
        )
    parser.set_defaults(handler=run_conformance_command)


def _list_checks() -> str:
    width = max(len(name) for name in ("discovery", *CHECKS)) + 1
    rows = [
        (
            "discovery",
            "contract",
            "walks the catalogue forward with the largest limit",
            DISCOVERY_RULE,
        )
    ]
    rows += [
        (
            c.name,
            c.level.value,
            c.summary + (" [safe profile]" if c.safe else ""),
            c.rule + (f" (openapi.yaml: {', '.join(c.rules)})" if c.rules else ""),
        )
        for c in CHECKS.values()
    ]
    lines = []
    for name, level, summary, rule in rows:
        lines.append(f"{name:<{width}} {level:<8}  {summary}")
        lines.append(f"{'':<{width}} {'':<8}  rule: {rule}")
    return "\n".join(lines) + "\n"


class _Usage(Exception):
    """A command line that cannot run: one line on stderr, exit status 2."""


class _ReportFile:
    """A report file: written to a temporary file beside it, then renamed into place whole."""

    def __init__(self, path: str, kind: str) -> None:
        self.path = path
        self.kind = kind
        folder = os.path.dirname(os.path.abspath(path))
        if os.path.isdir(path):
            raise _Usage(f"cannot write {path}: it is a folder")
        if os.path.exists(path) and not os.access(path, os.W_OK):
            raise _Usage(f"cannot write {path}: permission denied")
        try:  # proves the folder writable without touching the previous report
            handle, self.temporary = tempfile.mkstemp(
                prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder
            )
        except OSError as exc:
            raise _Usage(f"cannot write {path}: {exc.strerror or exc}") from None
        os.close(handle)

    def publish(self, text: str) -> None:
        """Write ``text`` and rename it over the report's path."""
        try:
            with open(self.temporary, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(self.temporary, self.path)
        except OSError as exc:
            raise _Usage(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def discard(self) -> None:
        """Remove the temporary file if it was not renamed into place."""
        with contextlib.suppress(OSError):
            os.unlink(self.temporary)


@contextlib.contextmanager
def _report_files(args: argparse.Namespace) -> Iterator[list[_ReportFile]]:
    """The --json and --junit files, checked before anything is sent (a bad path fails at once);
    the previous reports stay whole until the new ones are complete (an interrupted run
    leaves them as they were)."""
    if args.json and args.junit and os.path.abspath(args.json) == os.path.abspath(args.junit):
        raise _Usage(f"--json and --junit name the same file ({args.json}): give two")
    files: list[_ReportFile] = []
    try:
        for path, kind in ((args.json, "json"), (args.junit, "junit")):
            if path:
                files.append(_ReportFile(path, kind))
        yield files
    finally:
        for report_file in files:
            report_file.discard()


def _headers(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    try:
        return extra_headers([parse_header(text) for text in args.header])
    except ValueError as exc:
        raise _Usage(f"--header: {exc}") from None


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
        headers=_headers(args),
        strict=args.strict or args.profile == "strict",
        safe=args.profile == "safe",
        request_deadline=args.request_deadline,
        run_deadline=args.run_deadline,
        proxy=args.proxy,
    )


def _tolerant(stream: TextIO) -> None:
    """Characters the terminal's encoding cannot show become escapes, not a traceback."""
    reconfigure = getattr(stream, "reconfigure", None)
    if callable(reconfigure):
        reconfigure(errors="backslashreplace")


def _write(out: TextIO, text: str) -> None:
    """Write and flush (a reader that has gone raises BrokenPipeError: see ``__main__``)."""
    out.write(text)
    out.flush()


def run_conformance_command(args: argparse.Namespace) -> int:
    """Run the kit as the parsed arguments say; print the report; return the exit status."""
    out, err = sys.stdout, sys.stderr
    _tolerant(out)
    _tolerant(err)
    if args.list_checks:
        _write(out, _list_checks())
        return 0
    try:
        return _command(args, out)
    except _Usage as exc:
        _write(err, escape_controls(f"{_PREFIX} error: {exc}") + "\n")
        return EXIT_CANNOT_TEST
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:  # a bug of the kit: one line, never a traceback read as a verdict
        where = f"{type(exc).__name__}: {exc}"
        _write(err, escape_controls(f"{_PREFIX} the kit failed ({where[:300]}): inconclusive\n"))
        return EXIT_INCONCLUSIVE


def _command(args: argparse.Namespace, out: TextIO) -> int:
    unknown = sorted({*(selected(args.only) or ()), *(selected(args.skip) or ())} - set(CHECKS))
    if unknown:
        raise _Usage(f"unknown check(s) {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    if args.reference == bool(args.base_url):
        raise _Usage("give a BASE_URL, or --reference (not both)")
    if args.reference and (args.api_key or args.auth_token):
        raise _Usage("--reference makes its own key")
    _headers(args)  # a bad header is refused before anything is opened or sent
    with _report_files(args) as files:
        if args.reference:
            from anthropic_models.server import serve_in_thread

            key = "sk-ant-conformance-" + secrets.token_urlsafe(18)
            with serve_in_thread(api_key=key) as server:
                _write(out, f"testing the reference server at {server.url} (in-process)\n")
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
                raise _Usage(str(exc)) from None
        for report_file in files:
            report_file.publish(
                report.to_json() if report_file.kind == "json" else report.to_junit_xml()
            )
    if report.untestable is not None:
        _write(sys.stderr, f"{_PREFIX} {report.to_text().strip()}\n")
    else:
        _write(out, report.to_text())
    return report.exit_code
