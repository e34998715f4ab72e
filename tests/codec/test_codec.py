"""Decoding JSON into the generated models, and back."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from anthropic_models import _codec
from anthropic_models.errors import ResponseValidationError
from anthropic_models_generated import models
from tests.conftest import load_fixture


def test_seed_list_example_lacks_the_now_required_lifecycle() -> None:
    """The seed's list example predates the required lifecycle field, and says so by name."""
    with pytest.raises(ResponseValidationError) as info:
        _codec.structure(load_fixture("seed_list_response.json"), models.ListModelsResponse)
    assert str(info.value) == "$.data[0]: missing required field 'lifecycle'"


def test_current_list_example_decodes() -> None:
    """A list page of today's shape becomes a ListModelsResponse of ModelInfo."""
    page = _codec.structure(load_fixture("current_list_response.json"), models.ListModelsResponse)
    assert [m.id for m in page.data] == ["claude-sonnet-4-5-20250929", "claude-3-5-haiku-20241022"]
    assert page.data[0].created_at == datetime(2025, 9, 29, tzinfo=timezone.utc)
    assert page.data[0].lifecycle is models.Lifecycle.deprecated
    assert (page.first_id, page.last_id, page.has_more) == (
        "claude-sonnet-4-5-20250929",
        "claude-3-5-haiku-20241022",
        False,
    )


def test_seed_error_example_decodes() -> None:
    """The seed's error example becomes an ErrorResponse."""
    error = _codec.structure(load_fixture("seed_error_response.json"), models.ErrorResponse)
    assert error.error.type == "rate_limit_exceeded"
    assert error.error.message == "Rate limit exceeded"


@pytest.mark.parametrize("where", ["model", "page"])
def test_a_lifecycle_newer_than_the_spec_decodes_leniently(where: str) -> None:
    """lifecycle "preview" is kept as a plain string (not a member) in the default mode."""
    data = load_fixture("current_list_response.json")
    data["data"][0]["lifecycle"] = "preview"
    if where == "model":
        model = _codec.structure(data["data"][0], models.ModelInfo)
    else:
        model = _codec.structure(data, models.ListModelsResponse).data[0]
    assert model.lifecycle == "preview"
    assert not isinstance(model.lifecycle, models.Lifecycle)
    assert _codec.enum_value(model.lifecycle) == "preview"


def test_official_shape_decodes_and_ignores_unknown_fields(official_model: dict[str, Any]) -> None:
    """Lifecycle, capabilities and nested levels decode; fields from the future are ignored."""
    model = _codec.structure(official_model, models.ModelInfo)
    assert model.lifecycle is models.Lifecycle.deprecated
    assert model.line == "opus"
    assert model.max_input_tokens == 200000
    caps = model.capabilities
    assert caps is not None
    assert caps.effort is not None and caps.effort.max == models.CapabilitySupport(supported=True)
    assert caps.effort.xhigh is None
    assert caps.thinking is not None and caps.thinking.types is not None
    assert caps.thinking.types.adaptive.supported is False
    assert caps.thinking.types.disabled.supported is True
    assert not hasattr(model, "a_field_from_the_future")


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"id": 7}, "$.data[0].id", "expected a string, got a number"),
        ({"type": "Model"}, "$.data[0].type", 'expected "model"'),
        ({"created_at": "2025-09-29"}, "$.data[0].created_at", "RFC 3339"),
        ({"created_at": "2025-09-29T00:00:00"}, "$.data[0].created_at", "RFC 3339"),
        ({"created_at": "2025-13-01T00:00:00Z"}, "$.data[0].created_at", "month"),
        ({"lifecycle": 5}, "$.data[0].lifecycle", "expected one of active"),
        ({"max_tokens": True}, "$.data[0].max_tokens", "expected an integer"),
        ({"max_tokens": 1.5}, "$.data[0].max_tokens", "expected an integer"),
        ({"capabilities": {"batch": {}}}, "$.data[0].capabilities.batch", "missing required"),
        ({"capabilities": {"batch": {"supported": True}}}, "$.data[0].capabilities", "citations"),
        ({"capabilities": []}, "$.data[0].capabilities", "expected an object"),
    ],
)
def test_wrong_values_name_their_path(change: dict[str, Any], path: str, words: str) -> None:
    """Every wrong value gives ResponseValidationError with the JSON path and what was expected."""
    data = load_fixture("current_list_response.json")
    data["data"][0].update(change)
    with pytest.raises(ResponseValidationError) as info:
        _codec.structure(data, models.ListModelsResponse)
    assert info.value.path == path
    assert words in str(info.value)


@pytest.mark.parametrize("missing", ["data", "first_id", "last_id", "has_more"])
def test_required_page_fields_must_be_present(missing: str) -> None:
    """All four page fields are required, even the nullable cursors."""
    data = load_fixture("current_list_response.json")
    del data[missing]
    with pytest.raises(ResponseValidationError, match=f"missing required field '{missing}'"):
        _codec.structure(data, models.ListModelsResponse)


def test_nullable_cursors_accept_null() -> None:
    """An empty page has null cursors."""
    page = _codec.decode(
        b'{"data":[],"first_id":null,"last_id":null,"has_more":false}', models.ListModelsResponse
    )
    assert page.first_id is None and page.last_id is None and page.data == []


@pytest.mark.parametrize("body", [b"", b"{", b"<html>oops</html>", b"\xff\xfe", b"[1,"])
def test_bodies_that_are_not_json(body: bytes) -> None:
    """A body that is not JSON is a ResponseValidationError, not a ValueError."""
    with pytest.raises(ResponseValidationError, match="not JSON"):
        _codec.decode(body, models.ListModelsResponse)


@pytest.mark.parametrize("value", [None, 1, "x", [], True])
def test_top_level_must_be_an_object(value: Any) -> None:
    """A JSON value that is not an object is refused at the root."""
    with pytest.raises(ResponseValidationError) as info:
        _codec.decode(json.dumps(value), models.ModelInfo)
    assert info.value.path == "$"


def test_deeply_nested_json_is_a_validation_error() -> None:
    """Hostile nesting does not escape as RecursionError."""
    body = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ResponseValidationError):
        _codec.decode(body, models.ModelInfo)


def test_round_trip_keeps_every_known_field(official_model: dict[str, Any]) -> None:
    """unstructure(structure(x)) is x without unknown keys, and decodes to the same model."""
    model = _codec.structure(official_model, models.ModelInfo)
    again = _codec.decode(_codec.encode(model), models.ModelInfo)
    assert again == model
    data = _codec.unstructure(model)
    assert data["created_at"] == "2025-11-01T00:00:00Z"
    assert data["retires_at"] == "2027-01-22T00:00:00Z"
    assert "max_tokens" in data and "allowed_fallback_models" not in data  # optional and unset
    assert "a_field_from_the_future" not in data


def test_required_nullable_fields_are_written_as_null() -> None:
    """first_id and last_id are required: an empty page writes them as null."""
    page = models.ListModelsResponse(data=[], first_id=None, last_id=None, has_more=False)
    assert json.loads(_codec.encode(page)) == {
        "data": [],
        "first_id": None,
        "last_id": None,
        "has_more": False,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-09-29T00:00:00Z", datetime(2025, 9, 29, tzinfo=timezone.utc)),
        ("2025-09-29t01:02:03z", datetime(2025, 9, 29, 1, 2, 3, tzinfo=timezone.utc)),
        ("1970-01-01T00:00:00Z", datetime(1970, 1, 1, tzinfo=timezone.utc)),
        (
            "2025-09-29T00:00:00.1234567+05:30",
            datetime(2025, 9, 29, 0, 0, 0, 123456, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        ),
        ("2025-09-29T00:00:00-08:00", datetime(2025, 9, 29, tzinfo=timezone(timedelta(hours=-8)))),
    ],
)
def test_rfc3339_parsing(text: str, expected: datetime) -> None:
    """RFC 3339 date-times parse on every supported Python, fractions of any length included."""
    assert _codec.parse_datetime(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2025-09-29",
        "2025-09-29T00:00Z",
        "2025-09-29T00:00:00",
        "29/09/2025",
        "2025-09-29T00:00:00+24:00",
        "2025-09-29T00:00:00+05:60",
        "2025-09-29 00:00:00-08:00",
        "\u0662\u0660\u0662\u0665-09-29T00:00:00Z",
        "2025-09-29T00:00:00\uff10Z",
    ],
)
def test_rfc3339_rejects_what_is_not(text: str) -> None:
    """No time, no offset, a space for the T, an offset out of range or a non-ASCII digit is refused."""
    with pytest.raises(ValueError, match=r"RFC 3339|offset"):
        _codec.parse_datetime(text)


def test_format_datetime_round_trips() -> None:
    """Formatting writes Z for UTC, keeps other offsets and microseconds."""
    for text in ["2025-09-29T00:00:00Z", "2025-09-29T00:00:00.123456-08:00"]:
        assert _codec.format_datetime(_codec.parse_datetime(text)) == text


def test_shared_instances_never_cross_types() -> None:
    """A finite-valued model shared between equal inputs is never returned for 1 or 1.0 (True)."""
    yes = _codec.structure({"supported": True}, models.CapabilitySupport)
    assert _codec.structure({"supported": True}, models.CapabilitySupport) is yes
    for wrong in (1, 1.0, "true", None):
        with pytest.raises(ResponseValidationError, match="expected a boolean"):
            _codec.structure({"supported": wrong}, models.CapabilitySupport)
    extra = _codec.structure({"supported": True, "note": [1]}, models.CapabilitySupport)
    assert extra == yes
