"""``python -m anthropic_models.server``: the reference server in the foreground."""

from __future__ import annotations

import argparse
import sys

from anthropic_models.server.cli import configure_serve_parser, run_serve


def main() -> int:
    """Parse the serve options and serve until SIGINT or SIGTERM."""
    parser = argparse.ArgumentParser(
        prog="python -m anthropic_models.server",
        description="Run the reference server of the Models API.",
    )
    configure_serve_parser(parser)
    return run_serve(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
