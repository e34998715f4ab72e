"""Running the kit from a pytest suite: one test per check, or one assertion over a report.

One test per check (the kit runs once, on first use, and each test reports its check)::

    import os, pytest
    from anthropic_models.conformance import pytest_checks

    @pytest.mark.parametrize(
        "case", pytest_checks(os.environ["GATEWAY_URL"], api_key=os.environ["GATEWAY_KEY"]), ids=str
    )
    def test_gateway_conforms(case):
        case.check()

Or one test over the whole report, for a URL known only inside a test (a fixture's server)::

    from anthropic_models.conformance import assert_conformant, run_conformance

    def test_my_mock(my_mock_url):
        assert_conformant(run_conformance(my_mock_url, api_key="sk-test"))
"""

from __future__ import annotations

import threading
from typing import Any, Optional, Sequence

from anthropic_models.conformance.registry import CHECKS, select_checks
from anthropic_models.conformance.report import CheckResult, Report, Status, escape_controls
from anthropic_models.conformance.runner import DISCOVERY_RULE, run_conformance

__all__ = ["ConformanceCase", "assert_conformant", "pytest_checks"]


def _describe(result: CheckResult) -> str:
    lines = [f"{result.name} ({result.level}): {result.reason}"]
    if result.evidence:
        lines.append(f"    request: {result.evidence}")
    lines.append(f"    rule: {result.rule}")
    return "\n".join(escape_controls(line) for line in lines)  # pytest prints to a terminal


def assert_conformant(report: Report) -> None:
    """Raise AssertionError, naming each failed check, its request and its rule, unless it passed.

    An inconclusive run (a check not evaluated) is not a pass either; spec-level warnings are
    (unless the run was strict, which made them failures).

    >>> from anthropic_models.conformance.report import Report
    >>> assert_conformant(Report(target="http://127.0.0.1:8080", auth="x-api-key", results=()))
    """
    if report.untestable is not None:
        raise AssertionError(f"cannot test {report.target}: {report.untestable}")
    if report.failures:
        details = "\n".join(_describe(result) for result in report.failures)
        raise AssertionError(f"{report.target} does not conform ({report.summary}):\n{details}")
    if report.unevaluated:
        details = "\n".join(_describe(result) for result in report.unevaluated)
        raise AssertionError(
            f"{report.target}: the run is inconclusive ({report.summary}):\n{details}"
        )


class _SharedRun:
    """One run of the kit, made on first use and shared by every case (thread-safe)."""

    def __init__(self, url: str, options: dict[str, Any]) -> None:
        self._url = url
        self._options = options
        self._lock = threading.Lock()
        self._report: Optional[Report] = None

    def report(self) -> Report:
        with self._lock:
            if self._report is None:
                self._report = run_conformance(self._url, **self._options)
            return self._report


class ConformanceCase:
    """One check of a shared run, for ``pytest.mark.parametrize`` (``str(case)`` is its name)."""

    def __init__(self, name: str, rule: str, run: _SharedRun) -> None:
        self.name = name
        self.rule = rule
        self._run = run

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<ConformanceCase {self.name}>"

    def report(self) -> Report:
        """The report of the run every case of one :func:`pytest_checks` call shares."""
        return self._run.report()

    def result(self) -> CheckResult:
        """This check's result (running the kit if no case has yet)."""
        report = self.report()
        if report.untestable is not None:
            raise AssertionError(f"cannot test {report.target}: {report.untestable}")
        return report.result(self.name)

    def check(self) -> None:
        """Pass, fail (with the reason, request and rule) or skip as the check did.

        A spec-level warning passes; an inconclusive or not run check fails (it is not a pass).
        """
        import pytest

        result = self.result()
        if result.status is Status.FAILED:
            pytest.fail(_describe(result), pytrace=False)
        if result.status in (Status.INCONCLUSIVE, Status.NOT_RUN):
            pytest.fail(f"{result.status.value}: {_describe(result)}", pytrace=False)
        if result.status is Status.SKIPPED:
            pytest.skip(result.reason)


def pytest_checks(
    url: str,
    *,
    api_key: Optional[str] = None,
    auth_token: Optional[str] = None,
    only: Optional[Sequence[str]] = None,
    skip: Optional[Sequence[str]] = None,
    **options: Any,
) -> list[ConformanceCase]:
    """One :class:`ConformanceCase` per selected check (and one for discovery), sharing one run.

    Nothing is sent until a case's :meth:`~ConformanceCase.check` runs; ``options`` are those of
    :func:`run_conformance` (``strict``, ``headers``, ``max_requests``, ``timeout``, ``pool``).

    >>> [str(case) for case in pytest_checks("http://127.0.0.1:9", api_key="k", only=["order"])]
    ['discovery', 'order']
    """
    checks = select_checks(list(only or ()), list(skip or ()))
    run = _SharedRun(
        url,
        {"api_key": api_key, "auth_token": auth_token, "only": only, "skip": skip, **options},
    )
    cases = [ConformanceCase("discovery", DISCOVERY_RULE, run)]
    return cases + [ConformanceCase(c.name, CHECKS[c.name].rule, run) for c in checks]
