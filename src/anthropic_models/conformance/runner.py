"""Running the checks against one target: discovery first, then each selected check once, in order.

A check's outcome becomes a status by its level and the profile: a broken spec-level rule is a
warning unless ``strict``. A request that gets no answer (after the one retry a dropped connection
earns) makes the runner ask whether the target still answers at all; when it does not, the run
stops there: the failure names the last request that got an answer and the first that did not,
and the checks still to run are "not run".
"""

from __future__ import annotations

import time
import traceback
from typing import Mapping, Optional, Sequence, Union

import anthropic_models.conformance.checks  # noqa: F401  (registers the checks)
from anthropic_models.conformance.deadline import (
    DEFAULT_REQUEST_DEADLINE,
    DEFAULT_RUN_DEADLINE,
    RunDeadline,
)
from anthropic_models.conformance.discovery import (
    Catalogue,
    DiscoveryFailed,
    Untestable,
    discover,
)
from anthropic_models.conformance.drift import find_drift
from anthropic_models.conformance.registry import (
    Check,
    Context,
    Failure,
    Inconclusive,
    Level,
    Skip,
    select_checks,
)
from anthropic_models.conformance.report import CheckResult, Report, Status, one_line
from anthropic_models.conformance.target import (
    DEFAULT_MAX_REQUESTS,
    BudgetExhausted,
    Exchange,
    NoAnswer,
    SentRequest,
    Target,
)
from anthropic_models_generated.transport import Pool

SAFE_MAX_REQUESTS = 300
"""The request budget of the safe profile, unless one is given."""

__all__ = [
    "DEFAULT_MAX_REQUESTS",
    "DEFAULT_REQUEST_DEADLINE",
    "DEFAULT_RUN_DEADLINE",
    "DEFAULT_TIMEOUT",
    "DISCOVERY_RULE",
    "SAFE_MAX_REQUESTS",
    "run_conformance",
]

"""The default request budget: a run on a catalogue of a few dozen models sends about 200."""

DEFAULT_TIMEOUT = 10.0
"""The default seconds to connect, and to wait for each read."""

DISCOVERY_RULE = (
    'API contract (openapi.yaml, list_models): "Walk forward with `after_id = last_id` while '
    '`has_more` is true"'
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
    headers: Union[Mapping[str, str], Sequence[tuple[str, str]], None] = None,
    strict: bool = False,
    request_deadline: float = DEFAULT_REQUEST_DEADLINE,
    run_deadline: float = DEFAULT_RUN_DEADLINE,
    proxy: Optional[str] = None,
    safe: bool = False,
) -> Report:
    """Test the Models API at ``url``; never raises for what the target does.

    ``api_key`` is sent as ``x-api-key``, ``auth_token`` as ``Authorization: Bearer``; one is
    needed. ``headers`` are added to every request (a gateway's own key...): a mapping or
    ``(name, value)`` pairs; the values of secret-looking names (``*key*``, ``*token*``,
    ``authorization``) never appear in a report. ``strict`` fails spec-level findings instead of
    warning. ``only`` and ``skip`` select checks by name. ``max_requests`` bounds the requests
    sent, ``timeout`` each wait to connect or for a byte (seconds), ``request_deadline`` each
    request as a whole (headers and body: a target dripping bytes cannot stretch it) and
    ``run_deadline`` the whole run (the checks still to run then are "not run"). ``safe`` is
    the profile for production targets: only the checks that send well-formed requests an
    ordinary client sends (no hostile input, no made-up or missing credentials), paced (at most
    5 a second, a budget of 300 unless ``max_requests`` says otherwise), a 429 or ``retry-after``
    waited out; it still gives the contract verdict and the drift report. ``pool`` is a urllib3 pool to send through (a
    ``ProxyManager``, custom TLS); by default one is made as the client makes it (``proxy``, or
    ``HTTPS_PROXY``/``HTTP_PROXY`` unless ``NO_PROXY`` lists the host) and closed. ValueError for a bad
    argument (an unknown check, a malformed header, a base URL that is not http(s)).

    >>> from anthropic_models.server import serve_in_thread
    >>> with serve_in_thread(api_key="sk-test") as server:
    ...     report = run_conformance(server.url, api_key="sk-wrong")
    >>> report.exit_code, report.untestable.startswith("the target refuses the credentials")
    (2, True)
    """
    checks = select_checks(list(only or ()), list(skip or ()))
    if safe:
        checks = [check for check in checks if check.safe]
        if max_requests == DEFAULT_MAX_REQUESTS:
            max_requests = SAFE_MAX_REQUESTS
    started = time.perf_counter()
    target = Target(
        url,
        api_key=api_key,
        auth_token=auth_token,
        timeout=timeout,
        max_requests=max_requests,
        pool=pool,
        headers=headers,
        request_deadline=request_deadline,
        run_deadline=run_deadline,
        proxy=proxy,
        safe=safe,
    )
    try:
        return _Run(target, strict, started).run(checks)
    finally:
        target.close()


class _Run:
    def __init__(self, target: Target, strict: bool, started: float) -> None:
        self.target = target
        self.strict = strict
        self.started = started
        self.stopped: Optional[str] = None

    def report(self, results: Sequence[CheckResult], **fields: object) -> Report:
        return Report(
            drift=find_drift(self.target.exchanges, redact=self.target.redact),
            target=self.target.shown_url,
            auth=self.target.credential.name,
            results=tuple(results),
            requests=self.target.sent,
            seconds=time.perf_counter() - self.started,
            strict=self.strict,
            headers=self.target.shown_headers,
            stopped=self.stopped,
            retried=len(self.target.retries),
            safe=self.target.safe,
            **fields,  # type: ignore[arg-type]
        )

    def run(self, checks: list[Check]) -> Report:
        target = self.target
        if target.credential.scheme == "none":
            return self.report((), untestable="no credentials: give an API key or an auth token")
        catalogue: Optional[Catalogue] = None
        failed: Optional[Exception] = None
        try:
            catalogue = discover(target)
        except Untestable as exc:
            return self.report((), untestable=one_line(target.redact(str(exc))))
        except Exception as exc:  # reported as the discovery's result, like a check's
            failed = exc
        if failed is not None:
            discovered = self.result(
                "discovery", DISCOVERY_RULE, Level.CONTRACT, failed, (0, 0, 0), self.started
            )
        else:
            assert catalogue is not None
            pages = "page" if catalogue.pages == 1 else "pages"
            discovered = CheckResult(
                name="discovery",
                status=Status.PASSED,
                reason=(
                    f"{len(catalogue.ids)} models in {catalogue.pages} {pages} "
                    f"of limit={catalogue.limit}"
                ),
                rule=DISCOVERY_RULE,
                level=Level.CONTRACT.value,
                requests=target.sent,
                seconds=time.perf_counter() - self.started,
                retried=tuple(str(note) for note in target.retries),
            )
        context = Context(target, catalogue)
        results = [discovered]
        for check in checks:
            if self.stopped is None and target.watchdog.run_left <= 0:
                self.stopped = f"the run deadline ({target.watchdog.run_deadline:g} s) passed"
            if self.stopped is not None:
                results.append(
                    CheckResult(
                        name=check.name,
                        status=Status.NOT_RUN,
                        reason=f"not run: {self.stopped}",
                        rule=check.rule,
                        level=check.level.value,
                    )
                )
                continue
            results.append(self.run_one(check, context))
        return self.report(
            results, catalogue_size=None if catalogue is None else len(catalogue.ids)
        )

    def run_one(self, check: Check, context: Context) -> CheckResult:
        target = self.target
        marks = (target.sent, len(target.retries), len(target.exchanges))
        sent_before, retried_before, _ = marks
        started = time.perf_counter()
        failed: Optional[Exception] = None
        reason = ""
        try:
            reason = check.run(context)
        except Exception as exc:  # turned into the check's status
            failed = exc
        if failed is not None:  # outside the except block: the probe's errors stand alone
            result = self.result(check.name, check.rule, check.level, failed, marks, started)
            if result.status in (Status.FAILED, Status.WARNED):
                # One defect, one finding: the response shown, and the crashes this check
                # provoked, are its own; the checks over every response refer to it.
                sent = target.exchanges[marks[2] :]
                cited = getattr(failed, "exchange", None)
                owned = [e for e in sent if e is cited or e.status >= 500]
                context.claim(owned, check.name)
            return result
        return CheckResult(
            name=check.name,
            status=Status.PASSED,
            reason=one_line(target.redact(reason)),
            rule=check.rule,
            level=check.level.value,
            requests=target.sent - sent_before,
            seconds=time.perf_counter() - started,
            retried=tuple(str(note) for note in target.retries[retried_before:]),
        )

    def result(
        self,
        name: str,
        rule: str,
        level: Level,
        exc: Exception,
        marks: tuple[int, int, int],
        started: float,
    ) -> CheckResult:
        """The result of a check that raised ``exc``; ``marks``: requests, retries, exchanges before."""
        target = self.target
        sent_before, retried_before, seen_before = marks
        request: Optional[SentRequest] = None
        response_status: Optional[int] = None
        exchange: Optional[Exchange] = None
        if isinstance(exc, (Failure, DiscoveryFailed)):
            failed_status = (
                Status.WARNED if level is Level.SPEC and not self.strict else Status.FAILED
            )
            status, reason, exchange = failed_status, exc.reason, exc.exchange
        elif isinstance(exc, NoAnswer):
            status, request = Status.FAILED, exc.request
            reason = self.no_answer(exc, name)
        elif isinstance(exc, Skip):
            status, reason = Status.SKIPPED, str(exc)
        elif isinstance(exc, Inconclusive):
            status, reason = Status.INCONCLUSIVE, str(exc)
        elif isinstance(exc, RunDeadline):
            status = Status.NOT_RUN
            self.stopped = f"the run deadline ({target.watchdog.run_deadline:g} s) passed"
            reason = f"not finished: {self.stopped} during {name}"
        elif isinstance(exc, BudgetExhausted):
            status = Status.INCONCLUSIVE
            reason = f"the request budget is spent ({target.max_requests}): raise --max-requests"
        else:  # a bug of the kit, or an answer it did not foresee: say which, conclude nothing
            where = traceback.extract_tb(exc.__traceback__)[-1]
            status = Status.INCONCLUSIVE
            reason = (
                f"the kit could not evaluate the answer ({type(exc).__name__}: {exc}, "
                f"at {where.name}:{where.lineno})"
            )
            if len(target.exchanges) > seen_before:
                exchange = target.exchanges[-1]
        if exchange is not None:
            request, response_status = exchange.request, exchange.status
        if request is not None:
            request = SentRequest(request.method, target.redact(request.target), request.auth)
        return CheckResult(
            name=name,
            status=status,
            reason=one_line(target.redact(reason)),
            rule=rule,
            level=level.value,
            request=request,
            response_status=response_status,
            requests=target.sent - sent_before,
            seconds=time.perf_counter() - started,
            retried=tuple(str(note) for note in target.retries[retried_before:]),
        )

    def no_answer(self, exc: NoAnswer, name: str) -> str:
        """Why a request got no answer; stops the run when the target no longer answers at all."""
        target = self.target
        last = target.exchanges[-1] if target.exchanges else None
        if exc.kind != "unreachable":  # an answer came, too slow or too large: it is alive
            return exc.reason
        try:
            alive = target.alive()
        except (BudgetExhausted, RunDeadline):
            alive = True  # cannot ask: judge the request alone
        if alive:
            return f"no answer (hygiene: a dropped request): {exc.reason}"
        after = f"the last request answered was {last}" if last else "no request was answered"
        self.stopped = f"the target stopped answering during {name}"
        return (
            f"the target stopped answering (a fresh request got no answer either): {after}; "
            f"the first without an answer was {exc.request}: {exc.reason}"
        )
