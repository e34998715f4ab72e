"""check-generated: a fresh generation matches the committed tree, and a hand edit is caught."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("datamodel_code_generator", reason="needs the generate dependency group")

COMMITTED = ROOT / "generated" / "anthropic_models_generated"


def _check(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate.py"), "--check", str(tree)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the committed generated package."""
    copy = tmp_path_factory.mktemp("gen") / "anthropic_models_generated"
    shutil.copytree(COMMITTED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_committed_tree_matches_a_fresh_generation(pristine: Path) -> None:
    """The committed output is exactly what the pinned generator writes today."""
    result = _check(pristine)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hand_edit_is_caught_with_a_diff(pristine: Path, tmp_path: Path) -> None:
    """Editing a generated file makes the check fail and show the edited line."""
    edited = tmp_path / "anthropic_models_generated"
    shutil.copytree(pristine, edited)
    models = edited / "models.py"
    models.write_text(
        models.read_text().replace("id: str", "id: int  # hand edit", 1), encoding="utf-8"
    )
    result = _check(edited)
    assert result.returncode == 1
    assert "-    id: int  # hand edit" in result.stdout
    assert "+    id: str" in result.stdout
    assert "nox -s generate" in result.stderr


def test_extra_and_missing_files_are_caught(pristine: Path, tmp_path: Path) -> None:
    """A stray file, or a deleted one, fails the check too."""
    edited = tmp_path / "anthropic_models_generated"
    shutil.copytree(pristine, edited)
    (edited / "spec.py").unlink()
    (edited / "handwritten.py").write_text("x = 1\n", encoding="utf-8")
    result = _check(edited)
    assert result.returncode == 1
    assert "missing from the committed tree: spec.py" in result.stdout
    assert "not produced by the generator (remove it): handwritten.py" in result.stdout
