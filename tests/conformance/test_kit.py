"""The kit without sockets: an implementation answers in-process through a fake urllib3 pool.

Most tests use the independent implementation of ``tests/conformance/independent.py`` (a correct
target that shares no code with the reference server); the reference app's own run is here too.
"""

from __future__ import annotations

import ast
import importlib.util
import json
from pathlib import Path
from typing import Any, Optional
from xml.etree import ElementTree

import pytest
from urllib3.exceptions import NewConnectionError

import anthropic_models.conformance as conformance
from anthropic_models import _validation
from anthropic_models.conformance import CHECKS, Status, Target, run_conformance
from anthropic_models.conformance.pages import MAX_LIMIT
from anthropic_models.conformance.registry import Level
from anthropic_models.conformance.target import Credential, redacted_url
from anthropic_models.errors import MissingDependencyError
from anthropic_models.server import Catalogue, ModelsApp
from tests.conformance.independent import IndependentApp, make_models
from tests.conformance.mutants import MUTANTS, SPEC_ONLY, MutantApp, Reply, error_reply
from tests.conformance.wsgi_pool import wsgi_pool
from tests.fakes import FakePool, FakeResponse, Sent

KEY = "sk-ant-unit-" + "k" * 24
HAS_OPENAPI_CORE = importlib.util.find_spec("openapi_core") is not None
SCHEMA_SKIPPED = 0 if HAS_OPENAPI_CORE else 1
PREFIX = "/anthropic"
URL = "http://gateway.test" + PREFIX


def run(app: Any, **options: Any) -> conformance.Report:
    """Run the kit against ``app`` in-process, with KEY unless credentials are given."""
    if "api_key" not in options and "auth_token" not in options:
        options["api_key"] = KEY
    return run_conformance(URL, pool=wsgi_pool(app, prefix=PREFIX), **options)


def correct(api_key: Optional[str] = KEY, count: int = 30) -> IndependentApp:
    """The independent implementation, making the spec's choices: it passes --strict."""
    return IndependentApp(make_models(count), api_key=api_key)


def test_reference_app_passes_every_check_in_process_strict() -> None:
    """The reference app passes every check with --strict, none skipped, a base URL prefix kept."""
    report = run(ModelsApp(api_key=KEY), strict=True)
    assert report.exit_code == 0, report.to_text()
    # and discovery; the built-in catalogue has no tie in created_at for order-ties to order
    assert report.count(Status.PASSED) == len(CHECKS) + 1 - SCHEMA_SKIPPED - 1
    assert report.result("order-ties").status is Status.SKIPPED
    assert report.warnings == ()
    ties = run(ModelsApp(Catalogue.synthetic(40), api_key=KEY), strict=True, only=["order-ties"])
    assert ties.result("order-ties").status is Status.PASSED, ties.to_text()


def test_an_independent_implementation_passes_every_check_strict() -> None:
    """A second, independent implementation of the spec passes every check with --strict."""
    report = run(correct(), strict=True)
    assert report.exit_code == 0, report.to_text()
    assert report.count(Status.PASSED) == len(CHECKS) + 1 - SCHEMA_SKIPPED
    assert report.verdict.startswith("PASS [strict profile")


def test_bearer_token_alone_is_enough() -> None:
    """A run with only an auth token sends it as Bearer and passes."""
    report = run(correct(), auth_token=KEY)
    assert report.exit_code == 0, report.to_text()
    assert report.auth == "bearer"
    assert "x-api-key not tried" in report.result("auth-schemes").reason


def test_any_key_server_fails_only_auth_any_key() -> None:
    """A server accepting any key fails auth-any-key alone, and auth-wrong-key says why it skips."""
    report = run(correct(api_key=None))
    assert report.failed_names == {"auth-any-key"}
    assert report.result("auth-any-key").reason.startswith("accepts any key")
    assert report.result("auth-wrong-key").status is Status.SKIPPED
    hostile = report.result("auth-hostile")
    assert hostile.status is Status.PASSED and "(the target accepts any key)" in hostile.reason
    assert "an empty Bearer: 401" in hostile.reason


def test_failure_cites_request_and_rule() -> None:
    """A failing check names the request that showed it (without the key) and the rule it tests."""
    mutant = next(m for m in MUTANTS if m.name == "has-more-off-by-one")
    report = run(mutant.app(KEY))
    result = report.result("has-more")
    assert result.status is Status.FAILED
    assert result.request is not None and result.request.target.startswith("/v1/models?")
    assert result.request.auth == "x-api-key"
    assert result.response_status == 200
    assert "has_more" in result.rule
    assert f"[{result.request}" in result.line()


def echo_key(environ: dict[str, Any], reply: Reply) -> Reply:
    """A response hook that puts the presented key into every error message (a leaky server)."""
    if reply.status < 400:
        return reply
    data = reply.json()
    data["error"]["message"] += f" (you sent {environ.get('HTTP_X_API_KEY')})"
    return reply.with_json(data)


def test_key_never_appears_in_any_output() -> None:
    """The key is in no line, JSON or JUnit report, even when the server echoes it back."""
    app = MutantApp(Catalogue.builtin(), api_key=KEY, after=echo_key, before=_refuse_bearer)
    report = run(app)
    assert report.failures, "the mutant must fail something, so that reasons quote its errors"
    for text in (report.to_text(), report.to_json(), report.to_junit_xml()):
        assert KEY not in text
    assert "[REDACTED]" in report.to_json()


def _refuse_bearer(app: ModelsApp, environ: dict[str, Any]) -> Optional[Reply]:
    if "HTTP_AUTHORIZATION" in environ:
        return error_reply(
            401, "authentication_error", f"no bearer {environ['HTTP_AUTHORIZATION']}"
        )
    return None


def test_refused_credentials_make_the_target_untestable() -> None:
    """A key the target refuses gives exit status 2, no checks, and the 401 in the reason."""
    report = run(correct(), api_key="sk-ant-not-this-one")
    assert report.exit_code == 2
    assert report.results == ()
    assert report.untestable is not None and "refuses the credentials (401" in report.untestable
    assert report.to_text().startswith(f"cannot test {URL}:")


def test_no_credentials_make_the_target_untestable() -> None:
    """Without a key or a token nothing is sent and the status is 2."""
    pool = wsgi_pool(correct(), prefix=PREFIX)
    report = run_conformance(URL, pool=pool)
    assert (report.exit_code, report.requests, pool.sent) == (2, 0, [])


def test_unreachable_target_is_untestable() -> None:
    """A connection refused on the first request gives exit status 2 naming the error."""
    pool = FakePool(handler=lambda sent: NewConnectionError(None, "refused"))  # type: ignore[arg-type]
    report = run_conformance(URL, api_key=KEY, pool=pool)
    assert report.exit_code == 2
    assert report.untestable is not None and report.untestable.startswith("unreachable")


def test_a_walk_that_loops_fails_discovery_and_leaves_catalogue_checks_inconclusive() -> None:
    """A page that points back fails discovery; checks needing the catalogue are inconclusive."""

    def loop(sent: Sent) -> Optional[FakeResponse]:
        if "limit=1000" not in sent.url:
            return None
        page: dict[str, Any] = {"data": [], "first_id": None, "last_id": None, "has_more": True}
        return FakeResponse(200, json.dumps(page).encode(), {"content-type": "application/json"})

    report = run_conformance(
        URL, api_key=KEY, pool=wsgi_pool(correct(), prefix=PREFIX, tamper=loop)
    )
    assert report.exit_code == 1
    assert report.result("discovery").status is Status.FAILED
    assert "has_more is true" in report.result("discovery").reason
    for name, check in CHECKS.items():
        if check.needs_catalogue:
            result = report.result(name)
            assert result.status is Status.INCONCLUSIVE, name
            assert "needs the catalogue" in result.reason
    assert report.result("auth-missing").status is Status.PASSED


def test_limit_1000_refused_still_discovers_with_a_smaller_limit() -> None:
    """A target refusing the largest limit is walked with a tenth of it and fails limit-honoured only."""
    mutant = next(m for m in MUTANTS if m.name == "limit-1000-refused")
    report = run(mutant.app(KEY))
    assert report.result("discovery").reason.endswith("limit=100")
    assert report.failed_names == {"limit-honoured"}


def test_only_and_skip_select_checks() -> None:
    """--only runs the named checks (after discovery); --skip leaves checks out; order is kept."""
    report = run(correct(), only=["has-more", "order"], skip=["order"])
    assert [r.name for r in report.results] == ["discovery", "has-more"]


def test_unknown_check_name_is_refused() -> None:
    """An unknown check name is a ValueError listing the known ones, before anything is sent."""
    with pytest.raises(ValueError, match=r"unknown check.*no-such-check.*known: default-limit"):
        run_conformance(URL, api_key=KEY, only=["no-such-check"])


def test_budget_spent_makes_the_run_inconclusive_not_a_pass() -> None:
    """When max_requests runs out the checks still to run are inconclusive, and the exit is 3."""
    report = run(correct(), max_requests=30)
    unevaluated = [r for r in report.results if r.status is Status.INCONCLUSIVE]
    assert unevaluated and all("budget" in r.reason for r in unevaluated)
    assert report.requests == 30
    assert report.failures == ()
    assert report.exit_code == 3
    assert f"{len(unevaluated)} inconclusive" in report.summary
    assert report.verdict.startswith(f"INCONCLUSIVE: {len(unevaluated)} checks were not evaluated")
    assert report.to_text().splitlines()[-1] == f"{report.summary}: {report.verdict}"


def test_a_budget_too_small_for_discovery_is_inconclusive() -> None:
    """A budget that cannot walk the catalogue leaves discovery inconclusive (exit 3), not a pass."""
    report = run(correct(count=2 * MAX_LIMIT), max_requests=1, only=["order"])
    assert report.result("discovery").status is Status.INCONCLUSIVE
    assert "raise --max-requests" in report.result("discovery").reason
    assert report.exit_code == 3


def test_schema_check_skips_without_openapi_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without openapi-core the schema check is skipped with the install hint; the others run."""

    def missing() -> Any:
        raise MissingDependencyError("no openapi-core")

    monkeypatch.setattr(_validation, "spec_validator", missing)
    report = run(correct())
    schema = report.result("schema")
    assert schema.status is Status.SKIPPED
    assert "anthropic-models[validation]" in schema.reason
    assert report.exit_code == 0
    assert report.count(Status.PASSED) == len(CHECKS)


def test_target_records_auth_scheme_never_the_key() -> None:
    """Each recorded request names its credential's scheme; the key is only in the headers sent."""
    app = correct()
    pool = wsgi_pool(app, prefix=PREFIX)
    with Target(URL, api_key=KEY, pool=pool) as target:
        target.list_models(limit=1)
        target.get_model(app.models[0]["id"], credential=Credential("bearer", KEY))
        target.get_raw(
            "/v1/models", [("limit", "1"), ("limit", "2")], credential=Credential("none")
        )
    assert [(e.request.auth, e.status) for e in target.exchanges] == [
        ("x-api-key", 200),
        ("bearer", 200),
        ("none", 401),
    ]
    assert target.exchanges[2].request.target == "/v1/models?limit=1&limit=2"
    assert pool.sent[0].url == URL + "/v1/models?limit=1"
    assert all(not s.redirect and s.options["retries"] == 0 for s in pool.sent)
    assert KEY not in repr(target.exchanges)


def test_redacted_url_hides_a_password() -> None:
    """A password in the base URL is masked in what reports show."""
    assert redacted_url("https://me:s3cret@gw.test:8443/x") == "https://me:***@gw.test:8443/x"
    assert redacted_url("https://gw.test/x") == "https://gw.test/x"


def test_junit_and_json_reports_parse_and_count() -> None:
    """The JUnit XML parses and counts failures; the JSON has a result per check and the summary."""
    mutant = next(m for m in MUTANTS if m.name == "retrieve-disagrees")
    report = run(mutant.app(KEY))
    suite = ElementTree.fromstring(report.to_junit_xml())
    assert suite.get("failures") == "1"
    assert suite.get("tests") == str(len(CHECKS) + 1)
    (failure,) = suite.iter("failure")
    assert "differs from the list on display_name" in (failure.get("message") or "")
    data = json.loads(report.to_json())
    assert data["summary"] == {  # order-ties skips: the built-in catalogue has no tie
        "passed": len(CHECKS) - SCHEMA_SKIPPED - 1,
        "failed": 1,
        "warned": 0,
        "skipped": SCHEMA_SKIPPED + 1,
        "inconclusive": 0,
        "not_run": 0,
    }
    assert data["exit_code"] == 1
    (failed,) = [c for c in data["checks"] if c["status"] == "failed"]
    assert failed["name"] == "get-model" and failed["request"]["auth"] == "x-api-key"
    assert failed["level"] == "contract"


def test_kit_never_imports_the_client() -> None:
    """No module of the kit imports anthropic_models.client (nor _http or pagination)."""
    root = Path(conformance.__file__).parent
    banned = {"anthropic_models.client", "anthropic_models._http", "anthropic_models.pagination"}
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            assert not banned.intersection(names), f"{path.name} imports {names}"


def test_every_check_is_documented_with_its_level() -> None:
    """Every check has a one-line summary and a level, and its rule says where it comes from."""
    where = {
        Level.CONTRACT: "API contract",
        Level.SPEC: "openapi.yaml decision",
        Level.HYGIENE: "HTTP",
        Level.SECURITY: "Security",
    }
    for check in CHECKS.values():
        assert check.summary and check.summary.endswith("."), check.name
        assert where[check.level] in check.rule, check.name


def test_every_check_has_a_mutant_stating_its_level() -> None:
    """The mutants cover every check, and each states the level of the check that catches it."""
    assert len(MUTANTS) >= 20
    assert {m.caught_by for m in MUTANTS} == set(CHECKS)
    for mutant in (*MUTANTS, SPEC_ONLY):
        assert mutant.level == CHECKS[mutant.caught_by].level.value, mutant.name


def test_an_empty_catalogue_is_inconclusive_not_a_pass() -> None:
    """A target listing no model leaves the model checks inconclusive: exit 3, not a pass."""
    report = run(correct(count=0))
    assert report.result("discovery").reason.startswith("0 models")
    assert report.result("order").status is Status.INCONCLUSIVE
    assert "the catalogue is empty" in report.result("order").reason
    assert report.failures == ()
    assert report.exit_code == 3
