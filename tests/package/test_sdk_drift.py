"""tools/sdk_drift.py's comparison: fake SDK facts against ours, without the SDK or the network."""

from __future__ import annotations

import sys
from typing import Literal, Optional, Union

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import sdk_drift

OURS: dict[str, frozenset[str]] = {
    "model ids": frozenset({"m-2", "m-1", "m-1-20250101"}),
    "deprecated": frozenset({"m-1", "m-1-20250101"}),
    "ModelInfo fields": frozenset({"id", "capabilities", "capabilities.batch"}),
    "error types": frozenset({"api_error", "memory_*"}),
    "error statuses": frozenset({"400", "529"}),
    "API version": frozenset({"2026-10-21"}),
}


def _sdk(**changes: frozenset[str]) -> dict[str, frozenset[str]]:
    return {**OURS, **{group.replace("_", " "): items for group, items in changes.items()}}


def test_identical_facts_are_no_drift() -> None:
    """The same facts on both sides report nothing."""
    assert sdk_drift.compare(OURS, OURS) == []


def test_an_added_and_a_dropped_model_id_are_each_reported() -> None:
    """A model the SDK adds is a ``+`` line, one it drops a ``-`` line, both under model ids."""
    sdk = _sdk(model_ids=(OURS["model ids"] - {"m-1"}) | {"m-3"})
    assert sdk_drift.compare(sdk, OURS) == [
        "model ids: + m-3 (the SDK has it; we do not)",
        "model ids: - m-1 (we have it; the SDK does not)",
    ]


def test_a_new_field_and_a_new_deprecation_are_reported_in_group_order() -> None:
    """A nested field the spec lacks and a model the SDK deprecates are reported, grouped."""
    fields = OURS["ModelInfo fields"] | {"capabilities.teleport"}
    sdk = _sdk(ModelInfo_fields=fields, deprecated=OURS["deprecated"] | {"m-2"})
    assert sdk_drift.compare(sdk, OURS) == [
        "deprecated: + m-2 (the SDK has it; we do not)",
        "ModelInfo fields: + capabilities.teleport (the SDK has it; we do not)",
    ]


def test_a_pattern_covers_the_items_it_matches() -> None:
    """The spec's ``memory_*`` covers the SDK's memory error types; a new other type is drift."""
    sdk = _sdk(error_types=frozenset({"api_error", "memory_path_conflict_error", "quota_error"}))
    assert sdk_drift.compare(sdk, OURS) == [
        "error types: + quota_error (the SDK has it; we do not)"
    ]


def test_statuses_are_drift_only_when_the_spec_has_one_the_sdk_lacks() -> None:
    """The SDK's extra status classes serve other endpoints; a spec status it lacks is drift."""
    assert sdk_drift.compare(_sdk(error_statuses=frozenset({"400", "412", "529"})), OURS) == []
    lines = sdk_drift.compare(_sdk(error_statuses=frozenset({"400"})), OURS)
    assert lines == ["error statuses: - 529 (we have it; the SDK does not)"]


def test_a_changed_api_version_is_both_an_addition_and_a_removal() -> None:
    """A new default API version shows the SDK's value and ours."""
    lines = sdk_drift.compare(_sdk(API_version=frozenset({"2027-01-01"})), OURS)
    assert lines == [
        "API version: + 2027-01-01 (the SDK has it; we do not)",
        "API version: - 2026-10-21 (we have it; the SDK does not)",
    ]


def test_literal_values_reads_through_unions_and_optionals() -> None:
    """Literal arguments are found inside Union and Optional, in order, strings only."""
    hint = Optional[Union[Literal["a", "b"], Literal["c"], str]]
    assert sdk_drift.literal_values(hint) == ["a", "b", "c"]


def test_main_exits_2_in_one_line_when_the_sdk_cannot_be_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without an importable SDK the script says so in one line and exits 2."""
    monkeypatch.setitem(sys.modules, "anthropic", None)
    assert sdk_drift.main([]) == 2
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.startswith("sdk-drift: could not read the official SDK")
