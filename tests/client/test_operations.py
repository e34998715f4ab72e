"""The generated operations: the one generic parameter check, the wire reading, the builders."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from anthropic_models_generated import operations
from anthropic_models_generated.models import Lifecycle
from anthropic_models_generated.operations import (
    GET_MODEL,
    LIST_MODELS,
    InvalidParameterError,
    Parameter,
)

LIMIT = LIST_MODELS.parameter("limit")
STAGES = LIST_MODELS.parameter("lifecycle")
WORKSPACE = LIST_MODELS.parameter("workspace_id")
BASE = "https://api.example.test"


def test_the_module_needs_only_the_standard_library() -> None:
    """Importing the operations loads neither urllib3 nor attrs (the CLI's --help relies on it)."""
    code = (
        "import sys, anthropic_models_generated.operations\n"
        "print(sorted({'urllib3', 'attrs'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (LIMIT.minimum, LIMIT.minimum),
        (LIMIT.maximum, LIMIT.maximum),
    ],
)
def test_a_value_within_the_bounds_passes(value: Any, expected: Any) -> None:
    """None is "not given"; the spec's own bounds are inside."""
    assert LIMIT.check(value) == expected


@pytest.mark.parametrize("value", [0, -1, True, 1.5, "5", [5]])
def test_a_value_outside_the_spec_is_refused_naming_the_parameter(value: Any) -> None:
    """Below the minimum, above the maximum, a bool, a float, text: each names limit and its bounds."""
    assert LIMIT.maximum is not None
    for bad in (value, int(LIMIT.maximum) + 1):
        with pytest.raises(
            InvalidParameterError,
            match=f"limit must be an integer from {LIMIT.minimum} to {LIMIT.maximum}",
        ):
            LIMIT.check(bad)


def test_an_array_takes_one_value_or_a_sequence_and_enum_members() -> None:
    """A single stage is one value; enum members are taken by their value; the spec bounds the count."""
    assert STAGES.enum is not None and STAGES.max_items is not None
    assert STAGES.check("retired") == ("retired",)
    assert STAGES.check([Lifecycle.active, "retired"]) == ("active", "retired")
    with pytest.raises(InvalidParameterError, match=f"takes 1 to {STAGES.max_items} values"):
        STAGES.check([STAGES.enum[0]] * (STAGES.max_items + 1))
    with pytest.raises(InvalidParameterError, match="must be one of"):
        STAGES.check(["sunset"])


@pytest.mark.parametrize(
    ("texts", "words"),
    [
        (["x"], "limit must be an integer"),
        (["1", "2"], "limit given 2 times"),
        (["9" * 5000], "limit must be an integer"),
        (["0" * 5000 + "7"], None),
        (["+7"], None),
        (["\u0663"], "limit must be an integer"),
    ],
)
def test_values_received_as_text_are_read_by_the_same_rules(texts: list[str], words: Any) -> None:
    """The server's reading: ASCII digits only, no huge conversion, a scalar given once."""
    if words is None:
        assert LIMIT.parse(texts) == 7
    else:
        with pytest.raises(InvalidParameterError, match=words):
            LIMIT.parse(texts)


@pytest.mark.parametrize("value", ["w s", "wrkspc_\u00e9", "", "a\nb"])
def test_a_header_value_the_spec_refuses(value: str) -> None:
    """The workspace header: the spec's minLength and pattern, ASCII, no line break."""
    with pytest.raises(InvalidParameterError, match="workspace_id"):
        WORKSPACE.check(value)


def test_the_builder_sends_what_was_given_and_nothing_else() -> None:
    """Path segments are encoded whole; arrays one pair per value; unset ones left out."""
    request = operations.build_get_model(BASE, "a/b?c", workspace_id="wrkspc_1")
    assert request.url == f"{BASE}/v1/models/a%2Fb%3Fc"
    assert request.headers == {WORKSPACE.name: "wrkspc_1"}
    request = operations.build_list_models(BASE, lifecycle=["active", "retired"], limit=3)
    assert request.url == f"{BASE}/v1/models?limit=3&lifecycle%5B%5D=active&lifecycle%5B%5D=retired"


@pytest.mark.parametrize("model_id", ["", ".", ".."])
def test_a_segment_that_would_change_the_path_is_refused(model_id: str) -> None:
    """An empty or dot segment would address another resource, even unchecked."""
    with pytest.raises(InvalidParameterError, match="model_id"):
        GET_MODEL.build(BASE, {"model_id": model_id})


def test_build_sends_what_the_spec_refuses_for_a_tester() -> None:
    """Unchecked arguments (the conformance kit's hostile requests) go out as given."""
    request = LIST_MODELS.build(BASE, {"limit": 0, "lifecycle": ["gone", "gone"]})
    assert request.url == f"{BASE}/v1/models?limit=0&lifecycle%5B%5D=gone&lifecycle%5B%5D=gone"


def test_every_documented_status_has_its_error_type() -> None:
    """Each operation's documented errors carry the type of the spec's example."""
    for operation in operations.OPERATIONS.values():
        assert operation.errors
        for status, error_type in operation.errors:
            assert operations.ERROR_TYPES[status] == error_type
        assert operation.statuses[0] == operation.success


def test_unknown_arguments_are_refused() -> None:
    """A keyword the operation does not declare is refused, not sent."""
    with pytest.raises(InvalidParameterError, match="takes no parameter 'colour'"):
        LIST_MODELS.check({"colour": "red"})


def test_parameter_descriptors_are_plain_values() -> None:
    """Descriptors compare and hash by value (they are the spec's facts, not objects with state)."""
    assert Parameter(**LIMIT._asdict()) == LIMIT
    assert hash(LIMIT) == hash(Parameter(**LIMIT._asdict()))
