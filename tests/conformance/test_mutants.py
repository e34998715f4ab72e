"""Proving the kit: it fails every mutant of the reference server and passes the correct one."""

from __future__ import annotations

import importlib.util
import time

import pytest

from anthropic_models.conformance import CHECKS, Status, run_conformance
from anthropic_models.server import Catalog, serve_in_thread
from tests.conformance.mutants import MUTANTS, Mutant

pytestmark = pytest.mark.integration

KEY = "sk-ant-mutant-" + "m" * 24
HAS_OPENAPI_CORE = importlib.util.find_spec("openapi_core") is not None


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: m.name)
def test_the_kit_fails_the_mutant_with_the_check_of_its_rule(mutant: Mutant) -> None:
    """The mutant fails the run (exit 1), and the check of the rule it breaks is among the failures."""
    if mutant.needs_openapi_core and not HAS_OPENAPI_CORE:
        pytest.skip("only the schema check (openapi-core) sees this bug")
    with serve_in_thread(mutant.app(KEY)) as server:
        report = run_conformance(server.url, api_key=KEY)
    assert report.exit_code == 1, report.to_text()
    assert mutant.caught_by in report.failed_names, report.to_text()
    result = report.result(mutant.caught_by)
    assert result.request is not None, "a failure cites the request that showed it"
    assert KEY not in report.to_json()


@pytest.mark.parametrize(
    "catalog", [Catalog.builtin(), Catalog.synthetic(45, seed=7)], ids=["builtin", "synthetic-45"]
)
@pytest.mark.parametrize("scheme", ["api_key", "auth_token"])
def test_the_correct_server_passes_with_no_false_positive(catalog: Catalog, scheme: str) -> None:
    """The reference server with a key passes every check, with either auth scheme, none skipped."""
    with serve_in_thread(catalog, api_key=KEY) as server:
        if scheme == "api_key":
            report = run_conformance(server.url, api_key=KEY)
        else:
            report = run_conformance(server.url, auth_token=KEY)
    assert report.exit_code == 0, report.to_text()
    assert report.failures == ()
    skipped = {r.name for r in report.results if r.status is Status.SKIPPED}
    assert skipped == (set() if HAS_OPENAPI_CORE else {"schema"})
    assert report.catalogue_size == len(catalog)


def test_a_large_catalogue_is_walked_in_several_pages_within_budget() -> None:
    """2,100 models: discovery takes 3 pages, small walks grow their limit, and everything passes."""
    with serve_in_thread(Catalog.synthetic(2100), api_key=KEY) as server:
        report = run_conformance(server.url, api_key=KEY)
    assert report.exit_code == 0, report.to_text()
    assert report.result("discovery").reason == "2100 models in 3 pages of limit=1000"
    assert "pages of 21" in report.result("pages-partition").reason
    assert report.requests < 500


def test_a_full_run_takes_under_five_seconds() -> None:
    """Every check against the local reference server (built-in catalogue) runs in under 5 s."""
    with serve_in_thread(api_key=KEY) as server:
        started = time.perf_counter()
        report = run_conformance(server.url, api_key=KEY)
        elapsed = time.perf_counter() - started
    assert report.exit_code == 0, report.to_text()
    assert report.count(Status.PASSED) >= len(CHECKS)
    assert elapsed < 5.0, f"a full run took {elapsed:.2f} s"
