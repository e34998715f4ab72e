"""Compare a freshly generated tree with the committed one, as a readable diff."""

from __future__ import annotations

import difflib
from pathlib import Path

IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache"}


def _files(root: Path) -> dict[str, Path]:
    return {
        path.relative_to(root).as_posix(): path
        for path in sorted(root.rglob("*"))
        if path.is_file() and not IGNORED_PARTS.intersection(path.relative_to(root).parts)
    }


def compare_trees(expected: Path, actual: Path) -> str:
    """Return a unified diff from ``actual`` (committed) to ``expected`` (fresh); empty if equal."""
    fresh, committed = _files(expected), _files(actual)
    out: list[str] = []
    for name in sorted(fresh.keys() | committed.keys()):
        if name not in committed:
            out.append(f"missing from the committed tree: {name}\n")
            continue
        if name not in fresh:
            out.append(f"not produced by the generator (remove it): {name}\n")
            continue
        new, old = fresh[name].read_bytes(), committed[name].read_bytes()
        if new == old:
            continue
        try:
            old_lines = old.decode("utf-8").splitlines(keepends=True)
            new_lines = new.decode("utf-8").splitlines(keepends=True)
        except UnicodeDecodeError:
            out.append(f"binary files differ: {name}\n")
            continue
        out.extend(
            difflib.unified_diff(
                old_lines, new_lines, fromfile=f"committed/{name}", tofile=f"generated/{name}"
            )
        )
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)
