"""The conformance kit: test any implementation of the Models API against openapi.yaml.

Gateways, proxies, caches, mocks and re-implementations are tested on what generic fuzzers miss:
the pagination rules (``has_more`` at the exact boundary, exclusive cursors, ``before_id`` pages
taken from the right end, pages that neither skip nor repeat), authentication, error bodies, and
hostile parameters. The kit first walks the target's own catalogue, then checks every rule against
it. It depends on the spec, the generated models and transport and the codec, never on the
client, so that it tests the client's counterpart honestly.

Every check has a :class:`Level`: ``contract`` (documented by the API), ``spec`` (a decision of
openapi.yaml where the API is silent) or ``hygiene`` (HTTP robustness). By default only contract
and hygiene findings fail; spec findings are warnings, failures with ``strict=True``. Exit codes:
0 pass, 1 fail, 2 cannot test, 3 inconclusive (a check was left unevaluated: not a pass).

>>> from anthropic_models.conformance import run_conformance
>>> from anthropic_models.server import serve_in_thread
>>> with serve_in_thread(api_key="sk-test") as server:
...     report = run_conformance(server.url, api_key="sk-test")
>>> report.exit_code, report.failures
(0, ())

From the command line: ``anthropic-models conformance BASE_URL`` (or ``python -m
anthropic_models.conformance``); from pytest: :func:`pytest_checks` and :func:`assert_conformant`.

The reference server above is started with a key. ``anthropic-models serve`` without
``--api-key`` accepts any key, by design: the kit then fails ``auth-any-key`` (and
``auth-missing`` does not apply); give it ``--api-key``, or ``--skip auth-any-key``.

The drift section of a report lists what the target sent that ``openapi.yaml`` does not know: it is
the signal to update ``openapi.yaml`` and regenerate the package (``nox -s generate``).
"""

from __future__ import annotations

from anthropic_models.conformance.pytest_support import (
    ConformanceCase,
    assert_conformant,
    pytest_checks,
)
from anthropic_models.conformance.registry import CHECKS, Check, Level, select_checks
from anthropic_models.conformance.report import CheckResult, Report, Status
from anthropic_models.conformance.runner import run_conformance
from anthropic_models.conformance.target import MADE_UP_KEY, SentRequest, Target

__all__ = [
    "CHECKS",
    "MADE_UP_KEY",
    "Check",
    "CheckResult",
    "ConformanceCase",
    "Level",
    "Report",
    "SentRequest",
    "Status",
    "Target",
    "assert_conformant",
    "pytest_checks",
    "run_conformance",
    "select_checks",
]
