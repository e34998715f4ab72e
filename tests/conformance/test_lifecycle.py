"""The lifecycle checks: the default view, the filter, invalid stages, required fields (contract)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from anthropic_models.conformance import Status, run_conformance
from anthropic_models.conformance.checks.lifecycle import missing_keys
from anthropic_models.conformance.pages import MAX_STAGES, STAGES
from anthropic_models.conformance.report import Report
from anthropic_models_generated.models import ModelCapabilities
from anthropic_models_generated.transport import LIST_MODELS
from tests.conformance.independent import IndependentApp, full_capabilities, make_models
from tests.conformance.wsgi_pool import wsgi_pool

KEY = "sk-ant-lifecycle-" + "c" * 24
URL = "http://lifecycle.test"
LIFECYCLE_CHECKS = [
    "lifecycle-default-view",
    "lifecycle-filter",
    "lifecycle-invalid",
    "lifecycle-present",
    "capabilities-keys",
    "retired-retrieve",
    "lifecycle-forms",
    "lifecycle-cursor",
]


def run(app: Any, **options: Any) -> Report:
    """The lifecycle checks against ``app`` in-process."""
    options.setdefault("only", LIFECYCLE_CHECKS)
    return run_conformance(URL, api_key=KEY, pool=wsgi_pool(app), strict=True, **options)


class RetiredInDefaultView(IndependentApp):
    """Without a filter, every stage is listed."""

    def stages(self, params: list[tuple[str, str]]) -> tuple[str, ...]:
        chosen = super().stages(params)
        named = any(key.startswith("lifecycle") for key, _ in params)
        return chosen if named else STAGES


class FilterIgnored(IndependentApp):
    """The filter is read and checked, then ignored: every list is the default view."""

    def stages(self, params: list[tuple[str, str]]) -> tuple[str, ...]:
        super().stages(params)
        return super().stages([])


class _Rewritten(IndependentApp):
    """Every model answered is a deep copy passed through :meth:`rewrite`."""

    def answer(self, environ: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        status, body = super().answer(environ)
        if status != 200:
            return status, body
        body = copy.deepcopy(body)
        for model in body.get("data", [body]):
            self.rewrite(model)
        return status, body

    def rewrite(self, model: dict[str, Any]) -> None:
        raise NotImplementedError


class LifecycleMissing(_Rewritten):
    """Models come without ``lifecycle``."""

    def rewrite(self, model: dict[str, Any]) -> None:
        model.pop("lifecycle", None)


class UnknownLifecycle(_Rewritten):
    """Models have a stage the API does not document (yet): newer than the spec."""

    def rewrite(self, model: dict[str, Any]) -> None:
        model["lifecycle"] = "sunset"


class NumericLifecycle(_Rewritten):
    """Models have a lifecycle that is not a stage name at all."""

    def rewrite(self, model: dict[str, Any]) -> None:
        model["lifecycle"] = 3


class EffortMaxMissing(_Rewritten):
    """``capabilities.effort`` lacks ``max``."""

    def rewrite(self, model: dict[str, Any]) -> None:
        del model["capabilities"]["effort"]["max"]


class RetiredNotRetrievable(IndependentApp):
    """GET of a retired model is a 404."""

    def answer(self, environ: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        status, body = super().answer(environ)
        if status == 200 and body.get("lifecycle") == "retired" and "data" not in body:
            return 404, self.error("not_found_error", "retired")
        return status, body


BROKEN = [
    (RetiredInDefaultView, "lifecycle-default-view"),
    (FilterIgnored, "lifecycle-filter"),
    (LifecycleMissing, "lifecycle-present"),
    (NumericLifecycle, "lifecycle-present"),
    (EffortMaxMissing, "capabilities-keys"),
    (RetiredNotRetrievable, "retired-retrieve"),
]


def test_a_correct_target_passes_every_lifecycle_check() -> None:
    """The independent implementation passes each lifecycle check, none skipped."""
    report = run(IndependentApp(make_models(40), api_key=KEY))
    assert report.exit_code == 0, report.to_text()
    assert [r.status for r in report.results] == [Status.PASSED] * (len(LIFECYCLE_CHECKS) + 1)
    assert "active" in report.result("lifecycle-filter").reason


@pytest.mark.parametrize(("app", "check"), BROKEN, ids=[cls.__name__ for cls, _ in BROKEN])
def test_each_lifecycle_break_fails_its_contract_check(
    app: type[IndependentApp], check: str
) -> None:
    """Each break of the documented lifecycle rules fails its check, at the contract level."""
    report = run(app(make_models(40), api_key=KEY))
    assert check in report.failed_names, report.to_text()
    assert report.result(check).level == "contract"
    assert report.result(check).request is not None
    assert report.exit_code == 1


def test_without_retired_models_the_retired_checks_skip() -> None:
    """A target with no retired model skips the checks that need one, and passes the others."""
    report = run(IndependentApp(make_models(20, retired_every=1000), api_key=KEY))
    assert report.exit_code == 0, report.to_text()
    assert report.result("retired-retrieve").status is Status.SKIPPED
    assert report.result("lifecycle-cursor").status is Status.SKIPPED
    assert "0 retired" in report.result("lifecycle-filter").reason


def test_the_numbers_come_from_the_spec() -> None:
    """The stages and their maximum come from the generated transport, not a hand-written list."""
    parameter = LIST_MODELS.parameter("lifecycle")
    assert parameter.enum == STAGES
    assert parameter.max_items == MAX_STAGES


def test_required_capability_keys_are_read_from_the_generated_model() -> None:
    """missing_keys finds every required key, nested ones included, by its path; optional ones pass."""
    full = full_capabilities()
    assert missing_keys(full, ModelCapabilities, "capabilities") is None
    for path in (
        ("batch",),
        ("effort", "max"),
        ("thinking", "types", "between_tools"),
        ("server_tools", "web_search"),
        ("context_management", "supported"),
    ):
        broken = copy.deepcopy(full)
        parent = broken
        for key in path[:-1]:
            parent = parent[key]
        del parent[path[-1]]
        assert missing_keys(broken, ModelCapabilities, "capabilities") == (
            "capabilities." + ".".join(path) + " is missing"
        )
    assert "compaction" not in full and "xhigh" not in full["effort"]
    with_optional = copy.deepcopy(full)
    with_optional["effort"]["xhigh"] = {}
    assert missing_keys(with_optional, ModelCapabilities, "capabilities") == (
        "capabilities.effort.xhigh.supported is missing"
    )


def test_a_stage_newer_than_the_spec_is_drift_not_a_failure() -> None:
    """lifecycle "sunset" passes lifecycle-present, named as newer, and is in the drift report."""
    report = run(UnknownLifecycle(make_models(12), api_key=KEY), only=["lifecycle-present"])
    result = report.result("lifecycle-present")
    assert result.status is Status.PASSED, report.to_text()
    assert "'sunset' newer than the spec" in result.reason
    drift = {(item.kind, item.where): item.count for item in report.drift.items}
    assert drift[("enum value", "Lifecycle")] > 0
    assert "enum value Lifecycle" in report.to_text()
    assert json.loads(report.to_json())["drift"][0]["kind"] == "enum value"
