"""The ``anthropic-models`` command line.

>>> from anthropic_models.cli import build_parser
>>> build_parser().parse_args(["spec"]).command
'spec'
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from anthropic_models import __version__

__all__ = ["build_parser", "main"]


def _spec(args: argparse.Namespace) -> int:
    from anthropic_models_generated import manifest, transport
    from anthropic_models_generated.spec import SPEC

    print(f"{SPEC['info']['title']} {SPEC['info']['version']} (OpenAPI {SPEC['openapi']})")
    print(f"spec sha256 {manifest.SPEC_SHA256}")
    for operation in transport.OPERATIONS.values():
        params = ", ".join(operation.path_params + operation.query_params)
        print(f"  {operation.method} {operation.path}  [{operation.operation_id}]  {params}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="anthropic-models",
        description="Client, reference server and conformance kit for the Models API.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    spec = commands.add_parser("spec", help="show the operations of the embedded spec and its hash")
    spec.set_defaults(handler=_spec)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    status: int = args.handler(args)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
