"""Reading a catalogue file: its bytes (bounded before they are read whole) and its document shape."""

from __future__ import annotations

import json
import os
import stat
from typing import Any, NoReturn, Optional, Union

from anthropic_models.errors import CatalogError

__all__ = ["MAX_CATALOG_BYTES", "parse_document", "read_catalogue"]

MAX_CATALOG_BYTES = 64 * 1024 * 1024
"""The largest catalogue file read (64 MiB, about 70,000 models with full capabilities)."""

_NOTE_KEY = "note"
_CHUNK = 1024 * 1024


def parse_document(data: bytes, source: str) -> tuple[list[Any], Optional[Any], str]:
    """A catalogue document's models, aliases and the JSON path of its models.

    The document is an array of models, or ``{"models": [...], "aliases": {...}, "note": "..."}``.
    """

    def refuse_constant(name: str) -> NoReturn:
        raise ValueError(f"{name} is not JSON")

    try:
        document = json.loads(data, parse_constant=refuse_constant)
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{source}: not UTF-8 text ({exc.reason})") from None
    except ValueError as exc:
        raise CatalogError(f"{source}: not JSON: {exc}") from None
    except RecursionError:
        raise CatalogError(f"{source}: not JSON: nested too deeply") from None
    if isinstance(document, list):
        return document, None, ""
    if not isinstance(document, dict):
        raise CatalogError(f"{source}: expected an array of models or an object with models")
    unknown = sorted(set(document) - {"models", "aliases", _NOTE_KEY})
    if unknown or "models" not in document:
        shown = ", ".join(json.dumps(key) for key in unknown)
        raise CatalogError(
            f'{source}: expected {{"models": [...], "aliases": {{...}}, "note": "..."}}'
            + (f", found unknown key(s) {shown}" if unknown else "")
        )
    if not isinstance(document.get(_NOTE_KEY, ""), str):
        raise CatalogError(f"{source}: {_NOTE_KEY}: expected a string")
    models = document["models"]
    if not isinstance(models, list):
        raise CatalogError(f"{source}: models: expected an array of models")
    return models, document.get("aliases"), "models"


def read_catalogue(path: Union[str, os.PathLike[str]]) -> bytes:
    """The bytes of a catalogue file, refusing early what is too large or does not start like JSON.

    A regular file's size is checked before reading; a device or a pipe is read in chunks, its
    first significant byte must open an array or an object, and it is refused once it passes the
    limit, so that ``/dev/zero`` is refused at once and an endless stream after the limit.
    """
    with open(path, "rb") as file:
        info = os.fstat(file.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_CATALOG_BYTES:
            raise CatalogError(
                f"{path}: the file has {info.st_size} bytes; a catalogue may have at most "
                f"{MAX_CATALOG_BYTES} bytes"
            )
        chunks: list[bytes] = []
        size = 0
        started = False
        while True:
            chunk = file.read(_CHUNK)
            if not chunk:
                break
            if not started:
                significant = chunk.lstrip(b" \t\r\n")
                if significant.startswith(b"\xef\xbb\xbf"):
                    significant = significant[3:].lstrip(b" \t\r\n")
                if significant:
                    started = True
                    if significant[:1] not in (b"[", b"{"):
                        raise CatalogError(
                            f"{path}: not a JSON catalogue: it must start with '[' or '{{', "
                            f"found byte 0x{significant[0]:02x}"
                        )
            size += len(chunk)
            if size > MAX_CATALOG_BYTES:
                raise CatalogError(
                    f"{path}: more than {MAX_CATALOG_BYTES} bytes; a catalogue may have at most "
                    f"{MAX_CATALOG_BYTES} bytes"
                )
            chunks.append(chunk)
        return b"".join(chunks)
