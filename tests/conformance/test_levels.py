"""Levels and profiles: spec-level choices warn by default and fail --strict; contract never bends."""

from __future__ import annotations

import importlib.util
import json
from typing import Any
from xml.etree import ElementTree

import attrs
import pytest

from anthropic_models.conformance import CHECKS, Status, run_conformance
from anthropic_models.conformance.registry import Check, Level
from anthropic_models.conformance.report import CheckResult, Report
from anthropic_models.conformance.rules import rule_level, spec_rules
from tests.conformance.independent import DIFFERENT, SPEC, Choices, IndependentApp, make_models
from tests.conformance.mutants import SPEC_ONLY
from tests.conformance.wsgi_pool import wsgi_pool

KEY = "sk-ant-levels-" + "l" * 24
URL = "http://independent.test"
HAS_OPENAPI_CORE = importlib.util.find_spec("openapi_core") is not None
SPEC_CHECKS = {name for name, check in CHECKS.items() if check.level is Level.SPEC}


def run(app: Any, **options: Any) -> Report:
    """The kit against ``app`` in-process."""
    return run_conformance(URL, api_key=KEY, pool=wsgi_pool(app), **options)


def indie(choices: Choices = SPEC) -> IndependentApp:
    """The independent implementation with these choices."""
    return IndependentApp(make_models(30), api_key=KEY, choices=choices)


def test_levels_are_the_documented_split() -> None:
    """The mixed rules are split by level, and the spec's own decisions are spec-level checks."""
    levels = {name: check.level for name, check in CHECKS.items()}
    assert levels["order"] is Level.CONTRACT and levels["order-ties"] is Level.SPEC
    assert levels["first-last-id"] is Level.CONTRACT and levels["empty-page-ids"] is Level.SPEC
    assert levels["response-body"] is Level.CONTRACT
    assert levels["response-format"] is Level.HYGIENE
    assert {"cursor-unknown", "cursor-conflict", "repeated-params", "unknown-params"} <= (
        SPEC_CHECKS
    )
    assert {"lifecycle-forms", "lifecycle-cursor", "limit-invalid", "schema"} <= SPEC_CHECKS
    assert "lifecycle-invalid" in SPEC_CHECKS  # the spec lists "an unknown stage" as a decision
    contract = {n for n, level in levels.items() if level is Level.CONTRACT}
    assert {
        "lifecycle-default-view",
        "lifecycle-filter",
        "lifecycle-present",
        "capabilities-keys",
    } <= contract
    assert {n for n, level in levels.items() if level is Level.HYGIENE} == {
        "robustness",
        "auth-hostile",
        "workspace-hostile",
        "response-format",
    }
    assert {n for n, level in levels.items() if level is Level.SECURITY} == {"path-integrity"}


@pytest.mark.parametrize("name", list(CHECKS))
def test_every_check_has_the_level_of_the_list_its_rules_stand_in(name: str) -> None:
    """A contract or spec check names rules of the spec, all standing where its level says (the
    contract list or the decisions list); hygiene and security checks name none."""
    check = CHECKS[name]
    if check.level in (Level.HYGIENE, Level.SECURITY):
        assert check.rules == ()
        return
    assert check.rules, f"{name} names no rule of the spec"
    assert {rule_level(rule) for rule in check.rules} == {check.level.value}


def test_every_rule_of_the_spec_is_tested_by_some_check() -> None:
    """Each identifier of info.description is named by at least one check."""
    named = {rule for check in CHECKS.values() for rule in check.rules}
    assert set(spec_rules()) - named == set()
    assert set(spec_rules().values()) == {"contract", "spec"}


# Each spec-level choice the independent implementation can make differently, and what it warns.
ONE_CHOICE = [
    (Choices(ties="id-descending"), {"order-ties"}),
    (Choices(repeated="last-wins"), {"repeated-params"}),
    (Choices(unknown_cursor="404"), {"cursor-unknown"}),
    (Choices(unknown_cursor="empty"), {"cursor-unknown"}),
    (Choices(both_cursors="after-wins"), {"cursor-conflict"}),
    (Choices(out_of_range_limit="clamp"), {"limit-invalid"}),
    (Choices(plain_lifecycle=False), {"lifecycle-forms"}),
    (Choices(empty_page_ids="absent"), {"empty-page-ids", "schema"}),
    (Choices(unknown_stage="ignore"), {"lifecycle-invalid", "lifecycle-forms"}),
    (Choices(workspace="unchecked"), {"workspace-invalid"}),
]


@pytest.mark.parametrize(
    ("choices", "warned"),
    ONE_CHOICE,
    ids=[str(attrs.asdict(c, filter=lambda a, v: v != a.default)) for c, _ in ONE_CHOICE],
)
def test_one_spec_choice_warns_by_default_and_fails_strict(
    choices: Choices, warned: set[str]
) -> None:
    """Each spec-level choice made otherwise warns its own checks (exit 0); --strict fails them."""
    expected = warned if HAS_OPENAPI_CORE else warned - {"schema"}
    default = run(indie(choices))
    assert default.exit_code == 0, default.to_text()
    assert default.warned_names == expected
    assert all(result.level == "spec" for result in default.warnings)
    strict = run(indie(choices), strict=True)
    assert strict.exit_code == 1
    assert strict.failed_names == expected
    assert strict.warnings == ()


def test_every_spec_choice_at_once_still_passes_the_default_profile() -> None:
    """An implementation differing in every spec-level choice at once passes (exit 0, warnings)."""
    report = run(indie(DIFFERENT))
    assert report.exit_code == 0, report.to_text()
    assert report.failures == ()
    assert report.warned_names and report.warned_names <= SPEC_CHECKS
    assert report.verdict.startswith(f"PASS, {len(report.warnings)} spec-level warnings")
    assert run(indie(DIFFERENT), strict=True).exit_code == 1


def test_the_reference_server_with_other_spec_choices_passes_the_default_profile() -> None:
    """The reference server differing only in spec-level choices passes by default, fails --strict."""
    report = run(SPEC_ONLY.app(KEY))
    assert report.exit_code == 0, report.to_text()
    assert {"repeated-params", "cursor-unknown", "cursor-conflict", "lifecycle-forms"} <= (
        report.warned_names
    )
    assert report.warned_names <= SPEC_CHECKS
    strict = run(SPEC_ONLY.app(KEY), strict=True)
    assert strict.exit_code == 1
    assert strict.failed_names == report.warned_names


def test_warnings_are_reported_in_text_json_and_junit_but_not_as_failures() -> None:
    """A warning is a WARN line with its level, a "warned" JSON entry, and a passing JUnit case."""
    report = run(indie(Choices(repeated="last-wins")))
    (line,) = [ln for ln in report.to_text().splitlines() if ln.startswith("repeated-params ")]
    assert " WARN  spec      limit given twice was accepted (200)" in line
    data = json.loads(report.to_json())
    (entry,) = [c for c in data["checks"] if c["name"] == "repeated-params"]
    assert (entry["status"], entry["level"]) == ("warned", "spec")
    assert data["profile"] == "default" and data["summary"]["warned"] == 1
    suite = ElementTree.fromstring(report.to_junit_xml())
    assert suite.get("failures") == "0"
    (case,) = [c for c in suite.iter("testcase") if c.get("name") == "repeated-params"]
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and (out.text or "").startswith("warning (spec level, not a failure)")
    assert case.get("classname") == "conformance.spec"


def test_contract_failures_fail_in_every_profile() -> None:
    """A contract break fails the default profile too: profiles never soften the API's own rules."""

    class OldestFirst(IndependentApp):
        def __init__(self) -> None:
            super().__init__(make_models(30), api_key=KEY)
            self.models.reverse()
            self.position = {m["id"]: i for i, m in enumerate(self.models)}

    report = run(OldestFirst())
    assert "order" in report.failed_names
    assert report.result("order").level == "contract"
    assert report.exit_code == 1


def test_results_are_listed_in_the_order_the_checks_ran(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report lists the checks in the order they ran (the `last` ones included, at the end)."""
    ran: list[str] = []

    def recording(check: Check) -> Check:
        def run_it(ctx: Any) -> str:
            ran.append(check.name)
            return check.run(ctx)

        run_it.__doc__ = check.run.__doc__
        run_it.__module__ = check.run.__module__
        return attrs.evolve(check, run=run_it)

    monkeypatch.setattr(
        "anthropic_models.conformance.registry.CHECKS",
        {name: recording(check) for name, check in CHECKS.items()},
    )
    report = run(indie())
    assert [r.name for r in report.results] == ["discovery", *ran]
    assert ran[-4:] == ["error-format", "response-format", "response-body", "schema"]


def test_a_kit_error_is_inconclusive_not_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception inside a check is the kit's problem: the check is inconclusive (exit 3)."""

    def broken(ctx: Any) -> str:
        raise ZeroDivisionError("a bug of the kit")

    patched = dict(CHECKS)
    patched["order"] = attrs.evolve(CHECKS["order"], run=broken)
    monkeypatch.setattr("anthropic_models.conformance.registry.CHECKS", patched)
    report = run(indie(), only=["order"])
    result = report.result("order")
    assert result.status is Status.INCONCLUSIVE
    assert result.reason.startswith("the kit could not evaluate the answer (ZeroDivisionError")
    assert report.exit_code == 3


def test_exit_codes_follow_fail_then_inconclusive_then_pass() -> None:
    """Exit 1 beats 3 (a failure and an unevaluated check), 3 beats 0; warnings alone give 0."""

    def result(status: Status) -> CheckResult:
        return CheckResult(name=status.value, status=status, reason="r", rule="rule")

    def code(*statuses: Status) -> int:
        return Report("http://t", "x-api-key", tuple(result(s) for s in statuses)).exit_code

    assert code(Status.PASSED, Status.WARNED, Status.SKIPPED) == 0
    assert code(Status.PASSED, Status.INCONCLUSIVE) == 3
    assert code(Status.PASSED, Status.NOT_RUN) == 3
    assert code(Status.FAILED, Status.INCONCLUSIVE, Status.NOT_RUN) == 1
    assert Report("http://t", "x", (), untestable="unreachable").exit_code == 2


def test_junit_shows_every_status_for_what_it_is() -> None:
    """JUnit: a failure is a failure, a warning passes with system-out, inconclusive and not-run
    checks are skipped cases whose message says so; each case carries its level."""
    results = tuple(
        CheckResult(name=status.value, status=status, reason="why", rule="rule", level=level)
        for status, level in (
            (Status.PASSED, "contract"),
            (Status.FAILED, "hygiene"),
            (Status.WARNED, "spec"),
            (Status.SKIPPED, "contract"),
            (Status.INCONCLUSIVE, "contract"),
            (Status.NOT_RUN, "spec"),
        )
    )
    suite = ElementTree.fromstring(Report("http://t", "x-api-key", results).to_junit_xml())
    assert (suite.get("failures"), suite.get("skipped"), suite.get("tests")) == ("1", "3", "6")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert cases["failed"].find("failure") is not None
    assert (
        cases["warned"].find("failure") is None and cases["warned"].find("system-out") is not None
    )
    for name in ("inconclusive", "not run"):
        skipped = cases[name].find("skipped")
        assert skipped is not None and (skipped.get("message") or "").startswith(f"{name}: why")
    skipped = cases["skipped"].find("skipped")
    assert skipped is not None and skipped.get("message") == "why"
    levels = {
        name: {p.get("name"): p.get("value") for p in case.iter("property")}["level"]
        for name, case in cases.items()
    }
    assert levels == {r.name: r.level for r in results}
