"""The generated decoders accept exactly what the old checked converters accepted (differential)."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any, Iterator

import pytest

from anthropic_models import _codec
from anthropic_models.errors import ResponseValidationError
from anthropic_models_generated import models
from tests import reference_decoder

# Values of every JSON type, and near misses of the types the models use.
REPLACEMENTS: list[Any] = [
    None,
    True,
    0,
    1,
    2.0,
    2.5,
    "",
    "model",
    "active",
    "2025-11-01T00:00:00Z",
    "2025-02-30T00:00:00Z",
    "2025-11-01T24:00:00Z",
    "2025-11-01T00:00:60Z",
    "2025-11-01t00:00:00z",
    "2025-11-01T00:00:00.5+01:00",
    "\uff12\uff10\uff12\uff15-11-01T00:00:00Z",  # full-width digits
    [],
    [{"supported": True}],
    {},
    {"supported": True},
    {"supported": 1},
]


def _mutations(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path, document) for the document with one value deleted or replaced, at every depth."""
    if isinstance(data, dict):
        items: list[tuple[Any, Any]] = list(data.items())
    elif isinstance(data, list):
        items = list(enumerate(data))
    else:
        return
    for key, value in items:
        if isinstance(data, dict):
            smaller = copy.copy(data)
            del smaller[key]
            yield (*path, key, "deleted"), smaller
        for replacement in REPLACEMENTS:
            changed = copy.copy(data)
            changed[key] = replacement
            yield (*path, key, replacement), changed
        for inner_path, inner in _mutations(value, (*path, key)):
            changed = copy.copy(data)
            changed[key] = inner
            yield inner_path, changed


def _generated(data: Any, cls: type[Any]) -> Any:
    """The generated decoder's outcome, in the oracle's form."""
    try:
        return _codec.structure(data, cls)
    except ResponseValidationError as exc:
        return ("error", exc.reason, exc.path)


def test_every_mutation_of_a_page_decodes_or_fails_as_the_old_decoder_says(
    official_model: dict[str, Any],
) -> None:
    """Same models, or the same error message and path, for thousands of near-miss documents."""
    page = {
        "data": [official_model, {**official_model, "id": "m2", "capabilities": None}],
        "first_id": "a",
        "last_id": None,
        "has_more": True,
    }
    checked = 0
    for path, document in _mutations(page):
        expected = reference_decoder.checked(document, models.ListModelsResponse)
        assert _generated(document, models.ListModelsResponse) == expected, path
        checked += 1
    assert checked > 1500


@pytest.mark.parametrize(
    "text",
    [
        "2025-09-29T00:00:00Z",
        "2025-09-29T23:59:59Z",
        "2024-02-29T12:00:00Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
    ],
)
def test_the_usual_date_time_form_parses_as_the_general_rule_does(text: str) -> None:
    """The fast form ("...T...Z", whole seconds) gives the datetime the general parser gives."""
    general = _codec.parse_datetime(text.replace("Z", "+00:00"))
    fast = _codec.parse_datetime(text)
    assert fast == general
    assert fast.tzinfo is general.tzinfo is not None
    assert isinstance(fast, datetime) and fast.utcoffset() == general.utcoffset()


@pytest.mark.parametrize(
    "text",
    [
        "2025-02-30T00:00:00Z",
        "2025-09-29T24:00:00Z",
        "2025-09-29T00:60:00Z",
        "0000-01-01T00:00:00Z",
    ],
)
def test_impossible_date_times_in_the_usual_form_are_refused(text: str) -> None:
    """A date-time of the fast form that names no instant is still a ValueError."""
    with pytest.raises(ValueError, match=r"range|must be"):
        _codec.parse_datetime(text)


def test_equal_capability_trees_share_one_instance(official_model: dict[str, Any]) -> None:
    """Two models with equal capabilities JSON hold the same frozen ModelCapabilities object."""
    first = _codec.structure(copy.deepcopy(official_model), models.ModelInfo)
    second = _codec.structure(copy.deepcopy(official_model), models.ModelInfo)
    assert first.capabilities is not None
    assert first.capabilities is second.capabilities


def test_a_tree_equal_but_for_1_in_place_of_true_is_not_shared(
    official_model: dict[str, Any],
) -> None:
    """1 == True in Python, yet a capability given as 1 is refused with its path after a true one."""
    _codec.structure(copy.deepcopy(official_model), models.ModelInfo)
    bad = copy.deepcopy(official_model)
    assert bad["capabilities"]["batch"] == {"supported": True}
    bad["capabilities"]["batch"]["supported"] = 1
    assert bad["capabilities"] == official_model["capabilities"]
    with pytest.raises(ResponseValidationError) as info:
        _codec.structure(bad, models.ModelInfo)
    assert info.value.path == "$.capabilities.batch.supported"
