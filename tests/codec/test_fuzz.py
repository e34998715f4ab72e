"""Property tests of decoding: whatever arrives, the result is a model or ResponseValidationError."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

pytest.importorskip("hypothesis", reason="hypothesis needs attrs >= 22.2 (not in min-deps)")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anthropic_models import _codec
from anthropic_models.errors import ResponseValidationError
from anthropic_models_generated import rfc3339 as one_rule
from anthropic_models_generated.models import ErrorResponse, ListModelsResponse, ModelInfo

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=25,
)
rfc3339 = st.datetimes(
    timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=-5, minutes=-30))])
).map(_codec.format_datetime)
support = st.fixed_dictionaries({"supported": st.booleans()})
capabilities = st.fixed_dictionaries(
    {
        **dict.fromkeys(
            (
                "batch",
                "citations",
                "code_execution",
                "image_input",
                "pdf_input",
                "structured_outputs",
            ),
            support,
        ),
        "effort": st.fixed_dictionaries(
            {
                "supported": st.booleans(),
                **dict.fromkeys(("low", "medium", "high", "max"), support),
            },
            optional={"xhigh": st.none() | support},
        ),
        "thinking": st.fixed_dictionaries(
            {
                "supported": st.booleans(),
                "types": st.fixed_dictionaries(
                    dict.fromkeys(("adaptive", "between_tools", "disabled", "enabled"), support)
                ),
            }
        ),
        "server_tools": st.fixed_dictionaries(
            {"supported": st.booleans(), "web_search": support, "code_execution": support}
        ),
        "context_management": st.fixed_dictionaries(
            {"supported": st.booleans()}, optional={"compact_20260112": st.none() | support}
        ),
    },
)
models: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "id": st.text(min_size=1, max_size=30),
        "type": st.just("model"),
        "created_at": rfc3339,
        "display_name": st.text(max_size=30),
        "lifecycle": st.sampled_from(["active", "deprecated", "retired"]),
    },
    optional={
        "deprecated_at": st.none() | rfc3339,
        "retires_at": st.none() | rfc3339,
        "line": st.none() | st.text(max_size=10),
        "max_input_tokens": st.none() | st.integers(min_value=0, max_value=10**7),
        "max_tokens": st.none() | st.integers(min_value=0, max_value=10**6),
        "capabilities": st.none() | capabilities,
    },
)
pages = st.lists(models, max_size=5).map(
    lambda data: {
        "data": data,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": bool(data) and len(data) % 2 == 0,
    }
)
extra_fields = st.dictionaries(
    st.text(min_size=1, max_size=12).filter(
        lambda key: (
            key
            not in {
                "id",
                "type",
                "created_at",
                "display_name",
                "lifecycle",
                "deprecated_at",
                "retires_at",
                "line",
                "max_input_tokens",
                "max_tokens",
                "capabilities",
                "data",
                "first_id",
                "last_id",
                "has_more",
            }
        )
    ),
    json_values,
    max_size=3,
)


def decodes_or_refuses(body: Any, cls: type) -> None:
    """Decoding gives an instance of cls or ResponseValidationError, nothing else."""
    try:
        result: object = _codec.decode(body, cls)
    except ResponseValidationError as exc:
        message = str(exc)
    else:
        assert isinstance(result, cls)
        return
    assert message.startswith("$")


@SETTINGS
@given(json_values)
def test_any_json_value_decodes_or_is_refused(value: Any) -> None:
    """Any JSON value, as a page, a model or an error, is decoded or refused with the typed error."""
    body = json.dumps(value)
    for cls in (ListModelsResponse, ModelInfo, ErrorResponse):
        decodes_or_refuses(body, cls)


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_decode_or_are_refused(body: bytes) -> None:
    """Arbitrary bytes (broken UTF-8, truncated JSON) never escape as another exception."""
    decodes_or_refuses(body, ListModelsResponse)


@SETTINGS
@given(pages, extra_fields, extra_fields)
def test_spec_valid_pages_with_extra_fields_decode(
    page: dict[str, Any], top: dict[str, Any], inner: dict[str, Any]
) -> None:
    """A spec-valid page decodes whatever unknown fields it carries, to the same models."""
    plain = _codec.structure(page, ListModelsResponse)
    noisy = dict(page, **top, data=[dict(model, **inner) for model in page["data"]])
    assert _codec.decode(json.dumps(noisy), ListModelsResponse) == plain
    assert [m.id for m in plain.data] == [m["id"] for m in page["data"]]


@SETTINGS
@given(pages, st.data())
def test_mutated_pages_decode_or_are_refused(page: dict[str, Any], data: st.DataObject) -> None:
    """Replacing any one value of a valid page by any JSON value decodes or is refused, typed."""
    paths: list[list[Any]] = []

    def collect(node: Any, path: list[Any]) -> None:
        paths.append(path)
        if isinstance(node, dict):
            for key, child in node.items():
                collect(child, [*path, key])
        elif isinstance(node, list):
            for index, child in enumerate(node):
                collect(child, [*path, index])

    collect(page, [])
    path = data.draw(st.sampled_from(paths[1:])) if len(paths) > 1 else []
    replacement = data.draw(json_values)
    mutated = json.loads(json.dumps(page))
    if path:
        node = mutated
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = replacement
    else:
        mutated = replacement
    decodes_or_refuses(json.dumps(mutated), ListModelsResponse)


@SETTINGS
@given(models)
def test_models_round_trip(model: dict[str, Any]) -> None:
    """decode(encode(decode(x))) == decode(x) for every spec-valid model."""
    decoded = _codec.structure(model, ModelInfo)
    assert _codec.decode(_codec.encode(decoded), ModelInfo) == decoded


@given(
    st.datetimes(
        min_value=datetime(1, 1, 2),
        max_value=datetime(9999, 12, 30),
        timezones=st.sampled_from(
            [timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))]
        ),
    )
)
def test_rfc3339_format_then_parse_gives_the_same_instant(moment: datetime) -> None:
    """format_datetime writes what parse_datetime reads back to the same aware datetime."""
    text = one_rule.format_datetime(moment)
    assert text.isascii()
    assert one_rule.is_datetime(text)
    parsed = one_rule.parse_datetime(text)
    assert parsed == moment
    assert parsed.utcoffset() == moment.utcoffset()
