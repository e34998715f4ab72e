"""Differences between two catalogue snapshots: the seed's "monitor deprecations" as data.

>>> from datetime import datetime, timezone
>>> from anthropic_models import ModelInfo, Lifecycle
>>> def m(id, lifecycle="active"):
...     return ModelInfo(id=id, type="model", created_at=datetime(2025, 1, 1, tzinfo=timezone.utc),
...                      display_name=id, lifecycle=Lifecycle(lifecycle))
>>> change = diff_snapshots([m("a"), m("b")], [m("b", "deprecated"), m("c")])
>>> change.added, change.removed, change.breaking
(['c'], ['a'], True)
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

import attrs

from anthropic_models._codec import format_datetime
from anthropic_models_generated.models import Lifecycle, ModelInfo

__all__ = ["SnapshotDiff", "diff_snapshots"]

_RETIRING = (Lifecycle.deprecated, Lifecycle.retired)


@attrs.frozen
class SnapshotDiff:
    """What changed from an old catalogue to a new one (ids sorted)."""

    added: list[str]
    removed: list[str]
    renamed: list[tuple[str, str, str]]
    """(id, old display name, new display name)."""
    lifecycle_changes: list[tuple[str, str, str]]
    """(id, old lifecycle, new lifecycle); "-" where a snapshot has none."""
    new_deprecation_dates: list[tuple[str, str, str]]
    """(id, field, new date): deprecated_at or retires_at newly set or moved."""

    @property
    def newly_deprecated(self) -> list[str]:
        """Models that moved to deprecated or retired, or got a deprecation date."""
        retiring = {state.value for state in _RETIRING}
        ids = {i for i, _, new in self.lifecycle_changes if new in retiring}
        ids |= {i for i, field, _ in self.new_deprecation_dates if field == "deprecated_at"}
        return sorted(ids)

    @property
    def breaking(self) -> bool:
        """True when a model was removed or newly deprecated: the cases a pipeline should stop on."""
        return bool(self.removed or self.newly_deprecated)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "added": self.added,
            "removed": self.removed,
            "renamed": [{"id": i, "old": o, "new": n} for i, o, n in self.renamed],
            "lifecycle_changes": [
                {"id": i, "old": o, "new": n} for i, o, n in self.lifecycle_changes
            ],
            "new_deprecation_dates": [
                {"id": i, "field": f, "date": d} for i, f, d in self.new_deprecation_dates
            ],
            "breaking": self.breaking,
        }

    def report(self) -> str:
        """A readable summary, one line per change."""
        lines = [f"+ added    {i}" for i in self.added]
        lines += [f"- removed  {i}" for i in self.removed]
        lines += [f"~ renamed  {i}: {o!r} -> {n!r}" for i, o, n in self.renamed]
        lines += [f"~ lifecycle {i}: {o} -> {n}" for i, o, n in self.lifecycle_changes]
        lines += [f"! {f} {i}: {d}" for i, f, d in self.new_deprecation_dates]
        if not lines:
            return "no changes"
        verdict = (
            "breaking: a model was removed or newly deprecated"
            if self.breaking
            else "no breaking change"
        )
        return "\n".join([*lines, verdict])


def _date(model: ModelInfo, field: str) -> Optional[str]:
    value = getattr(model, field)
    return None if value is None else format_datetime(value)


def _state(model: ModelInfo) -> str:
    return model.lifecycle.value if model.lifecycle is not None else "-"


def diff_snapshots(old: Sequence[ModelInfo], new: Sequence[ModelInfo]) -> SnapshotDiff:
    """Compare two catalogues by model id."""
    before = {model.id: model for model in old}
    after = {model.id: model for model in new}
    common = sorted(before.keys() & after.keys())
    dates = []
    for model_id in common:
        for field in ("deprecated_at", "retires_at"):
            then, now = _date(before[model_id], field), _date(after[model_id], field)
            if now is not None and now != then:
                dates.append((model_id, field, now))
    return SnapshotDiff(
        added=sorted(after.keys() - before.keys()),
        removed=sorted(before.keys() - after.keys()),
        renamed=[
            (i, before[i].display_name, after[i].display_name)
            for i in common
            if before[i].display_name != after[i].display_name
        ],
        lifecycle_changes=[
            (i, _state(before[i]), _state(after[i]))
            for i in common
            if _state(before[i]) != _state(after[i])
        ],
        new_deprecation_dates=dates,
    )
