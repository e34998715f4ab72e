"""No false verdict on real gateways: broken premises, undocumented choices, extra fields."""

from __future__ import annotations

import argparse
from typing import Any, Optional
from urllib.parse import parse_qsl, urlsplit

import pytest

import anthropic_models.conformance.target as target_module
from anthropic_models.conformance import CHECKS, Status, run_conformance
from anthropic_models.conformance.cli import configure_conformance_parser
from anthropic_models.conformance.pages import STAGES
from anthropic_models.conformance.registry import Level
from anthropic_models.conformance.report import Report
from anthropic_models.server import serve_in_thread
from tests.conformance.independent import Choices, IndependentApp, make_models
from tests.conformance.mutants import MUTANTS
from tests.conformance.wsgi_pool import wsgi_pool
from tests.fakes import FakeResponse, Sent

KEY = "sk-ant-verdicts-" + "v" * 24
URL = "http://independent.test"


def run(app: Any, **options: Any) -> Report:
    """The kit against ``app`` in-process."""
    return run_conformance(URL, api_key=KEY, pool=wsgi_pool(app), **options)


@pytest.mark.integration
def test_a_broken_premise_is_inconclusive_and_names_the_check_that_failed() -> None:
    """Repeated lifecycle[] collapsed to the last value fails lifecycle-filter; lifecycle-cursor,
    whose whole-catalogue walk it cuts down, is inconclusive naming it, not a failure (strict)."""
    mutant = next(m for m in MUTANTS if m.name == "lifecycle-collapsed")
    with serve_in_thread(mutant.app(KEY)) as server:
        report = run_conformance(server.url, api_key=KEY, strict=True)
    assert "lifecycle-filter" in report.failed_names
    cursor = report.result("lifecycle-cursor")
    assert cursor.status is Status.INCONCLUSIVE, report.to_text()
    assert "lifecycle-filter" in cursor.reason


class RetiredFilterEmpty(IndependentApp):
    """``lifecycle[]=retired`` alone lists nothing; other filters still show retired models."""

    def stages(self, params: list[tuple[str, str]]) -> tuple[str, ...]:
        stages = super().stages(params)
        return ("conformance-none",) if stages == ("retired",) else stages


def test_a_skip_that_hides_an_unevaluated_check_is_inconclusive() -> None:
    """No retired model under lifecycle[]=retired, while another walk saw some: retired-retrieve
    is inconclusive (and names lifecycle-filter), not skipped."""
    report = run(RetiredFilterEmpty(make_models(20), api_key=KEY))
    result = report.result("retired-retrieve")
    assert result.status is Status.INCONCLUSIVE, report.to_text()
    assert "lifecycle-filter" in result.reason
    assert "lifecycle-filter" in report.failed_names


def test_without_retired_models_anywhere_the_retired_checks_still_skip() -> None:
    """A catalogue with no retired model at all skips retired-retrieve (nothing is hidden)."""
    report = run(IndependentApp(make_models(12, retired_every=1000), api_key=KEY))
    assert report.result("retired-retrieve").status is Status.SKIPPED


def test_disagreeing_credentials_resolved_by_one_header_are_not_a_finding() -> None:
    """A target where x-api-key wins over a different Bearer passes auth-hostile, and says so."""
    app = IndependentApp(make_models(8), api_key=KEY, choices=Choices(credentials="x-api-key-wins"))
    report = run(app, only=["auth-hostile"], strict=True)
    result = report.result("auth-hostile")
    assert result.status is Status.PASSED, report.to_text()
    assert "not documented" in result.reason


class CrashesOnEmpty(IndependentApp):
    """An empty x-api-key and an empty Bearer both crash the target."""

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        key = environ.get("HTTP_X_API_KEY")
        bearer = str(environ.get("HTTP_AUTHORIZATION", "x")).strip()
        if key == "" or bearer == "Bearer":
            start_response("500 Internal Server Error", [("content-type", "text/plain")])
            return [b"boom"]
        return super().__call__(environ, start_response)


def test_auth_hostile_evaluates_and_reports_every_case() -> None:
    """Two crashing cases are both reported in one finding, not only the first one met."""
    report = run(CrashesOnEmpty(make_models(8), api_key=KEY), only=["auth-hostile"])
    result = report.result("auth-hostile")
    assert result.status is Status.FAILED
    assert "an empty Bearer" in result.reason and "an empty x-api-key" in result.reason
    assert result.reason.startswith("2 of 5 malformed credentials")


def test_a_varying_field_the_spec_does_not_know_is_drift_not_a_retrieve_mismatch() -> None:
    """A trace id new in every answer passes get-model and appears once in the drift report."""
    app = IndependentApp(make_models(12), api_key=KEY, choices=Choices(extra_field=True))
    report = run(app, strict=True)
    assert report.result("get-model").status is Status.PASSED, report.to_text()
    assert any(item.where.endswith(".trace_id") for item in report.drift.items)


class EmptyValuesAccepted(IndependentApp):
    """``limit=`` means the default, and an empty cursor means none."""

    def limit(self, text: Optional[str]) -> int:
        return super().limit(None if text == "" else text)

    def scalar(self, params: list[tuple[str, str]], name: str) -> Optional[str]:
        value = super().scalar(params, name)
        return None if value == "" and name.endswith("_id") else value


def test_empty_values_are_invalid_parameters() -> None:
    """An accepted empty ``limit=`` and empty cursors warn limit-invalid and cursor-unknown."""
    report = run(EmptyValuesAccepted(make_models(8), api_key=KEY))
    assert {"limit-invalid", "cursor-unknown"} <= report.warned_names, report.to_text()
    assert report.result("limit-invalid").request is not None
    assert report.result("limit-invalid").request.target.endswith("limit=")  # type: ignore[union-attr]
    assert report.result("cursor-unknown").request.target.endswith("_id=")  # type: ignore[union-attr]


def test_path_integrity_is_a_security_finding_that_fails_every_profile() -> None:
    """path-integrity is at the security level and names no rule of the spec: HTTP's own."""
    check = CHECKS["path-integrity"]
    assert check.level is Level.SECURITY and check.rules == ()


def test_a_correct_implementation_with_every_legitimate_choice_passes() -> None:
    """The independent implementation ignoring unknown stages, letting x-api-key win, adding a
    varying field and not checking the workspace header passes the default profile."""
    choices = Choices(
        unknown_stage="ignore",
        credentials="x-api-key-wins",
        extra_field=True,
        workspace="unchecked",
    )
    report = run(IndependentApp(make_models(20), api_key=KEY, choices=choices))
    assert report.exit_code == 0, report.to_text()
    assert report.result("path-integrity").status is Status.PASSED
    assert report.result("workspace-hostile").status is Status.PASSED


class CrashesOnNul(IndependentApp):
    """A NUL in the model id crashes the target: a 500 with a plain-text body (two gateways)."""

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        if "\x00" in str(environ.get("PATH_INFO", "")):
            start_response("500 Internal Server Error", [("content-type", "text/plain")])
            return [b"Internal Server Error"]
        return super().__call__(environ, start_response)


def test_one_crash_is_one_finding_not_one_per_check_that_meets_it() -> None:
    """The 500 robustness provoked fails robustness alone: error-format and response-format,
    meeting the same response, refer to it instead of failing again."""
    report = run(CrashesOnNul(make_models(12), api_key=KEY))
    assert report.failed_names == {"robustness"}, report.to_text()
    for name in ("error-format", "response-format"):
        assert "already reported by robustness" in report.result(name).reason
    assert report.verdict.startswith("FAIL: 1 check failed (hygiene)")


def test_the_safe_profile_sends_only_well_formed_paced_requests_and_waits_out_429(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--profile safe: every request carries the run's own key and only valid parameters, a 429
    is waited out and sent again, and the run still gives a contract verdict and the drift."""
    monkeypatch.setattr(target_module, "SAFE_INTERVAL", 0.001)
    sent: list[Sent] = []

    def rate_limited(request: Sent) -> Optional[FakeResponse]:
        sent.append(request)
        if len(sent) % 7 == 0:
            body = b'{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}'
            headers = {"retry-after": "0", "content-type": "application/json", "request-id": "r"}
            return FakeResponse(429, body, headers)
        return None

    app = IndependentApp(make_models(12), api_key=KEY, choices=Choices(extra_field=True))
    report = run_conformance(URL, api_key=KEY, pool=wsgi_pool(app, tamper=rate_limited), safe=True)
    assert report.exit_code == 0, report.to_text()
    assert report.profile == "safe" and "safe profile" in report.verdict
    assert {r.name for r in report.results} == {"discovery"} | {
        name for name, check in CHECKS.items() if check.safe
    }
    assert report.drift
    stages = set(STAGES)
    for request in sent:
        assert (
            request.headers.get("x-api-key") == KEY
            or request.headers.get("authorization") == f"Bearer {KEY}"
        ), request
        parts = urlsplit(request.url)
        assert parts.path == "/v1/models" or (
            parts.path.startswith("/v1/models/") and "%" not in parts.path
        )
        for name, value in parse_qsl(parts.query, keep_blank_values=True):
            assert name in {"limit", "after_id", "before_id", "lifecycle[]"}, request.url
            assert value, request.url
            if name == "limit":
                assert value.isdigit() and 1 <= int(value) <= 1000
            if name == "lifecycle[]":
                assert value in stages
    assert len(sent) == report.requests and len(sent) >= 7  # the 429s were sent again


def test_the_safe_profile_is_a_command_line_choice() -> None:
    """``--profile safe`` parses, and the help says drift is the signal to regenerate."""
    parser = argparse.ArgumentParser()
    configure_conformance_parser(parser)
    assert parser.parse_args(["http://x", "--profile", "safe"]).profile == "safe"
    assert "nox -s generate" in parser.format_help().replace("\n", " ")


class RandomRetrieves(IndependentApp):
    """Every retrieve answers some listed model, whatever the id (a mock generating answers)."""

    def answer(self, environ: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if str(environ.get("PATH_INFO", "")).startswith("/v1/models/"):
            environ = {**environ, "PATH_INFO": "/v1/models/" + self.models[-1]["id"]}
        return super().answer(environ)


def test_path_integrity_is_inconclusive_when_a_plain_retrieve_is_already_wrong() -> None:
    """A target answering another model for a plain id fails get-model; path-integrity, whose
    premise that breaks, is inconclusive naming it, not a second (security) finding."""
    report = run(RandomRetrieves(make_models(8), api_key=KEY))
    assert "get-model" in report.failed_names
    result = report.result("path-integrity")
    assert result.status is Status.INCONCLUSIVE, report.to_text()
    assert "get-model" in result.reason
