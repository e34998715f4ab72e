"""The generated encoders: JSON-ready data under the JSON names, the same as the codec writes today."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

from anthropic_models import _codec
from anthropic_models.server import Catalogue
from anthropic_models_generated import decoders, encoders, models
from tests.conftest import load_fixture


def catalogue_models() -> list[models.ModelInfo]:
    """Every model of the built-in catalogue and of a synthetic one (beta fields included)."""
    return [*Catalogue.builtin().models, *Catalogue.synthetic(200, seed=3).models]


def test_every_model_class_has_an_encoder() -> None:
    """ENCODERS covers exactly the classes DECODERS covers."""
    assert set(encoders.ENCODERS) == set(decoders.DECODERS)


def test_encode_writes_what_the_codec_writes_today() -> None:
    """For each catalogue model, encode() gives unstructure()'s output, key order included."""
    for model in catalogue_models():
        assert json.dumps(encoders.encode(model)) == json.dumps(_codec.unstructure(model)), model.id


def test_decode_then_encode_gives_the_document_back() -> None:
    """The fixtures' pages and error decode and encode back to equal JSON (nulls of optionals aside)."""
    for name, cls in [
        ("current_list_response.json", models.ListModelsResponse),
        ("seed_error_response.json", models.ErrorResponse),
    ]:
        document = load_fixture(name)
        decoded: Any = decoders.decode(document, cls)
        assert encoders.encode(decoded) == _codec.unstructure(decoded)
        assert decoders.decode(encoders.encode(decoded), cls) == decoded


def test_a_newer_enum_value_goes_out_as_it_came(official_model: dict[str, Any]) -> None:
    """An open enum holding a string newer than the spec encodes to that string."""
    model = decoders.decode({**official_model, "lifecycle": "preview"}, models.ModelInfo)
    assert encoders.encode(model)["lifecycle"] == "preview"
    assert encoders.encode(attrs.evolve(model, lifecycle=models.Lifecycle.retired))[
        "lifecycle"
    ] == (models.Lifecycle.retired.value)


def test_required_nullable_fields_stay_and_unset_optional_ones_go() -> None:
    """first_id is required and nullable (written as null); an unset optional field is omitted."""
    page = models.ListModelsResponse(data=[], first_id=None, last_id=None, has_more=False)
    assert encoders.encode(page) == {
        "data": [],
        "first_id": None,
        "last_id": None,
        "has_more": False,
    }
    detail = models.ErrorDetail(type="x", message="m")
    assert encoders.encode(detail) == _codec.unstructure(detail) == {"type": "x", "message": "m"}


def test_date_times_are_formatted_as_the_codec_formats_them(official_model: dict[str, Any]) -> None:
    """UTC as Z, other offsets kept, microseconds only when present."""
    base = decoders.decode(official_model, models.ModelInfo)
    for moment in [
        datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
        datetime(2025, 1, 2, 3, 4, 5, 6, tzinfo=timezone(timedelta(hours=-8, minutes=-30))),
    ]:
        model = attrs.evolve(base, created_at=moment, deprecated_at=moment)
        encoded = encoders.encode(model)
        assert encoded["created_at"] == _codec.format_datetime(moment)
        assert encoded["deprecated_at"] == _codec.format_datetime(moment)


def test_encoding_something_that_is_not_a_model_is_a_type_error() -> None:
    """encode() names the type it cannot encode."""
    with pytest.raises(TypeError, match="not a model of this package: dict"):
        encoders.encode({"supported": True})
