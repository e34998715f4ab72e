"""The command line's argument parser: every command, its options, and where its handler lives.

Building the parser imports nothing beyond the standard library: a command's options are added
only when that command is parsed (``configure``), so ``--help`` and an argument error load neither
urllib3, attrs nor the generated models; only ``list`` and ``diff`` read the spec's parameters
(from the generated transport, see :func:`add_list_options`). Each command names its handler as
``module:function``, imported only when the command runs.

>>> args = build_parser().parse_args(["get", "claude-x", "--json"])
>>> args.model_id, args.json, args.handler
('claude-x', True, 'anthropic_models.cli._commands:get')
"""

from __future__ import annotations

import argparse
from typing import Any, Callable, NoReturn, Optional, Sequence

from anthropic_models._argtypes import number, text, whole_number
from anthropic_models._version import __version__
from anthropic_models.cli._terminal import complain

__all__ = ["ALL_STAGES", "add_list_options", "build_parser"]

Configure = Callable[[argparse.ArgumentParser], None]

ALL_STAGES = "all"
"""The ``--lifecycle`` value that stands for every stage of the spec."""

_COMMANDS = "anthropic_models.cli._commands"

_timeout = number(0, 3600, "seconds from 0 to 3600", above_low=True)
_retries = whole_number(0, 100, "a number of retries from 0 to 100")
_model_id = text("a model id")
_line = text("a model line")
_capability = text("a capability name")
_workspace = text("a workspace id")
_base_url = text("a base URL")
_api_key = text("an API key", secret=True)
_proxy = text("a proxy URL", secret=True)


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a bad argument on one line, and that adds the options
    of a subcommand only when that subcommand is used."""

    def __init__(self, *args: Any, configure: Optional[Configure] = None, **kwargs: Any) -> None:
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
        complain(f"{self.prog}: error: {message} (see {self.prog} --help)")
        self.exit(2)


def add_client_options(parser: argparse.ArgumentParser) -> None:
    """The connection options of every command that talks to the API."""
    group = parser.add_argument_group("connection")
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


def add_list_options(
    parser: argparse.ArgumentParser, *, only: Optional[Sequence[str]] = None
) -> None:
    """The options of ``list`` from the spec's parameters of the list operation: one
    ``--kebab-case`` option each (``--after``/``--before`` also name the cursors), checked by the
    parameter's metadata; ``--lifecycle`` also takes ``all``. The workspace is a connection option.
    """
    from anthropic_models._cli_params import add_parameter_options
    from anthropic_models_generated.operations import LIST_MODELS

    add_parameter_options(
        parser,
        LIST_MODELS,
        skip={"workspace_id"},
        only=only,
        extra_choices={ALL_STAGES},
        aliases={"after_id": "--after", "before_id": "--before"},
    )


def _configure_list(parser: argparse.ArgumentParser) -> None:
    add_client_options(parser)
    parser.add_argument(
        "--json",
        action="store_true",
        help="print JSON: one page with has_more and next_page, or with --all an array of models",
    )
    add_list_options(parser)
    parser.add_argument("--all", action="store_true", help="walk every page")
    parser.add_argument("--line", type=_line, help="only this model line (implies --all)")
    parser.add_argument(
        "--capability",
        type=_capability,
        help="only models supporting it, e.g. batch, effort.high (implies --all)",
    )


def _configure_get(parser: argparse.ArgumentParser) -> None:
    add_client_options(parser)
    parser.add_argument("model_id", metavar="MODEL_ID", type=_model_id)
    parser.add_argument("--json", action="store_true", help="print JSON")


def _configure_check(parser: argparse.ArgumentParser) -> None:
    add_client_options(parser)
    parser.add_argument("models", metavar="MODEL_ID", nargs="+", type=_model_id)


def _configure_latest(parser: argparse.ArgumentParser) -> None:
    add_client_options(parser)
    parser.add_argument("--line", type=_line, help="model line, e.g. sonnet")
    parser.add_argument("--json", action="store_true", help="print JSON")


def _configure_diff(parser: argparse.ArgumentParser) -> None:
    from anthropic_models.snapshot import MAX_SNAPSHOT_BYTES

    add_client_options(parser)
    parser.add_argument(
        "old",
        metavar="OLD.json",
        help=f"a snapshot written by `list --all --json` (- for stdin; at most "
        f"{MAX_SNAPSHOT_BYTES // 2**20} MiB)",
    )
    parser.add_argument("new", metavar="NEW.json", nargs="?", help="a newer snapshot (- for stdin)")
    parser.add_argument(
        "--live", action="store_true", help="compare with the live catalogue instead"
    )
    add_list_options(parser, only=["lifecycle"])  # with --live, the stages to compare
    parser.add_argument("--json", action="store_true", help="print the differences as JSON")


def _configure_serve(parser: argparse.ArgumentParser) -> None:
    from anthropic_models.server.cli import configure_serve_parser

    configure_serve_parser(parser)


def _configure_conformance(parser: argparse.ArgumentParser) -> None:
    from anthropic_models.conformance.cli import configure_conformance_parser

    configure_conformance_parser(parser)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = _Parser(
        prog="anthropic-models",
        description="Client, reference server and conformance kit for the Anthropic Models API.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, handler: str, help: str, configure: Optional[Configure]) -> None:
        sub = commands.add_parser(name, help=help, description=help, configure=configure)
        sub.set_defaults(handler=handler)

    command("list", f"{_COMMANDS}:list_", "list models (one page, or --all)", _configure_list)
    command("get", f"{_COMMANDS}:get", "show one model by id or alias", _configure_get)
    command(
        "check",
        f"{_COMMANDS}:check",
        "exit 0 if every model is available, 1 if any is not",
        _configure_check,
    )
    command(
        "latest",
        f"{_COMMANDS}:latest",
        "the newest active model, of one line if given",
        _configure_latest,
    )
    command(
        "diff",
        f"{_COMMANDS}:diff",
        "compare catalogue snapshots; exit 1 if a model was removed or newly deprecated",
        _configure_diff,
    )
    command(
        "serve",
        "anthropic_models.server.cli:run_serve",
        "run the reference server",
        _configure_serve,
    )
    command(
        "conformance",
        "anthropic_models.conformance.cli:run_conformance_command",
        "test an implementation of the API against the spec",
        _configure_conformance,
    )
    command(
        "demo",
        f"{_COMMANDS}:demo",
        "start the reference server in-process and show the client against it",
        None,
    )
    command(
        "spec",
        "anthropic_models.cli._spec:spec",
        "show the operations of the embedded spec and its hash",
        None,
    )
    return parser
