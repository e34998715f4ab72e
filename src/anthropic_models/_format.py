"""Output for the command line and the demo: tables, terminal-safe text, JSON, shell words.

Standard library only at import (the codec is loaded by the functions that turn models into
text): the command line's ``--help`` and its one-line errors escape text with this module.
"""

from __future__ import annotations

import json
import re
import shlex
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

if TYPE_CHECKING:
    from anthropic_models_generated.models import ModelInfo


def stage(model: ModelInfo) -> str:
    """The model's lifecycle as text: a known stage, or a newer one the spec does not list yet."""
    from anthropic_models._codec import enum_value

    return enum_value(model.lifecycle)


def _escape_char(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape_controls(text: str, keep: str = "") -> str:
    r"""``text`` with every character that is not printable (``str.isprintable``) written as an
    escape (``\x1b``, ``\u202e``), except those in ``keep``: control characters, format
    characters (bidirectional overrides, zero-width ones), separators other than the space, and
    lone surrogates. What a server sends then cannot move the cursor, retitle or clear the
    terminal, or hide text. Printable text, non-ASCII included, is left as it is.

    >>> escape_controls("claude\x1b]0;title\x07\x1b[2J")
    'claude\\x1b]0;title\\x07\\x1b[2J'
    >>> escape_controls("Claude Opus 4.5 — été\u202e")
    'Claude Opus 4.5 — été\\u202e'
    """
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() or char in keep else _escape_char(char) for char in text
    )


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


_NOT_PRINTABLE = re.compile(r"[^\n -~]")


def json_text(data: Any, *, ascii_only: bool = False) -> str:
    r"""``data`` (models, pages, plain values) as indented JSON, exact, and safe in a terminal.

    Every character that is not printable is written as a JSON ``\\u`` escape (JSON strings
    cannot hold a raw newline, so each newline is indentation): the value is unchanged for a JSON
    reader. With ``ascii_only`` every non-ASCII character is escaped too (for an ASCII terminal).

    >>> print(json_text({"id": "a\x1bb\x85", "name": "é"}))
    {
      "id": "a\u001bb\u0085",
      "name": "é"
    }
    """
    from anthropic_models._codec import unstructure

    text = json.dumps(unstructure(data), indent=2, ensure_ascii=ascii_only)
    if ascii_only or text.replace("\n", "").isprintable():
        return text

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return char if char.isprintable() else _json_escape(char)

    return _NOT_PRINTABLE.sub(escape, text)


def write_json_array(
    items: Iterable[Any], write: Callable[[str], object], *, ascii_only: bool = False
) -> None:
    r"""Write ``items`` as one indented JSON array, each item as soon as it is produced.

    The text is what :func:`json_text` gives for the whole list, but memory stays that of one
    item: ``list --all --json`` streams a catalogue of any size.

    >>> import io
    >>> out = io.StringIO()
    >>> write_json_array(iter([{"id": "a"}, {"id": "b"}]), out.write)
    >>> out.getvalue() == json_text([{"id": "a"}, {"id": "b"}]) + "\n"
    True
    """
    separator = "[\n  "
    for item in items:
        write(separator + json_text(item, ascii_only=ascii_only).replace("\n", "\n  "))
        separator = ",\n  "
    write("[]\n" if separator.startswith("[") else "\n]\n")


def shell_word(text: str) -> str:
    r"""``text`` quoted for a POSIX shell; text that is not printable in bash's ``$'...'`` form.

    >>> print(shell_word("claude-opus-4-6"), shell_word("it's"), shell_word("a\x1b[2J"))
    claude-opus-4-6 'it'"'"'s' $'a\x1b[2J'
    """
    if text.isprintable():
        return shlex.quote(text)
    out = []
    for char in text:
        if char in "'\\":
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        elif ord(char) < 0x80:
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(_escape_char(char) if ord(char) > 0xFF else f"\\u{ord(char):04x}")
    return "$'" + "".join(out) + "'"


def table(models: Sequence[ModelInfo]) -> str:
    r"""Models as aligned columns: id, name, release date, lifecycle, line (text escaped).

    >>> from datetime import datetime, timezone
    >>> from anthropic_models_generated.models import Lifecycle, ModelInfo
    >>> evil = ModelInfo(id="x\x1b[2J", type="model", display_name="X",
    ...                  created_at=datetime(2025, 1, 1, tzinfo=timezone.utc),
    ...                  lifecycle=Lifecycle.active)
    >>> print(table([evil]))
    ID        NAME  RELEASED    LIFECYCLE  LINE
    x\x1b[2J  X     2025-01-01  active     -
    """
    rows = [("ID", "NAME", "RELEASED", "LIFECYCLE", "LINE")]
    rows += [
        (
            escape_controls(m.id),
            escape_controls(m.display_name),
            m.created_at.date().isoformat(),
            escape_controls(stage(m)),
            escape_controls(m.line) if m.line else "-",
        )
        for m in models
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows
    )
