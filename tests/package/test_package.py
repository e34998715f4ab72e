"""What the installed package is: its imports, its types marker, its docstring examples."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import anthropic_models
import anthropic_models_generated


def test_import_pulls_in_no_optional_module() -> None:
    """import anthropic_models loads neither openapi-core nor a YAML parser."""
    code = (
        "import sys, anthropic_models; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'openapi_core', 'yaml', 'werkzeug', 'jsonschema', 'openapi_spec_validator'}); "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("package", [anthropic_models, anthropic_models_generated])
def test_packages_are_typed(package: object) -> None:
    """Both import packages ship a py.typed marker."""
    assert (Path(package.__file__).parent / "py.typed").is_file()  # type: ignore[attr-defined]


def test_generated_files_say_do_not_edit() -> None:
    """Every generated module starts with the DO NOT EDIT header naming the spec hash."""
    from anthropic_models_generated import manifest

    folder = Path(anthropic_models_generated.__file__).parent
    for path in sorted(folder.glob("*.py")):
        first, second = path.read_text(encoding="utf-8").splitlines()[:2]
        assert first.startswith("# DO NOT EDIT: generated from openapi.yaml by `nox -s generate`")
        assert second == f"# spec sha256 {manifest.SPEC_SHA256}", path.name
