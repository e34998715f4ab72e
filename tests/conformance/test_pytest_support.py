"""Running the kit from a user's pytest suite: parametrizable cases and a report assertion."""

from __future__ import annotations

import importlib.util

import pytest

from anthropic_models.conformance import (
    CHECKS,
    assert_conformant,
    pytest_checks,
    run_conformance,
)
from anthropic_models.server import DEFAULT_LIMIT, Catalogue, serve_in_thread
from tests.conformance.mutants import MUTANTS

pytestmark = pytest.mark.integration

KEY = "sk-ant-pytest-" + "p" * 24
HAS_OPENAPI_CORE = importlib.util.find_spec("openapi_core") is not None


def test_cases_pass_against_the_reference_server() -> None:
    """Every case (one per check, and discovery) passes; the kit runs once for all of them."""
    with serve_in_thread(api_key=KEY) as server:
        cases = pytest_checks(server.url, api_key=KEY)
        assert [str(case) for case in cases] == ["discovery", *CHECKS]
        for case in cases:
            if str(case) == "schema" and not HAS_OPENAPI_CORE:
                with pytest.raises(pytest.skip.Exception, match="openapi-core is not installed"):
                    case.check()
            elif str(case) == "order-ties":  # the built-in catalogue has no tie to order
                with pytest.raises(pytest.skip.Exception, match="no tie to order"):
                    case.check()
            else:
                case.check()
        assert len({id(case.report()) for case in cases}) == 1


def test_a_failing_case_fails_with_reason_request_and_rule() -> None:
    """The case of the broken rule fails with its reason, request and rule; the others pass."""
    mutant = next(m for m in MUTANTS if m.name == "default-limit-10")
    with serve_in_thread(mutant.app(KEY)) as server:
        cases = {str(c): c for c in pytest_checks(server.url, api_key=KEY, skip=["schema"])}
        with pytest.raises(pytest.fail.Exception) as failed:
            cases["default-limit"].check()
        cases["order"].check()
    message = str(failed.value)
    expected = min(len(Catalogue.builtin().view_ids()), DEFAULT_LIMIT)
    assert message.startswith(
        f"default-limit (contract): no limit gave 10 models, expected {expected}"
    )
    assert "request: GET /v1/models (x-api-key) -> 200" in message
    assert "rule: API contract" in message


def test_a_skipped_check_skips_its_case() -> None:
    """A check the catalogue cannot exercise (too few models) skips its pytest case."""
    with serve_in_thread(Catalogue.synthetic(1), api_key=KEY) as server:
        (discovery, order) = pytest_checks(server.url, api_key=KEY, only=["order"])
        discovery.check()
        with pytest.raises(pytest.skip.Exception, match="needs 2 or more models"):
            order.check()


def test_assert_conformant_names_each_failure() -> None:
    """assert_conformant raises an AssertionError naming the failed check, its request and rule;
    a spec-level finding fails it only in a strict run."""
    mutant = next(m for m in MUTANTS if m.name == "both-cursors-accepted")
    with serve_in_thread(mutant.app(KEY)) as server:
        default = run_conformance(server.url, api_key=KEY)
        report = run_conformance(server.url, api_key=KEY, strict=True)
        with serve_in_thread(api_key=KEY) as good:
            assert_conformant(run_conformance(good.url, api_key=KEY, strict=True))
    assert_conformant(default)
    with pytest.raises(AssertionError) as raised:
        assert_conformant(report)
    text = str(raised.value)
    assert "does not conform (" in text
    assert "cursor-conflict (spec): both cursors were accepted (200), expected 400" in text
    assert "request: GET /v1/models?after_id=" in text


def test_an_inconclusive_run_is_not_conformant_and_its_cases_fail() -> None:
    """A run cut short by its budget fails assert_conformant and the cases it left unevaluated."""
    with serve_in_thread(api_key=KEY) as server:
        report = run_conformance(server.url, api_key=KEY, max_requests=5)
        cases = pytest_checks(server.url, api_key=KEY, max_requests=5, only=["order", "has-more"])
        for case in cases[:2]:
            case.check()
        with pytest.raises(pytest.fail.Exception, match=r"^inconclusive: has-more"):
            cases[2].check()
    with pytest.raises(AssertionError, match="the run is inconclusive"):
        assert_conformant(report)


def test_an_untestable_target_fails_every_case() -> None:
    """When the target cannot be tested each case fails with the reason rather than passing."""
    cases = pytest_checks("http://127.0.0.1:9", api_key=KEY, only=["order"], timeout=1)
    with pytest.raises(AssertionError, match=r"cannot test http://127\.0\.0\.1:9: unreachable"):
        cases[1].check()
