"""The ``anthropic-models`` command line (also ``python -m anthropic_models``).

Commands: ``list``, ``get``, ``check``, ``latest``, ``diff`` (client); ``serve`` (the reference
server); ``conformance`` (the kit); ``demo`` (client and server, no key, no network); ``spec``.
Each command loads only what it uses: ``list`` imports neither the server nor the kit.

Exit status, the same for every command:

- 0: success.
- 1: a negative answer: ``check``, a model unavailable; ``latest``, none; ``diff``, a model
  removed or newly deprecated; ``conformance``, a check failed; ``demo``, a check did not hold.
- 2: an error: a bad argument (refused before anything is sent), a server or connection error,
  an unreadable snapshot, output that cannot be written (``> /dev/full``). One line on stderr,
  never a traceback, never the key.
- 130: interrupted (Ctrl-C).
- 141: the reader of the output went away (``| head``): the command stops quietly, with the
  status a shell shows for a Unix tool stopped by SIGPIPE (128 + 13), so that ``set -o pipefail``
  sees the same thing it sees for ``yes | head``. Nothing is printed.

Text output escapes every character that is not printable (``\\x1b``, ``\\u202e``): what a server
sends cannot drive the terminal. ``--json`` output is exact (such characters become JSON ``\\u``
escapes, the same value for a JSON reader). An output encoding that cannot hold a character
(``PYTHONIOENCODING=ascii``) gets escapes too, never an error.

>>> from anthropic_models.cli import build_parser
>>> build_parser().parse_args(["check", "claude-x"]).models
['claude-x']
"""

from __future__ import annotations

import argparse
import codecs
import errno
import io
import os
import sys
from typing import Any, Callable, Iterable, NoReturn, Optional, Sequence, TextIO

from anthropic_models._argtypes import number, text, whole_number
from anthropic_models._format import (
    escape_controls,
    json_text,
    shell_word,
    stage,
    table,
    write_json_array,
)
from anthropic_models._version import __version__
from anthropic_models.client import ModelsClient
from anthropic_models.errors import AnthropicModelsError, ModelUnavailableError
from anthropic_models.pagination import Cursor, ModelPage
from anthropic_models.snapshot import MAX_SNAPSHOT_BYTES, diff_snapshots, load_snapshot
from anthropic_models_generated import transport
from anthropic_models_generated.models import ModelInfo

__all__ = ["EXIT_BROKEN_PIPE", "build_parser", "main"]

Handler = Callable[[argparse.Namespace], int]

EXIT_BROKEN_PIPE = 141
"""The reader of stdout went away: 128 + SIGPIPE, as a shell reports it for a Unix tool."""

_LIMIT = transport.LIST_MODELS.parameter("limit")
_LIFECYCLE = transport.LIST_MODELS.parameter("lifecycle")
assert _LIMIT.minimum is not None and _LIMIT.maximum is not None and _LIFECYCLE.enum is not None
_PAGE_MIN, _PAGE_MAX, _STAGES = _LIMIT.minimum, _LIMIT.maximum, _LIFECYCLE.enum
_ALL_STAGES = "all"

_timeout = number(0, 3600, "seconds from 0 to 3600", above_low=True)
_retries = whole_number(0, 100, "a number of retries from 0 to 100")
_page_size = whole_number(_PAGE_MIN, _PAGE_MAX, f"a page size from {_PAGE_MIN} to {_PAGE_MAX}")
_model_id = text("a model id")
_line = text("a model line")
_capability = text("a capability name")
_workspace = text("a workspace id")
_base_url = text("a base URL")
_api_key = text("an API key", secret=True)
_proxy = text("a proxy URL", secret=True)


class CommandError(Exception):
    """A failure to report on one line with exit status 2."""


class OutputError(Exception):
    """Standard output cannot be written (the reader went away, the disk is full)."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(cause.strerror or str(cause))
        self.errno = cause.errno


class _Stdout(io.TextIOBase):
    """Standard output as the commands see it: a failed write is an :class:`OutputError`, and a
    character the encoding cannot hold is written as an escape instead of raising."""

    def __init__(self, stream: Optional[TextIO]) -> None:
        self._stream = stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def unicode(self) -> bool:
        """True when the encoding can hold any character (UTF-8, UTF-16, UTF-32, GB18030)."""
        try:
            name = codecs.lookup(self.encoding).name
        except LookupError:
            return False
        return name.startswith(("utf-", "gb18030")) or name in ("utf_8", "utf_16", "utf_32")

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        """Nothing to release: the wrapped stream is not ours (and is not flushed when this
        object is collected)."""

    def isatty(self) -> bool:
        return bool(getattr(self._stream, "isatty", lambda: False)())

    def write(self, text: str) -> int:
        if self._stream is None:  # started with stdout closed (`>&-`)
            raise OutputError(OSError(errno.EBADF, os.strerror(errno.EBADF)))
        try:
            try:
                self._stream.write(text)
            except UnicodeEncodeError:
                encoding = self.encoding
                self._stream.write(
                    text.encode(encoding, "backslashreplace").decode(encoding, "replace")
                )
        except OSError as exc:
            raise OutputError(exc) from None
        except ValueError:  # the stream was closed under us
            raise OutputError(OSError(errno.EBADF, os.strerror(errno.EBADF))) from None
        return len(text)

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputError(exc) from None
        except ValueError:
            raise OutputError(OSError(errno.EBADF, os.strerror(errno.EBADF))) from None


def _stdout() -> _Stdout:
    out = sys.stdout
    return out if isinstance(out, _Stdout) else _Stdout(out)


def _say(line: str = "") -> None:
    """One line of text output, escaped for the terminal."""
    print(escape_controls(line, keep="\n"), file=_stdout())


def _complain(line: str) -> None:
    """One line on stderr, escaped; a stderr that cannot be written is let go."""
    line = escape_controls(line)
    if sys.stderr is None:  # started with stderr closed
        return
    try:
        print(line, file=sys.stderr)
    except UnicodeEncodeError:
        print(ascii(line)[1:-1], file=sys.stderr)
    except OSError:
        pass


def _client(args: argparse.Namespace) -> ModelsClient:
    options: dict[str, Any] = {"timeout": args.timeout} if args.timeout is not None else {}
    return ModelsClient(
        api_key=args.api_key,
        base_url=args.base_url,
        max_retries=args.max_retries,
        workspace_id=args.workspace_id,
        proxy=args.proxy,
        ca_certs=args.ca_certs,
        validate=args.validate,
        **options,
    )


def _stages(args: argparse.Namespace) -> Optional[list[str]]:
    """The ``--lifecycle`` stages in the spec's order; None for the server's default view."""
    given = args.lifecycle
    if not given:
        return None
    return [name for name in _STAGES if name in given or _ALL_STAGES in given]


def _print_json(data: Any) -> None:
    out = _stdout()
    out.write(json_text(data, ascii_only=not out.unicode) + "\n")


def _print_models(models: Iterable[ModelInfo], as_json: bool) -> None:
    """Models as a table, or as a JSON array written model by model (memory flat in size)."""
    if as_json:
        out = _stdout()
        write_json_array(models, out.write, ascii_only=not out.unicode)
    else:
        _say(table(list(models)))


def _next_command(args: argparse.Namespace, stages: Optional[list[str]], cursor: Cursor) -> str:
    """The command that lists the next page: same connection, page size and filter."""
    words = ["anthropic-models", "list"]
    if args.base_url is not None:
        words += ["--base-url", args.base_url]
    if args.workspace_id is not None:
        words += ["--workspace-id", args.workspace_id]
    if args.limit is not None:
        words += ["--limit", str(args.limit)]
    for name in stages or ():
        words += ["--lifecycle", name]
    for name, value in cursor.params().items():
        words += [f"--{name[: -len('_id')]}", value]
    return " ".join(shell_word(word) for word in words)


def _page_json(page: ModelPage) -> dict[str, Any]:
    cursor = page.next_cursor()
    return {
        "data": list(page.data),
        "first_id": page.first_id,
        "last_id": page.last_id,
        "has_more": page.has_more,
        "next_page": None if cursor is None else cursor.params(),
    }


def _list(args: argparse.Namespace) -> int:
    stages = _stages(args)
    filtered = args.line is not None or args.capability is not None
    if filtered and (args.after or args.before):
        raise CommandError(
            "--line and --capability search the whole catalogue: drop --after/--before"
        )
    with _client(args) as client:
        if filtered:
            found = client.find_models(line=args.line, capability=args.capability, lifecycle=stages)
            _print_models(found, args.json)
        elif args.all:
            models = client.iter_models(
                limit=args.limit,
                after_id=args.after,
                before_id=args.before,
                lifecycle=stages,
            )
            _print_models(models, args.json)
        else:
            page = client.list_models(
                limit=args.limit,
                after_id=args.after,
                before_id=args.before,
                lifecycle=stages,
            )
            if args.json:
                _print_json(_page_json(page))
            else:
                _say(table(page.data))
                cursor = page.next_cursor()
                if cursor is not None:
                    _say(f"(more: {_next_command(args, stages, cursor)})")
    return 0


def _get(args: argparse.Namespace) -> int:
    with _client(args) as client:
        model = client.retrieve(args.model_id)
    if args.json:
        _print_json(model)
    else:
        _say(table([model]))
    return 0


def _check(args: argparse.Namespace) -> int:
    missing = 0
    with _client(args) as client:
        for model_id in args.models:
            try:
                model = client.require_model(model_id)
            except ModelUnavailableError as exc:
                missing += 1
                _say(f"{model_id}: unavailable ({exc.reason})")
            else:
                _say(f"{model_id}: ok ({model.id}, {stage(model)})")
    return 1 if missing else 0


def _latest(args: argparse.Namespace) -> int:
    with _client(args) as client:
        model = client.latest(args.line)
    if model is None:
        _complain(f"no active model{f' of line {args.line!r}' if args.line else ''}")
        return 1
    if args.json:
        _print_json(model)
    else:
        _say(model.id)
    return 0


def _diff(args: argparse.Namespace) -> int:
    if args.live and args.new is not None:
        raise CommandError("give NEW.json or --live, not both")
    if not args.live and args.new is None:
        raise CommandError("diff needs NEW.json or --live")
    if args.lifecycle and not args.live:
        raise CommandError("--lifecycle chooses the live view: use it with --live")
    if args.old == "-" and args.new == "-":
        raise CommandError("only one snapshot can be read from standard input")
    stdin = getattr(sys.stdin, "buffer", None)
    old = load_snapshot(args.old, stdin)
    if args.live:
        with _client(args) as client:
            new = list(client.iter_models(limit=_PAGE_MAX, lifecycle=_stages(args)))
    else:
        new = load_snapshot(args.new, stdin)
    result = diff_snapshots(old, new)
    if args.json:
        _print_json(result.as_dict())
    else:
        _say(result.report())
    return 1 if result.breaking else 0


def _spec(args: argparse.Namespace) -> int:
    from anthropic_models_generated import manifest
    from anthropic_models_generated.spec import SPEC

    _say(f"{SPEC['info']['title']} {SPEC['info']['version']} (OpenAPI {SPEC['openapi']})")
    _say(f"spec sha256 {manifest.SPEC_SHA256}")
    for operation in transport.OPERATIONS.values():
        params = ", ".join(operation.path_params + operation.query_params)
        _say(f"  {operation.method} {operation.path}  [{operation.operation_id}]  {params}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from anthropic_models.server.cli import run_serve

    return run_serve(args)


def _configure_serve(parser: argparse.ArgumentParser) -> None:
    from anthropic_models.server.cli import configure_serve_parser

    configure_serve_parser(parser)


def _conformance(args: argparse.Namespace) -> int:
    from anthropic_models.conformance.cli import run_conformance_command

    return run_conformance_command(args)


def _configure_conformance(parser: argparse.ArgumentParser) -> None:
    from anthropic_models.conformance.cli import configure_conformance_parser

    configure_conformance_parser(parser)


def _demo(args: argparse.Namespace) -> int:
    from anthropic_models.demo import run_demo

    return run_demo()


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a bad argument on one line, and that adds the options
    of a subcommand (``serve``, ``conformance``) only when that subcommand is used."""

    def __init__(
        self,
        *args: Any,
        configure: Optional[Callable[[argparse.ArgumentParser], None]] = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._configure = configure

    def parse_known_args(  # type: ignore[override]
        self, args: Optional[Sequence[str]] = None, namespace: Optional[argparse.Namespace] = None
    ) -> tuple[argparse.Namespace, list[str]]:
        configure, self._configure = self._configure, None
        if configure is not None:
            configure(self)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        _complain(f"{self.prog}: error: {message} (see {self.prog} --help)")
        self.exit(2)


def _client_options() -> _Parser:
    common = _Parser(add_help=False)
    group = common.add_argument_group("connection")
    group.add_argument(
        "--base-url",
        type=_base_url,
        help="API base URL (default: $ANTHROPIC_BASE_URL or the Anthropic API)",
    )
    group.add_argument(
        "--api-key",
        type=_api_key,
        help="API key (default: $ANTHROPIC_API_KEY); prefer the variable, argv is visible to others",
    )
    group.add_argument(
        "--workspace-id",
        type=_workspace,
        metavar="ID",
        help="the Workspace to act in, for credentials that can act on several",
    )
    group.add_argument(
        "--proxy",
        type=_proxy,
        metavar="URL",
        help="HTTP(S) proxy, credentials allowed in the URL and never shown (default: "
        "$HTTPS_PROXY, $HTTP_PROXY, $ALL_PROXY, honouring $NO_PROXY)",
    )
    group.add_argument(
        "--ca-certs",
        metavar="FILE",
        help="PEM file of the certificates to trust (default: $SSL_CERT_FILE, $SSL_CERT_DIR, "
        "else the system's)",
    )
    group.add_argument(
        "--timeout", type=_timeout, help="seconds to connect and to read (default: 5 and 60)"
    )
    group.add_argument(
        "--max-retries", type=_retries, default=2, help="retries of transient failures (default 2)"
    )
    group.add_argument(
        "--validate",
        action="store_true",
        help="check responses against the spec (needs openapi-core)",
    )
    return common


def _add_lifecycle(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--lifecycle",
        action="append",
        choices=[*_STAGES, _ALL_STAGES],
        metavar="STAGE",
        help=f"{what}: {', '.join(_STAGES)}, or {_ALL_STAGES}; repeat for several (default: the "
        "server's view, which leaves retired models out); sent to the server",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = _Parser(
        prog="anthropic-models",
        description="Client, reference server and conformance kit for the Anthropic Models API.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = _client_options()

    def command(
        name: str,
        handler: Handler,
        help: str,
        client: bool = True,
        configure: Optional[Callable[[argparse.ArgumentParser], None]] = None,
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help,
            description=help,
            parents=[common] if client else [],
            configure=configure,
        )
        sub.set_defaults(handler=handler)
        return sub

    listing = command("list", _list, "list models (one page, or --all)")
    listing.add_argument(
        "--json",
        action="store_true",
        help="print JSON: one page with has_more and next_page, or with --all an array of models",
    )
    listing.add_argument(
        "--limit",
        type=_page_size,
        metavar="N",
        help=f"models per page ({_PAGE_MIN}-{_PAGE_MAX}; the server's default is {_LIMIT.default})",
    )
    direction = listing.add_mutually_exclusive_group()
    direction.add_argument(
        "--after", type=_model_id, metavar="ID", help="start after this model id"
    )
    direction.add_argument(
        "--before", type=_model_id, metavar="ID", help="the page before this model id"
    )
    listing.add_argument("--all", action="store_true", help="walk every page")
    _add_lifecycle(listing, "only models at this stage")
    listing.add_argument("--line", type=_line, help="only this model line (implies --all)")
    listing.add_argument(
        "--capability",
        type=_capability,
        help="only models supporting it, e.g. batch, effort.high (implies --all)",
    )

    get = command("get", _get, "show one model by id or alias")
    get.add_argument("model_id", metavar="MODEL_ID", type=_model_id)
    get.add_argument("--json", action="store_true", help="print JSON")

    check = command("check", _check, "exit 0 if every model is available, 1 if any is not")
    check.add_argument("models", metavar="MODEL_ID", nargs="+", type=_model_id)

    latest = command("latest", _latest, "the newest active model, of one line if given")
    latest.add_argument("--line", type=_line, help="model line, e.g. sonnet")
    latest.add_argument("--json", action="store_true", help="print JSON")

    diff = command(
        "diff",
        _diff,
        "compare catalogue snapshots; exit 1 if a model was removed or newly deprecated",
    )
    diff.add_argument(
        "old",
        metavar="OLD.json",
        help=f"a snapshot written by `list --all --json` (- for stdin; at most "
        f"{MAX_SNAPSHOT_BYTES // 2**20} MiB)",
    )
    diff.add_argument("new", metavar="NEW.json", nargs="?", help="a newer snapshot (- for stdin)")
    diff.add_argument("--live", action="store_true", help="compare with the live catalogue instead")
    _add_lifecycle(diff, "with --live, the stages to compare")
    diff.add_argument("--json", action="store_true", help="print the differences as JSON")

    command("serve", _serve, "run the reference server", client=False, configure=_configure_serve)
    command(
        "conformance",
        _conformance,
        "test an implementation of the API against the spec",
        client=False,
        configure=_configure_conformance,
    )
    command(
        "demo",
        _demo,
        "start the reference server in-process and show the client against it",
        client=False,
    )
    command("spec", _spec, "show the operations of the embedded spec and its hash", client=False)
    return parser


def _discard_stdout(stream: TextIO) -> None:
    """Point the process's stdout at /dev/null, so that the interpreter's last flush of what
    is still buffered cannot fail again and print a traceback-like message at exit."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _run(argv: Optional[Sequence[str]]) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a bad argument (already reported)
        return exc.code if isinstance(exc.code, int) else 2
    handler: Handler = args.handler
    try:
        return handler(args)
    except (AnthropicModelsError, CommandError) as exc:
        _complain(f"anthropic-models: error: {exc}")
        return 2
    except KeyboardInterrupt:
        _complain("anthropic-models: interrupted")
        return 130


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status (see the module docstring)."""
    real_stdout = sys.stdout
    sys.stdout = out = _Stdout(real_stdout)
    try:
        status = _run(argv)
        out.flush()
    except OutputError as exc:
        _discard_stdout(real_stdout)
        if exc.errno == errno.EPIPE:
            return EXIT_BROKEN_PIPE
        _complain(f"anthropic-models: error: cannot write the output: {exc}")
        return 2
    finally:
        sys.stdout = real_stdout
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
