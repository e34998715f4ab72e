"""The handlers of the client commands (``list``, ``get``, ``check``, ``latest``, ``diff``) and
``demo``: each takes the parsed arguments and returns the exit status.

>>> from anthropic_models.cli._parser import build_parser
>>> selected(build_parser().parse_args(["list", "--lifecycle", "all"])) == list(STAGES)
True
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Iterable, Optional

from anthropic_models._cli_params import given, words
from anthropic_models._format import json_text, shell_word, stage, table, write_json_array
from anthropic_models.cli._parser import ALL_STAGES
from anthropic_models.cli._terminal import CommandError, complain, say, stdout
from anthropic_models.client import PAGE_SIZE_MAX, ModelsClient
from anthropic_models.errors import ModelUnavailableError
from anthropic_models.pagination import Cursor, ModelPage
from anthropic_models.snapshot import diff_snapshots, load_snapshot
from anthropic_models_generated import transport
from anthropic_models_generated.models import ModelInfo

__all__ = ["check", "demo", "diff", "get", "latest", "list_", "selected"]

_LIFECYCLE = transport.LIST_MODELS.parameter("lifecycle")
STAGES = _LIFECYCLE.enum or ()


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


def selected(args: argparse.Namespace) -> Optional[list[str]]:
    """The ``--lifecycle`` stages in the spec's order; None for the server's default view.

    ``all`` is every stage the spec lists, when one request may name them all (its maxItems).
    """
    chosen = args.lifecycle
    if not chosen:
        return None
    stages = [name for name in STAGES if name in chosen or ALL_STAGES in chosen]
    high = _LIFECYCLE.max_items
    if ALL_STAGES in chosen and high is not None and len(stages) > high:
        raise CommandError(
            f"--lifecycle {ALL_STAGES} is {len(stages)} stages, and the spec allows {high} per "
            "request: name the stages you want"
        )
    return stages


def _print_json(data: Any) -> None:
    out = stdout()
    out.write(json_text(data, ascii_only=not out.unicode) + "\n")


def _print_models(models: Iterable[ModelInfo], as_json: bool) -> None:
    """Models as a table, or as a JSON array written model by model (memory flat in size)."""
    if as_json:
        out = stdout()
        write_json_array(models, out.write, ascii_only=not out.unicode)
    else:
        say(table(list(models)))


def _next_command(args: argparse.Namespace, arguments: dict[str, Any], cursor: Cursor) -> str:
    """The command that lists the next page: same connection, parameters and filter."""
    command = ["anthropic-models", "list"]
    if args.base_url is not None:
        command += ["--base-url", args.base_url]
    if args.workspace_id is not None:
        command += ["--workspace-id", args.workspace_id]
    rest = {k: v for k, v in arguments.items() if k not in ("after_id", "before_id")}
    command += words(args, rest) + words(args, cursor.params())
    return " ".join(shell_word(word) for word in command)


def _page_json(page: ModelPage) -> dict[str, Any]:
    cursor = page.next_cursor()
    return {
        "data": list(page.data),
        "first_id": page.first_id,
        "last_id": page.last_id,
        "has_more": page.has_more,
        "next_page": None if cursor is None else cursor.params(),
    }


def list_(args: argparse.Namespace) -> int:
    """One page, every page (``--all``), or a search; every spec parameter given is sent."""
    arguments = given(args)
    stages = selected(args)
    if stages is not None:
        arguments["lifecycle"] = stages
    filtered = args.line is not None or args.capability is not None
    if filtered and (args.after_id or args.before_id):
        raise CommandError(
            "--line and --capability search the whole catalogue: drop --after/--before"
        )
    with _client(args) as client:
        if filtered:
            found = client.find_models(line=args.line, capability=args.capability, lifecycle=stages)
            _print_models(found, args.json)
        elif args.all:
            _print_models(client.iter_models(**arguments), args.json)
        else:
            page = client.list_models(**arguments)
            if args.json:
                _print_json(_page_json(page))
            else:
                say(table(page.data))
                cursor = page.next_cursor()
                if cursor is not None:
                    say(f"(more: {_next_command(args, arguments, cursor)})")
    return 0


def get(args: argparse.Namespace) -> int:
    with _client(args) as client:
        model = client.retrieve(args.model_id)
    if args.json:
        _print_json(model)
    else:
        say(table([model]))
    return 0


def check(args: argparse.Namespace) -> int:
    missing = 0
    with _client(args) as client:
        for model_id in args.models:
            try:
                model = client.require_model(model_id)
            except ModelUnavailableError as exc:
                missing += 1
                say(f"{model_id}: unavailable ({exc.reason})")
            else:
                say(f"{model_id}: ok ({model.id}, {stage(model)})")
    return 1 if missing else 0


def latest(args: argparse.Namespace) -> int:
    with _client(args) as client:
        model = client.latest(args.line)
    if model is None:
        complain(f"no active model{f' of line {args.line!r}' if args.line else ''}")
        return 1
    if args.json:
        _print_json(model)
    else:
        say(model.id)
    return 0


def diff(args: argparse.Namespace) -> int:
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
            new = list(client.iter_models(limit=PAGE_SIZE_MAX, lifecycle=selected(args)))
    else:
        new = load_snapshot(args.new, stdin)
    result = diff_snapshots(old, new)
    if args.json:
        _print_json(result.as_dict())
    else:
        say(result.report())
    return 1 if result.breaking else 0


def demo(args: argparse.Namespace) -> int:
    from anthropic_models.demo import run_demo

    return run_demo()
