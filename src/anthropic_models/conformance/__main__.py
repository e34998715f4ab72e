"""``python -m anthropic_models.conformance BASE_URL ...``: the conformance kit on its own."""

from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from anthropic_models.conformance.cli import configure_conformance_parser, run_conformance_command


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Parse the conformance options and run the kit; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m anthropic_models.conformance",
        description="Test an implementation of the Models API against openapi.yaml.",
    )
    configure_conformance_parser(parser)
    return run_conformance_command(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
