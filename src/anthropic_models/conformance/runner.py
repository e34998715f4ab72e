"""Running the checks against one target: discovery first, then each selected check once."""

from __future__ import annotations

import time
import traceback
from typing import Optional, Sequence

import anthropic_models.conformance.checks  # noqa: F401  (registers the checks)
from anthropic_models.conformance.discovery import (
    Catalogue,
    DiscoveryFailed,
    Untestable,
    discover,
)
from anthropic_models.conformance.registry import Check, Context, Failure, Skip, select_checks
from anthropic_models.conformance.report import CheckResult, Report, Status, one_line
from anthropic_models.conformance.target import BudgetExhausted, NoAnswer, Target
from anthropic_models_generated.transport import Pool

__all__ = ["DEFAULT_MAX_REQUESTS", "DEFAULT_TIMEOUT", "DISCOVERY_RULE", "run_conformance"]

DEFAULT_MAX_REQUESTS = 1000
"""The default request budget: a run on a catalogue of a few dozen models sends about 130."""

DEFAULT_TIMEOUT = 10.0
"""The default seconds to connect, and to wait for each read."""

DISCOVERY_RULE = (
    'openapi.yaml, list_models: "Walk forward with `after_id = last_id` while `has_more` is true"'
)


def run_conformance(
    url: str,
    *,
    api_key: Optional[str] = None,
    auth_token: Optional[str] = None,
    only: Optional[Sequence[str]] = None,
    skip: Optional[Sequence[str]] = None,
    max_requests: int = DEFAULT_MAX_REQUESTS,
    timeout: float = DEFAULT_TIMEOUT,
    pool: Optional[Pool] = None,
) -> Report:
    """Test the Models API at ``url`` against openapi.yaml; never raises for what the target does.

    ``api_key`` is sent as ``x-api-key``, ``auth_token`` as ``Authorization: Bearer``; one is
    needed. ``only`` and ``skip`` select checks by name (ValueError for an unknown one).
    ``max_requests`` bounds the requests sent, ``timeout`` each one (seconds). ``pool`` is a urllib3
    pool to send through (a ``ProxyManager``, custom TLS); by default one is made and closed.

    >>> from anthropic_models.server import serve_in_thread
    >>> with serve_in_thread(api_key="sk-test") as server:
    ...     report = run_conformance(server.url, api_key="sk-wrong")
    >>> report.exit_code, report.untestable.startswith("the target refuses the credentials")
    (2, True)
    """
    checks = select_checks(list(only or ()), list(skip or ()))
    started = time.perf_counter()
    target = Target(
        url,
        api_key=api_key,
        auth_token=auth_token,
        timeout=timeout,
        max_requests=max_requests,
        pool=pool,
    )
    try:
        return _run(target, checks, started)
    finally:
        target.close()


def _run(target: Target, checks: list[Check], started: float) -> Report:
    def report(results: Sequence[CheckResult], **fields: object) -> Report:
        return Report(
            target=target.shown_url,
            auth=target.credential.name,
            results=tuple(results),
            requests=target.sent,
            seconds=time.perf_counter() - started,
            **fields,  # type: ignore[arg-type]
        )

    if target.credential.scheme == "none":
        return report((), untestable="no credentials: give an API key or an auth token")
    discovery_started = time.perf_counter()
    try:
        catalogue: Optional[Catalogue] = discover(target)
    except Untestable as exc:
        return report((), untestable=one_line(target.redact(str(exc))))
    except DiscoveryFailed as exc:
        catalogue = None
        discovered = CheckResult(
            name="discovery",
            status=Status.FAILED,
            reason=one_line(target.redact(exc.reason)),
            rule=DISCOVERY_RULE,
            request=None if exc.exchange is None else exc.exchange.request,
            response_status=None if exc.exchange is None else exc.exchange.status,
            requests=target.sent,
            seconds=time.perf_counter() - discovery_started,
        )
    else:
        assert catalogue is not None
        pages = "page" if catalogue.pages == 1 else "pages"
        discovered = CheckResult(
            name="discovery",
            status=Status.PASSED,
            reason=f"{len(catalogue.ids)} models in {catalogue.pages} {pages} of limit={catalogue.limit}",
            rule=DISCOVERY_RULE,
            requests=target.sent,
            seconds=time.perf_counter() - discovery_started,
        )
    context = Context(target, catalogue)
    ordered = [c for c in checks if not c.last] + [c for c in checks if c.last]
    by_name = {c.name: _run_one(c, context) for c in ordered}
    return report(
        [discovered, *(by_name[c.name] for c in checks)],
        catalogue_size=None if catalogue is None else len(catalogue.ids),
    )


def _run_one(check: Check, context: Context) -> CheckResult:
    target = context.target
    sent_before, seen_before = target.sent, len(target.exchanges)
    started = time.perf_counter()
    status, reason = Status.PASSED, ""
    request, response_status = None, None
    try:
        reason = check.run(context)
    except Failure as failure:
        status, reason = Status.FAILED, failure.reason
        if failure.exchange is not None:
            request, response_status = failure.exchange.request, failure.exchange.status
    except NoAnswer as exc:
        status, reason, request = Status.FAILED, f"no answer: {exc.reason}", exc.request
    except Skip as exc:
        status, reason = Status.SKIPPED, str(exc)
    except BudgetExhausted:
        status = Status.SKIPPED
        reason = f"the request budget is spent ({target.max_requests}): raise --max-requests"
    except Exception as exc:  # a bug of the kit, or an answer it did not foresee: say which
        where = traceback.extract_tb(exc.__traceback__)[-1]
        status = Status.FAILED
        reason = (
            f"the kit could not evaluate the answer ({type(exc).__name__}: {exc}, "
            f"at {where.name}:{where.lineno})"
        )
        if len(target.exchanges) > seen_before:
            last = target.exchanges[-1]
            request, response_status = last.request, last.status
    if request is not None:
        request = type(request)(request.method, target.redact(request.target), request.auth)
    return CheckResult(
        name=check.name,
        status=status,
        reason=one_line(target.redact(reason)),
        rule=check.rule,
        request=request,
        response_status=response_status,
        requests=target.sent - sent_before,
        seconds=time.perf_counter() - started,
    )
