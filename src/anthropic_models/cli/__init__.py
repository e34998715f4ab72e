"""The ``anthropic-models`` command line (also ``python -m anthropic_models``).

Commands: ``list``, ``get``, ``check``, ``latest``, ``diff`` (client); ``serve`` (the reference
server); ``conformance`` (the kit); ``demo`` (client and server, no key, no network); ``spec``.
Each command loads only what it uses: ``list`` imports neither the server nor the kit, and
``--help`` or a bad argument loads neither urllib3 nor attrs (except that ``list`` and ``diff``
still read their spec-derived options from the generated transport). The package: ``_parser`` (the
commands and their options), ``_terminal`` (output and one-line errors), ``_commands`` and
``_spec`` (the handlers).

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
import errno
import importlib
import sys
from typing import Callable, Optional, Sequence, Union, cast

from anthropic_models.cli._parser import build_parser
from anthropic_models.cli._terminal import (
    CommandError,
    OutputError,
    Stdout,
    complain,
    discard_stdout,
)
from anthropic_models.errors import AnthropicModelsError

__all__ = ["EXIT_BROKEN_PIPE", "CommandError", "build_parser", "main"]

Handler = Callable[[argparse.Namespace], int]

EXIT_BROKEN_PIPE = 141
"""The reader of stdout went away: 128 + SIGPIPE, as a shell reports it for a Unix tool."""


def _handler(where: Union[str, Handler]) -> Handler:
    """The handler named ``module:function``, imported now that its command runs (or the
    handler itself, set by a command's own parser: ``serve``, ``conformance``)."""
    if not isinstance(where, str):
        return where
    module, _, name = where.partition(":")
    return cast(Handler, getattr(importlib.import_module(module), name))


def _run(argv: Optional[Sequence[str]]) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a bad argument (already reported)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return _handler(args.handler)(args)
    except (AnthropicModelsError, CommandError) as exc:
        complain(f"anthropic-models: error: {exc}")
        return 2
    except KeyboardInterrupt:
        complain("anthropic-models: interrupted")
        return 130


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status (see the module docstring)."""
    real_stdout = sys.stdout
    sys.stdout = out = Stdout(real_stdout)
    try:
        status = _run(argv)
        out.flush()
    except OutputError as exc:
        discard_stdout(real_stdout)
        if exc.errno == errno.EPIPE:
            return EXIT_BROKEN_PIPE
        complain(f"anthropic-models: error: cannot write the output: {exc}")
        return 2
    finally:
        sys.stdout = real_stdout
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
