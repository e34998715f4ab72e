"""Proving the kit: it fails every mutant of the reference server and passes the correct one."""

from __future__ import annotations

import importlib.util
import math

import attrs
import pytest

from anthropic_models.conformance import CHECKS, Report, Status, run_conformance
from anthropic_models.conformance.checks.pagination import MAX_WALK_PAGES
from anthropic_models.server import Catalogue, serve_in_thread
from tests.conformance.mutants import MUTANTS, Mutant

pytestmark = pytest.mark.integration

KEY = "sk-ant-mutant-" + "m" * 24
HAS_OPENAPI_CORE = importlib.util.find_spec("openapi_core") is not None


def as_strict(report: Report) -> Report:
    """The verdict ``--strict`` gives on the same answers: the profile only turns spec-level
    warnings into failures (a real strict run is compared with this below)."""
    results = tuple(
        attrs.evolve(r, status=Status.FAILED) if r.status is Status.WARNED else r
        for r in report.results
    )
    return attrs.evolve(report, results=results, strict=True)


def verdicts(report: Report) -> list[tuple[str, Status, str, str]]:
    """What a run concluded, check by check (without its timings)."""
    return [(r.name, r.status, r.level, r.reason) for r in report.results]


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: f"{m.level}:{m.name}")
def test_the_kit_catches_the_mutant_at_the_level_it_states(mutant: Mutant) -> None:
    """The check of the mutant's rule catches it at the level the table states: a contract or
    hygiene mutant fails the default profile; a spec one only warns there and fails --strict."""
    if mutant.needs_openapi_core and not HAS_OPENAPI_CORE:
        pytest.skip("only the schema check (openapi-core) sees this bug")
    spec = mutant.level == "spec"
    with serve_in_thread(mutant.app(KEY)) as server:
        default = run_conformance(server.url, api_key=KEY)
    strict = as_strict(default)
    assert strict.exit_code == 1, strict.to_text()
    assert mutant.caught_by in strict.failed_names, strict.to_text()
    result = strict.result(mutant.caught_by)
    assert result.level == mutant.level == CHECKS[mutant.caught_by].level.value
    assert result.request is not None, "a failure cites the request that showed it"
    if spec:
        assert mutant.caught_by in default.warned_names, default.to_text()
        assert all(r.level == "spec" for r in strict.failures), strict.to_text()
        assert default.exit_code == 0, default.to_text()
    else:
        assert default.exit_code == 1, default.to_text()
    assert KEY not in default.to_json()


def test_strict_turns_exactly_the_spec_level_warnings_into_failures() -> None:
    """A real --strict run on a spec mutant concludes what :func:`as_strict` derives from the
    default run (the mutant test above relies on it)."""
    mutant = next(m for m in MUTANTS if m.level == "spec")
    with serve_in_thread(mutant.app(KEY)) as server:
        default = run_conformance(server.url, api_key=KEY)
        strict = run_conformance(server.url, api_key=KEY, strict=True)
    derived = as_strict(default)
    assert default.warnings, default.to_text()
    assert verdicts(strict) == verdicts(derived)
    assert (strict.exit_code, strict.verdict) == (derived.exit_code, derived.verdict)
    assert KEY not in strict.to_json()


@pytest.mark.parametrize(
    "catalog",
    [Catalogue.builtin(), Catalogue.synthetic(45, seed=7)],
    ids=["builtin", "synthetic-45"],
)
@pytest.mark.parametrize("scheme", ["api_key", "auth_token"])
def test_the_correct_server_passes_with_no_false_positive(catalog: Catalogue, scheme: str) -> None:
    """The reference server passes every check with --strict, with either auth scheme."""
    with serve_in_thread(catalog, api_key=KEY) as server:
        if scheme == "api_key":
            report = run_conformance(server.url, api_key=KEY, strict=True)
        else:
            report = run_conformance(server.url, auth_token=KEY, strict=True)
    assert report.exit_code == 0, report.to_text()
    assert report.failures == ()
    skipped = {r.name for r in report.results if r.status is Status.SKIPPED}
    assert skipped <= ({"order-ties"} if HAS_OPENAPI_CORE else {"order-ties", "schema"})
    assert report.catalogue_size == sum(1 for m in catalog if m.lifecycle != "retired")


def test_a_large_catalogue_is_walked_in_several_pages_within_budget() -> None:
    """2,100 models (over 1,000 listed): discovery takes 2 pages, small walks grow their limit."""
    catalog = Catalogue.synthetic(2100)
    listed = len(catalog.view_ids())  # the default view: retired models are left out
    assert listed > 1000
    with serve_in_thread(catalog, api_key=KEY) as server:
        report = run_conformance(server.url, api_key=KEY)
    assert report.exit_code == 0, report.to_text()
    assert report.result("discovery").reason == f"{listed} models in 2 pages of limit=1000"
    walk_limit = math.ceil(listed / MAX_WALK_PAGES)
    assert f"pages of {walk_limit}" in report.result("pages-partition").reason
    assert report.requests < 500


def test_a_full_run_passes_every_check_it_can_evaluate() -> None:
    """Every check against the local reference server passes, or is skipped for a stated reason.

    (How long a run takes is measured by ``nox -s bench``, not asserted here.)
    """
    with serve_in_thread(api_key=KEY) as server:
        report = run_conformance(server.url, api_key=KEY)
    assert report.exit_code == 0, report.to_text()
    skipped = {r.name for r in report.results if r.status is Status.SKIPPED}
    # The built-in catalogue has no ties; without openapi-core (min-deps) the schema check skips.
    assert skipped <= {"order-ties", "schema"}, report.to_text()
    assert report.count(Status.PASSED) + len(skipped) >= len(CHECKS)
