"""Plain-text tables of models for the command line and the demo."""

from __future__ import annotations

from typing import Sequence

from anthropic_models_generated.models import ModelInfo


def table(models: Sequence[ModelInfo]) -> str:
    """Models as aligned columns: id, name, release date, lifecycle, line."""
    rows = [("ID", "NAME", "RELEASED", "LIFECYCLE", "LINE")]
    rows += [
        (
            m.id,
            m.display_name,
            m.created_at.date().isoformat(),
            m.lifecycle.value if m.lifecycle else "-",
            m.line or "-",
        )
        for m in models
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows
    )
