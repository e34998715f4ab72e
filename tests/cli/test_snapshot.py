"""Catalogue snapshot differences (the `diff` command's logic)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

import pytest

from anthropic_models import Lifecycle, ModelInfo
from anthropic_models.snapshot import SnapshotError, diff_snapshots


def m(
    model_id: str, lifecycle: str = "active", name: Optional[str] = None, **dates: Any
) -> ModelInfo:
    """A model with just what the diff looks at."""
    return ModelInfo(
        id=model_id,
        type="model",
        created_at=datetime(2025, 1, 1, tzinfo=timezone.utc),
        display_name=name or model_id,
        lifecycle=Lifecycle(lifecycle),
        **dates,
    )


def test_no_change() -> None:
    """Identical snapshots: nothing to report, not breaking."""
    result = diff_snapshots([m("a"), m("b")], [m("b"), m("a")])
    assert result.report() == "no changes"
    assert not result.breaking


def test_added_only_is_not_breaking() -> None:
    """A new model is news, not a break."""
    result = diff_snapshots([m("a")], [m("a"), m("b")])
    assert result.added == ["b"] and not result.breaking


def test_removed_is_breaking() -> None:
    """A model that disappeared breaks pipelines that use it."""
    result = diff_snapshots([m("a"), m("b")], [m("a")])
    assert result.removed == ["b"] and result.breaking
    assert "- removed  b" in result.report()


def test_renamed_and_lifecycle_changes() -> None:
    """A new display name is a rename; moving to deprecated is breaking, to active is not."""
    result = diff_snapshots(
        [m("a", name="Old"), m("b"), m("c", "deprecated")],
        [m("a", name="New"), m("b", "deprecated"), m("c", "active")],
    )
    assert result.renamed == [("a", "Old", "New")]
    assert result.lifecycle_changes == [
        ("b", "active", "deprecated"),
        ("c", "deprecated", "active"),
    ]
    assert result.newly_deprecated == ["b"]
    assert result.breaking


def test_new_deprecation_dates() -> None:
    """A deprecation date newly set is breaking even while the lifecycle stays; a moved retirement is news."""
    when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    later = datetime(2026, 6, 1, tzinfo=timezone.utc)
    result = diff_snapshots(
        [m("a"), m("b", "deprecated", retires_at=when)],
        [m("a", deprecated_at=when), m("b", "deprecated", retires_at=later)],
    )
    assert result.new_deprecation_dates == [
        ("a", "deprecated_at", "2026-01-01T00:00:00Z"),
        ("b", "retires_at", "2026-06-01T00:00:00Z"),
    ]
    assert result.newly_deprecated == ["a"]
    assert result.as_dict()["breaking"] is True


def test_duplicate_ids_are_refused() -> None:
    """A catalogue holding an id twice cannot be compared: the error names the side and the id."""
    with pytest.raises(SnapshotError, match=r"new\[2\]: duplicate model id 'a'"):
        diff_snapshots([m("a")], [m("a"), m("b"), m("a", "deprecated")])
