"""validate=True: the server checks its traffic against openapi.yaml, and its own answers pass."""

from __future__ import annotations

import logging
import sys
from typing import Any

import pytest

from anthropic_models._validation import spec_validator
from anthropic_models.errors import MissingDependencyError
from anthropic_models.server import Catalogue, ModelsApp
from tests.catalogue_facts import CATALOG, a_model, an_alias
from tests.server.test_errors import _every_kind_of_request, _nasty_targets
from tests.server.wsgi import KEY, call, small_catalog

RETIRED = CATALOG.view_ids(["retired"])


@pytest.fixture(scope="module")
def validating() -> ModelsApp:
    """The built-in catalogue served with validation on."""
    pytest.importorskip("openapi_core")
    return ModelsApp(Catalogue.builtin(), api_key=KEY, validate=True)


def _valid_and_invalid_requests() -> list[dict[str, Any]]:
    walk: list[dict[str, Any]] = [{"target": f"/v1/models?limit={n}"} for n in (1, 3, 20, 1000)]
    cursors: list[dict[str, Any]] = [
        {"target": f"/v1/models?after_id={a_model('deprecated')}&limit=4"},
        {"target": f"/v1/models?before_id={RETIRED[len(RETIRED) // 2]}&limit=4"},
        {"target": f"/v1/models?after_id={CATALOG.ids[-1]}"},
        {"target": f"/v1/models?before_id={CATALOG.view_ids(['active'])[-1]}"},
        {"target": f"/v1/models?after_id={RETIRED[len(RETIRED) // 2]}"},
        {"target": "/v1/models?lifecycle[]=retired&limit=5"},
        {"target": "/v1/models?lifecycle%5B%5D=retired&lifecycle%5B%5D=active"},
        {"target": "/v1/models?lifecycle=deprecated"},
        {"target": f"/v1/models?lifecycle[]=active&after_id={a_model('retired')}"},
        {"target": f"/v1/models/{an_alias('active', 'deprecated')[0]}"},
        {"target": f"/v1/models/{an_alias('retired')[0]}"},
        {"target": f"/v1/models/{CATALOG.ids[-1]}"},
        {"target": f"/v1/models/{a_model('deprecated')}"},
        {"target": "/v1/models", "headers": {"anthropic-workspace-id": "wrkspc_01"}},
        {"target": f"/v1/models/{a_model('active')}", "headers": {"anthropic-workspace-id": "w"}},
        {"target": "/v1/models", "headers": {"anthropic-version": "2023-06-01"}},
        {"target": "/v1/models", "key": None, "headers": {"authorization": f"Bearer {KEY}"}},
    ]
    invalid: list[dict[str, Any]] = [
        {"target": "/v1/models?limit=0"},
        {"target": "/v1/models?limit=abc"},
        {"target": "/v1/models?limit=1&limit=2"},
        {"target": "/v1/models?after_id=a&before_id=b"},
        {"target": "/v1/models?after_id="},
        {"target": f"/v1/models?after_id={an_alias('active', 'deprecated')[0]}"},
        {"target": "/v1/models?after_id=%ff"},
        {"target": "/v1/models/nope"},
        {"target": "/v1/models/%zz"},
        {"target": "/v1/models?lifecycle[]=gone"},
        {"target": "/v1/models?lifecycle[]="},
        {"target": "/v1/models?" + "&".join(["lifecycle[]=active"] * 4)},
        {"target": "/v1/models", "headers": {"anthropic-workspace-id": ""}},
        {"target": "/v1/models", "key": None},
        {"target": "/v1/models", "key": "wrong"},
    ]
    return walk + cursors + invalid + _every_kind_of_request()


def test_validated_traffic_never_fails_response_validation(
    validating: ModelsApp, caplog: pytest.LogCaptureFixture
) -> None:
    """Valid and invalid requests alike get answers that pass the spec: no 500, nothing logged."""
    caplog.set_level(logging.WARNING, logger="anthropic_models.server")
    for request in _valid_and_invalid_requests():
        answer = call(validating, **request)
        assert answer.status != 500, (request, answer.body)
    for target in _nasty_targets(150):
        assert call(validating, target).status != 500, target
    assert caplog.records == []


def test_the_walk_under_validation_matches_the_plain_app(validating: ModelsApp) -> None:
    """Validation changes no answer: the same bodies as without it."""
    plain = ModelsApp(Catalogue.builtin(), api_key=KEY)
    for request in _valid_and_invalid_requests():
        if request.get("method", "GET") == "GET":
            a, b = call(validating, **request), call(plain, **request)
            assert (a.status, a.headers.get("allow")) == (b.status, b.headers.get("allow"))
            if a.status == 200:
                assert a.body == b.body


def test_a_response_that_fails_the_spec_becomes_a_logged_500(
    validating: ModelsApp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """If the server ever answered off-spec, validation turns it into a 500 api_error saying why."""
    monkeypatch.setattr(Catalogue, "model_json", lambda self, i: b'{"id": 3}')
    answer = call(validating, f"/v1/models/{a_model('active')}")
    assert answer.status == 500
    assert answer.error_type == "api_error"
    assert "failed validation against the spec" in answer.json()["error"]["message"]
    assert "fails the spec" in caplog.text


def test_a_request_the_spec_refuses_is_a_400_even_if_the_app_accepted_it(
    validating: ModelsApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the app accept what openapi-core refuses, validation answers 400 with the reason."""
    validator = spec_validator()
    monkeypatch.setattr(type(validator), "request_errors", lambda *args: ["query.limit: too odd"])
    answer = call(validating, "/v1/models?limit=3")
    assert answer.status == 400
    assert "too odd" in answer.json()["error"]["message"]


def test_validation_without_openapi_core_is_a_missing_dependency(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """validate=True without openapi-core raises MissingDependencyError naming the extra."""
    spec_validator.cache_clear()
    monkeypatch.setitem(sys.modules, "openapi_core", None)
    try:
        with pytest.raises(MissingDependencyError, match=r"anthropic-models\[validation\]"):
            ModelsApp(small_catalog(), validate=True)
    finally:
        spec_validator.cache_clear()
