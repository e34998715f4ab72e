"""The spec itself, and the seed's examples against it."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Hashable, cast

import pytest

from anthropic_models_generated import manifest
from anthropic_models_generated.spec import SPEC
from tests.conftest import FIXTURES, ROOT

pytest.importorskip("openapi_core", reason="validation extra not installed")

from anthropic_models._validation import spec_validator

JSON = {"content-type": "application/json", "request-id": "req_1"}


def test_embedded_spec_is_valid_openapi_31() -> None:
    """The embedded spec passes openapi-spec-validator's OpenAPI 3.1 checks."""
    from openapi_spec_validator import validate

    validate(cast("dict[Hashable, Any]", SPEC))
    assert SPEC["openapi"].startswith("3.1")


def test_manifest_names_the_committed_spec() -> None:
    """The manifest's sha256 is the sha256 of openapi.yaml as committed."""
    digest = hashlib.sha256((ROOT / "openapi.yaml").read_bytes()).hexdigest()
    assert digest == manifest.SPEC_SHA256


def test_every_operation_and_schema_is_described() -> None:
    """The spec is documentation too: every operation and schema has a description."""
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            assert operation.get("description"), f"{method.upper()} {path}"
            assert operation.get("operationId"), f"{method.upper()} {path}"
    for name, schema in SPEC["components"]["schemas"].items():
        assert schema.get("description"), name


def test_every_response_documents_request_id() -> None:
    """Each response of each operation declares the request-id header."""
    responses = SPEC["components"]["responses"]
    for path, item in SPEC["paths"].items():
        for operation in item.values():
            for status, response in operation["responses"].items():
                if "$ref" in response:
                    response = responses[response["$ref"].rsplit("/", 1)[1]]
                assert "request-id" in response["headers"], (path, status)


def test_current_list_example_validates() -> None:
    """A list response of today's shape conforms to the spec."""
    body = (FIXTURES / "current_list_response.json").read_bytes()
    errors = spec_validator().response_errors("GET", "http://h/v1/models", 200, JSON, body)
    assert errors == []


def test_seed_list_example_misses_the_required_lifecycle() -> None:
    """The seed's older list example is reported for its models' missing lifecycle."""
    body = (FIXTURES / "seed_list_response.json").read_bytes()
    errors = spec_validator().response_errors("GET", "http://h/v1/models", 200, JSON, body)
    assert errors and all("'lifecycle' is a required property" in line for line in errors)


def test_seed_error_example_validates_on_every_error_status() -> None:
    """The seed's error example conforms as the body of every documented error status."""
    body = (FIXTURES / "seed_error_response.json").read_bytes()
    for status in (400, 401, 402, 403, 404, 429, 500, 503, 504, 529):
        errors = spec_validator().response_errors("GET", "http://h/v1/models", status, JSON, body)
        assert errors == [], status


def test_official_shape_with_unknown_fields_validates() -> None:
    """A model with lifecycle, capabilities and fields from the future conforms."""
    body = (FIXTURES / "official_model.json").read_bytes()
    errors = spec_validator().response_errors("GET", "http://h/v1/models/m", 200, JSON, body)
    assert errors == []


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.pop("first_id"), "'first_id' is a required property"),
        (lambda d: d["data"][0].update(type="modle"), "$.data[0].type"),
        (lambda d: d["data"][0].update(created_at="yesterday"), "$.data[0].created_at"),
        (lambda d: d.update(has_more="no"), "$.has_more"),
    ],
)
def test_broken_list_bodies_are_reported_with_their_path(mutate: object, expected: str) -> None:
    """A body that breaks the schema is reported, naming where."""
    data = json.loads((FIXTURES / "seed_list_response.json").read_text())
    mutate(data)  # type: ignore[operator]
    errors = spec_validator().response_errors(
        "GET", "http://h/v1/models", 200, JSON, json.dumps(data).encode()
    )
    assert any(expected in line for line in errors), errors


def test_response_without_request_id_is_reported() -> None:
    """The request-id header is required on every response."""
    body = (FIXTURES / "current_list_response.json").read_bytes()
    errors = spec_validator().response_errors(
        "GET", "http://h/v1/models", 200, {"content-type": "application/json"}, body
    )
    assert any("request-id" in line for line in errors)


@pytest.mark.parametrize(
    ("url", "headers", "ok"),
    [
        ("http://h/v1/models?limit=5", {"x-api-key": "k"}, True),
        ("http://h/v1/models?limit=5", {"authorization": "Bearer k"}, True),
        ("http://h/v1/models", {}, False),
        ("http://h/v1/models?limit=0", {"x-api-key": "k"}, False),
        ("http://h/v1/models?limit=1001", {"x-api-key": "k"}, False),
        ("http://h/v1/models?limit=1000", {"x-api-key": "k"}, True),
        ("http://h/v1/models/claude-x", {"x-api-key": "k"}, True),
    ],
)
def test_request_rules(url: str, headers: dict[str, str], ok: bool) -> None:
    """Limits outside 1..1000 and missing credentials break the spec; either scheme is enough."""
    assert (spec_validator().request_errors("GET", url, headers) == []) is ok
