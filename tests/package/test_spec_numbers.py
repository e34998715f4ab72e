"""The spec owns its numbers: no bound, default or version of openapi.yaml is written by hand.

The client, CLI, server, demo and kit read them from the generated parameter metadata
(``transport.LIST_MODELS.parameter("limit").maximum`` and so on). This test reads every module of
the package and fails, naming file and line, on an integer literal equal to a parameter's bound
(outside arithmetic such as ``/ 1000`` for milliseconds) or a string literal equal to a version
the spec names. A line holding the same number for another reason (a request budget) says so
with the comment ``# not the spec's``. Changing ``maximum: 1000`` in openapi.yaml and
regenerating then changes every surface.

The same holds for statuses: the spec's error statuses and their error types are generated
(``operations.ERROR_TYPES``, each operation's ``errors``), so a dict, set or tuple literal holding
two or more error statuses (400..599) is a hand-written status table, named here; a policy that is
not the spec's (the SDK's retryable statuses, the SDK's error classes) says so with the same comment.
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


def _status_tables(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            elements = [key for key in node.keys if key is not None]
        elif isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            elements = list(node.elts)
        else:
            continue
        statuses = [
            element.value
            for element in elements
            if isinstance(element, ast.Constant)
            and type(element.value) is int
            and 400 <= element.value <= 599
        ]
        marked = any(
            "# not the spec's" in lines[number - 1]
            for number in range(node.lineno, (node.end_lineno or node.lineno) + 1)
        )
        if len(statuses) >= 2 and not marked:
            found.append(f"{path.name}:{node.lineno}: statuses {statuses}")
    return found


def test_no_module_writes_a_status_table_by_hand() -> None:
    """Error statuses and their types come from the generated operations, not from a table."""
    found = [
        f"{path.parent.relative_to(ROOT)}/{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in _status_tables(path)
    ]
    assert found == []


def test_the_lint_finds_a_hand_written_status_table(tmp_path: Path) -> None:
    """The scan catches a status-keyed dict and a tuple of statuses, and spares a marked policy."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'TYPES = {400: "invalid_request_error", 404: "not_found_error"}\n'
        "FAULTS = (429, 503)\n"
        "RETRY = frozenset({408, 429})  # not the spec's: the SDK's policy\n"
        "ONE = {404: 1}\n",
        encoding="utf-8",
    )
    assert [line.split(":")[1] for line in _status_tables(sample)] == ["1", "2"]


def test_the_error_types_are_the_spec_examples() -> None:
    """The generated table holds each operation's documented statuses with its example's type."""
    from anthropic_models_generated import operations

    for operation in operations.OPERATIONS.values():
        for status, error_type in operation.errors:
            assert error_type is not None, (operation.operation_id, status)
            assert operations.ERROR_TYPES[status] == error_type


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
