"""The spec owns its numbers: no bound, default or version of openapi.yaml is written by hand.

The client, CLI, server, demo and kit read them from the generated parameter metadata
(``transport.LIST_MODELS.parameter("limit").maximum`` and so on). This test reads every module of
the package and fails, naming file and line, on an integer literal equal to a parameter's bound
(outside arithmetic such as ``/ 1000`` for milliseconds) or a string literal equal to a version
the spec names. A line holding the same number for another reason (a request budget) says so
with the comment ``# not the spec's``. Changing ``maximum: 1000`` in openapi.yaml and
regenerating then changes every surface.
"""

from __future__ import annotations

import ast
from pathlib import Path

from anthropic_models_generated import spec, transport
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "anthropic_models"


def _spec_numbers() -> tuple[set[int], set[str]]:
    numbers: set[int] = set()
    for operation in transport.OPERATIONS.values():
        for param in operation.parameters:
            for value in (param.maximum, param.max_items):
                if isinstance(value, int) and value > 10:
                    numbers.add(value)
    version_schema = spec.SPEC["components"]["parameters"]["AnthropicVersion"]["schema"]
    versions = {version_schema["default"], *version_schema.get("examples", [])}
    return numbers, versions


def _literals(path: Path, numbers: set[int], versions: set[str]) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    arithmetic: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Mult, ast.FloorDiv)):
            arithmetic.update(id(side) for side in (node.left, node.right))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or id(node) in arithmetic:
            continue
        value = node.value
        if "# not the spec's" in lines[node.lineno - 1]:
            continue
        if (type(value) is int and value in numbers) or (
            isinstance(value, str) and value in versions
        ):
            found.append(f"{path.name}:{node.lineno}: {value!r}")
    return found


def test_no_module_writes_a_spec_number_by_hand() -> None:
    """Every bound and version of the spec is read from the generated metadata, not repeated."""
    numbers, versions = _spec_numbers()
    assert 1000 in numbers and "2026-10-21" in versions  # the test looks for something real
    found = [
        f"{path.parent.relative_to(ROOT)}/{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in _literals(path, numbers, versions)
    ]
    assert found == []


def test_the_lint_finds_a_hand_written_bound(tmp_path: Path) -> None:
    """The scan itself catches ``limit=1000`` and a version string, and spares ``ms / 1000``."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'LIMIT = 1000\nVERSION = "2023-06-01"\nseconds = 5 / 1000\n'
        "BUDGET = 1000  # not the spec's\n",
        encoding="utf-8",
    )
    numbers, versions = _spec_numbers()
    found = _literals(sample, numbers, versions)
    assert [line.rsplit(": ", 1)[1] for line in found] == ["1000", "'2023-06-01'"]
