"""The command line's terminal layer: standard output that reports a failed write as an error,
one-line complaints on stderr, and the failures a command reports with exit status 2.

Standard library only: ``--help`` and argument errors go through here.

>>> import io
>>> raw = io.StringIO()
>>> Stdout(raw).write("ok\\n"), raw.getvalue()
(3, 'ok\\n')
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
from typing import Optional, TextIO

from anthropic_models._format import escape_controls

__all__ = ["CommandError", "OutputError", "Stdout", "complain", "discard_stdout", "say", "stdout"]


class CommandError(Exception):
    """A failure to report on one line with exit status 2."""


class OutputError(Exception):
    """Standard output cannot be written (the reader went away, the disk is full)."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(cause.strerror or str(cause))
        self.errno = cause.errno


class Stdout(io.TextIOBase):
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


def stdout() -> Stdout:
    """The current standard output, wrapped (once) as a :class:`Stdout`."""
    out = sys.stdout
    return out if isinstance(out, Stdout) else Stdout(out)


def say(line: str = "") -> None:
    """One line of text output, escaped for the terminal."""
    print(escape_controls(line, keep="\n"), file=stdout())


def complain(line: str) -> None:
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


def discard_stdout(stream: TextIO) -> None:
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
