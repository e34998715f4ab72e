"""The ``anthropic-models`` command line (also ``python -m anthropic_models``).

Commands: ``list``, ``get``, ``check``, ``latest``, ``diff`` (client); ``serve`` (the reference
server); ``conformance`` (the kit); ``demo`` (client and server, no key, no network); ``spec``.

Exit status: 0 success; 1 a negative answer (``check``: a model unavailable; ``latest``: none;
``diff``: a model removed or newly deprecated); 2 an error, printed as one line on stderr, never
a traceback and never the key.

>>> from anthropic_models.cli import build_parser
>>> build_parser().parse_args(["check", "claude-x"]).models
['claude-x']
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from anthropic_models import _codec
from anthropic_models._argtypes import number, whole_number
from anthropic_models._format import table
from anthropic_models._version import __version__
from anthropic_models.client import ModelsClient
from anthropic_models.conformance.cli import configure_conformance_parser, run_conformance_command
from anthropic_models.errors import (
    AnthropicModelsError,
    ModelUnavailableError,
    ResponseValidationError,
)
from anthropic_models.server.cli import configure_serve_parser, run_serve
from anthropic_models.snapshot import SnapshotDiff, diff_snapshots
from anthropic_models_generated.models import ModelInfo

__all__ = ["build_parser", "main"]

Handler = Callable[[argparse.Namespace], int]


_timeout = number(0, 3600, "seconds from 0 to 3600", above_low=True)
_retries = whole_number(0, 100, "a number of retries from 0 to 100")


class CommandError(Exception):
    """A failure to report on one line with exit status 2."""


def _client(args: argparse.Namespace) -> ModelsClient:
    options: dict[str, Any] = {"timeout": args.timeout} if args.timeout is not None else {}
    return ModelsClient(
        api_key=args.api_key,
        base_url=args.base_url,
        max_retries=args.max_retries,
        validate=args.validate,
        **options,
    )


def _dump(data: Any) -> str:
    return json.dumps(_codec.unstructure(data), indent=2, ensure_ascii=False)


def _list(args: argparse.Namespace) -> int:
    filters = {"line": args.line, "capability": args.capability, "lifecycle": args.lifecycle}
    filtered = any(value is not None for value in filters.values())
    if filtered and (args.after or args.before):
        raise CommandError(
            "--line, --capability and --lifecycle search the whole catalogue: drop --after/--before"
        )
    hint = None
    with _client(args) as client:
        if filtered:
            models = client.find_models(**filters)
        elif args.all:
            models = list(
                client.iter_models(limit=args.limit, after_id=args.after, before_id=args.before)
            )
        else:
            page = client.list_models(limit=args.limit, after_id=args.after, before_id=args.before)
            models = list(page.data)
            cursor = page.next_cursor()
            if cursor is not None:
                hint = " ".join(
                    f"--{name[: -len('_id')]} {value}" for name, value in cursor.params().items()
                )
    if args.json:
        print(_dump(models))
        return 0
    print(table(models))
    if hint:
        print(f"(more: anthropic-models list {hint})")
    return 0


def _get(args: argparse.Namespace) -> int:
    with _client(args) as client:
        model = client.retrieve(args.model_id)
    print(_dump(model) if args.json else table([model]))
    return 0


def _check(args: argparse.Namespace) -> int:
    missing = 0
    with _client(args) as client:
        for model_id in args.models:
            try:
                model = client.require_model(model_id)
            except ModelUnavailableError as exc:
                missing += 1
                print(f"{model_id}: unavailable ({exc.reason})")
            else:
                state = model.lifecycle.value if model.lifecycle else "available"
                print(f"{model_id}: ok ({model.id}, {state})")
    return 1 if missing else 0


def _latest(args: argparse.Namespace) -> int:
    with _client(args) as client:
        model = client.latest(args.line)
    if model is None:
        print(f"no active model{f' of line {args.line!r}' if args.line else ''}", file=sys.stderr)
        return 1
    print(_dump(model) if args.json else model.id)
    return 0


def _load_snapshot(path: str) -> list[ModelInfo]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise CommandError(f"{path} is not JSON: {exc}") from None
    if isinstance(data, dict) and "data" in data:
        data = data["data"]
    if not isinstance(data, list):
        raise CommandError(
            f"{path}: expected a JSON array of models (as `list --all --json` writes)"
        )
    try:
        return [_codec.structure(item, ModelInfo) for item in data]
    except ResponseValidationError as exc:
        raise CommandError(f"{path}: {exc}") from None


def _diff(args: argparse.Namespace) -> int:
    old = _load_snapshot(args.old)
    if args.live:
        with _client(args) as client:
            new = list(client.iter_models(limit=1000))
    elif args.new:
        new = _load_snapshot(args.new)
    else:
        raise CommandError("diff needs NEW.json or --live")
    result: SnapshotDiff = diff_snapshots(old, new)
    print(_dump(result.as_dict()) if args.json else result.report())
    return 1 if result.breaking else 0


def _spec(args: argparse.Namespace) -> int:
    from anthropic_models_generated import manifest, transport
    from anthropic_models_generated.spec import SPEC

    print(f"{SPEC['info']['title']} {SPEC['info']['version']} (OpenAPI {SPEC['openapi']})")
    print(f"spec sha256 {manifest.SPEC_SHA256}")
    for operation in transport.OPERATIONS.values():
        params = ", ".join(operation.path_params + operation.query_params)
        print(f"  {operation.method} {operation.path}  [{operation.operation_id}]  {params}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    return run_serve(args)


def _conformance(args: argparse.Namespace) -> int:
    return run_conformance_command(args)


def _demo(args: argparse.Namespace) -> int:
    from anthropic_models.demo import run_demo

    return run_demo()


def _client_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("connection")
    group.add_argument(
        "--base-url", help="API base URL (default: $ANTHROPIC_BASE_URL or the Anthropic API)"
    )
    group.add_argument(
        "--api-key",
        help="API key (default: $ANTHROPIC_API_KEY); prefer the variable, argv is visible to others",
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="anthropic-models",
        description="Client, reference server and conformance kit for the Anthropic Models API.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = _client_options()

    def command(
        name: str, handler: Handler, help: str, client: bool = True
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=help, description=help, parents=[common] if client else []
        )
        sub.set_defaults(handler=handler)
        return sub

    listing = command("list", _list, "list models (one page, or --all)")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.add_argument("--limit", type=int, help="models per page (1-1000)")
    direction = listing.add_mutually_exclusive_group()
    direction.add_argument("--after", metavar="ID", help="start after this model id")
    direction.add_argument("--before", metavar="ID", help="the page before this model id")
    listing.add_argument("--all", action="store_true", help="walk every page")
    listing.add_argument("--line", help="only this model line (implies --all)")
    listing.add_argument(
        "--capability", help="only models supporting it, e.g. batch, effort.high (implies --all)"
    )
    listing.add_argument(
        "--lifecycle",
        choices=["active", "deprecated", "retired"],
        help="only this lifecycle (implies --all)",
    )

    get = command("get", _get, "show one model by id or alias")
    get.add_argument("model_id", metavar="MODEL_ID")
    get.add_argument("--json", action="store_true", help="print JSON")

    check = command("check", _check, "exit 0 if every model is available, 1 if any is not")
    check.add_argument("models", metavar="MODEL_ID", nargs="+")

    latest = command("latest", _latest, "the newest active model, of one line if given")
    latest.add_argument("--line", help="model line, e.g. sonnet")
    latest.add_argument("--json", action="store_true", help="print JSON")

    diff = command(
        "diff",
        _diff,
        "compare catalogue snapshots; exit 1 if a model was removed or newly deprecated",
    )
    diff.add_argument("old", metavar="OLD.json", help="a snapshot written by `list --all --json`")
    diff.add_argument("new", metavar="NEW.json", nargs="?", help="a newer snapshot")
    diff.add_argument("--live", action="store_true", help="compare with the live catalogue instead")
    diff.add_argument("--json", action="store_true", help="print the differences as JSON")

    serve = command("serve", _serve, "run the reference server", client=False)
    configure_serve_parser(serve)

    conformance = command(
        "conformance",
        _conformance,
        "test an implementation of the API against the spec",
        client=False,
    )
    configure_conformance_parser(conformance)

    command(
        "demo",
        _demo,
        "start the reference server in-process and show the client against it",
        client=False,
    )
    command("spec", _spec, "show the operations of the embedded spec and its hash", client=False)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except (AnthropicModelsError, CommandError) as exc:
        print(f"anthropic-models: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("anthropic-models: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
