"""The drift report: what a target sends that openapi.yaml does not know (no sockets)."""

from __future__ import annotations

import json
from typing import Any

import attrs

from anthropic_models.conformance.drift import find_drift
from anthropic_models.conformance.target import Exchange, SentRequest

HEADERS = {"content-type": "application/json", "request-id": "req_1", "date": "x", "server": "y"}


def model(**extra: Any) -> dict[str, Any]:
    """A model of today's shape, plus ``extra``."""
    return {
        "id": "m",
        "type": "model",
        "created_at": "2026-01-01T00:00:00Z",
        "display_name": "M",
        "lifecycle": "active",
        **extra,
    }


def exchange(
    body: Any, operation: str = "list_models", status: int = 200, **headers: str
) -> Exchange:
    """An answer as the kit records it."""
    return Exchange(
        request=SentRequest("GET", "/v1/models?limit=3", "x-api-key"),
        operation=operation,
        status=status,
        headers={**HEADERS, **{k.replace("_", "-"): v for k, v in headers.items()}},
        body=json.dumps(body).encode(),
        seconds=0.0,
    )


def page(*models: dict[str, Any]) -> dict[str, Any]:
    """A list page holding these models."""
    return {"data": list(models), "first_id": "m", "last_id": "m", "has_more": False}


def test_a_target_of_todays_shape_has_no_drift() -> None:
    """The reference shapes, with general HTTP headers, are no drift."""
    drift = find_drift([exchange(page(model(), model(line="opus", capabilities=None)))])
    assert not drift and drift.lines()[0].startswith("drift: none")


def test_fields_values_capability_keys_and_headers_are_counted_with_an_example() -> None:
    """Each kind of drift is found, counted across answers, with its first example."""
    newer = model(
        lifecycle="preview",
        price=1.5,
        capabilities={"batch": {"supported": True}, "telepathy": {"supported": False}},
    )
    drift = find_drift(
        [
            exchange(page(newer, newer), x_ratelimit_remaining="9"),
            exchange(newer, operation="get_model"),
        ]
    )
    found = {(item.kind, item.where): item for item in drift.items}
    assert set(found) == {
        ("enum value", "Lifecycle"),
        ("field", "ModelInfo.price"),
        ("capability key", "ModelCapabilities.telepathy"),
        ("header", "x-ratelimit-remaining"),
    }
    assert found["enum value", "Lifecycle"].count == 3
    assert found["enum value", "Lifecycle"].example.startswith('"preview" in GET /v1/models')
    assert found["header", "x-ratelimit-remaining"].count == 1
    assert drift.items[0].count == 3  # most frequent first
    assert "update openapi.yaml and regenerate" in drift.lines()[0]


def test_error_bodies_are_read_against_the_error_schema() -> None:
    """A field beside the error envelope's known ones is drift; details is open (no drift)."""
    body = {
        "type": "error",
        "error": {"type": "x", "message": "m", "details": {"error_code": "c", "any": 1}, "hint": 2},
        "request_id": "req_1",
    }
    drift = find_drift([exchange(body, status=404)])
    assert [(i.kind, i.where) for i in drift.items] == [("field", "ErrorDetail.hint")]


def test_answers_the_spec_does_not_document_or_that_are_not_json_are_skipped() -> None:
    """An undocumented status (418) or a body that is not JSON is not drift's business."""
    odd = Exchange(
        request=SentRequest("GET", "/v1/models", "x-api-key"),
        operation="list_models",
        status=200,
        headers=HEADERS,
        body=b"<html>",
        seconds=0.0,
    )
    assert not find_drift([exchange({"weird": 1}, status=418), odd])


def test_examples_are_redacted() -> None:
    """A target echoing the key in a header of its own shows it masked in the drift example."""
    key = "sk-ant-drift-0123456789"
    drift = find_drift(
        [exchange(page(model()), x_echo_key=key)],
        redact=lambda text: text.replace(key, "[REDACTED]"),
    )
    assert [item.where for item in drift.items] == ["x-echo-key"]
    assert key not in drift.items[0].example and "[REDACTED]" in drift.items[0].example


def test_thousands_of_invented_keys_make_a_bounded_readable_report() -> None:
    """3,000 distinct unknown keys and 500 headers (dynamic Prism) become a few grouped lines,
    and a JSON report of bounded size that still counts every occurrence."""
    headers = {f"x-invented-{n}": "v" for n in range(500)}
    answers = [
        exchange(page(model(**{f"invented_{n}_{k}": k for k in range(30)})), "list_models", 200)
        for n in range(100)
    ]
    answers = [attrs.evolve(answer, headers={**answer.headers, **headers}) for answer in answers]
    drift = find_drift(answers)
    assert len(drift.items) == 3000 + 500
    lines = drift.lines()
    assert len(lines) <= 10, lines
    assert "nox -s generate" in lines[0]
    grouped = [line for line in lines if "ModelInfo.*: 3000 distinct" in line]
    assert grouped and "and 2995 more" in grouped[0]
    data = drift.to_list()
    assert len(json.dumps(data)) < 50_000
    assert sum(group["count"] for group in data) == sum(item.count for item in drift.items)
    assert {group["where"] for group in data} == {"ModelInfo.*", "*"}
