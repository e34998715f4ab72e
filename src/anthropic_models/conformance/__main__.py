"""``python -m anthropic_models.conformance BASE_URL ...``: the conformance kit on its own."""

from __future__ import annotations

import argparse
import os
import signal
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
    try:
        return run_conformance_command(parser.parse_args(argv))
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as a Unix tool killed by SIGPIPE does
        # (the status `anthropic-models conformance` gives too), and let no final flush fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 128 + signal.SIGPIPE


if __name__ == "__main__":
    sys.exit(main())
