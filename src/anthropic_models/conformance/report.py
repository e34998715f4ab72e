"""The outcome of a conformance run: one result per check, a verdict, text, JSON and JUnit XML.

Exit statuses (:attr:`Report.exit_code`, and the command's):

* ``0`` **pass**: every check that ran passed (spec-level findings are warnings unless ``strict``);
* ``1`` **fail**: a contract or hygiene check failed (or, with ``strict``, a spec check);
* ``2`` **cannot test**: unreachable, no credentials, credentials refused, a wrong command line or
  a report file that cannot be written;
* ``3`` **inconclusive**: nothing failed, but some check could not be evaluated (the request
  budget ran out, the catalogue could not be read...): the run does not show conformance.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Optional

import attrs

from anthropic_models import _format
from anthropic_models.conformance.drift import Drift
from anthropic_models.conformance.records import SentRequest

__all__ = [
    "EXIT_CANNOT_TEST",
    "EXIT_FAIL",
    "EXIT_INCONCLUSIVE",
    "EXIT_PASS",
    "CheckResult",
    "Report",
    "Status",
    "escape_controls",
]

EXIT_PASS = 0
EXIT_FAIL = 1
EXIT_CANNOT_TEST = 2
EXIT_INCONCLUSIVE = 3

_MAX_REASON = 400


class Status(str, Enum):
    """What a check concluded."""

    PASSED = "passed"
    FAILED = "failed"
    WARNED = "warned"
    """A spec-level rule is broken, in the default profile: reported, not a failure."""
    SKIPPED = "skipped"
    """The rule does not apply to this target (too few models, a missing optional extra)."""
    INCONCLUSIVE = "inconclusive"
    """The check could not be evaluated (budget spent, no catalogue): not a pass."""
    NOT_RUN = "not run"
    """The run stopped before the check (the target stopped answering)."""

    @property
    def word(self) -> str:
        """``PASS``, ``FAIL``, ``WARN``, ``SKIP``, ``INCONCLUSIVE`` or ``NOT RUN``."""
        return _WORDS[self.value]


_WORDS = {
    "passed": "PASS",
    "failed": "FAIL",
    "warned": "WARN",
    "skipped": "SKIP",
    "inconclusive": "INCONCLUSIVE",
    "not run": "NOT RUN",
}


def one_line(text: str, limit: int = _MAX_REASON) -> str:
    """``text`` on one line, cut to a readable length at a word boundary (never mid-word).

    >>> one_line("a  reason   with spaces"), one_line("alpha beta gamma", limit=14)
    ('a reason with spaces', 'alpha beta...')
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 3]
    if flat[limit - 3] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "..."


def escape_controls(text: str) -> str:
    """``text`` safe for a terminal: control and format characters (ESC, BEL, bidi overrides,
    zero-width marks) shown as ``\\x1b``-style escapes, line breaks kept (the project's
    :func:`anthropic_models._format.escape_controls`).

    >>> escape_controls("model\\x1b]0;title\\x07 \\u202egnp.exe")
    'model\\\\x1b]0;title\\\\x07 \\\\u202egnp.exe'
    """
    return _format.escape_controls(text, keep="\n")


@attrs.frozen
class CheckResult:
    """One check's result: name, level, status, one-line reason, the request that showed it, rule."""

    name: str
    status: Status
    reason: str
    rule: str
    level: str = "contract"
    """``contract``, ``spec`` or ``hygiene`` (see :mod:`anthropic_models.conformance.registry`)."""
    request: Optional[SentRequest] = None
    response_status: Optional[int] = None
    requests: int = 0
    seconds: float = 0.0
    retried: tuple[str, ...] = ()
    """Requests of this check sent twice after a dropped connection, and why."""

    @property
    def passed(self) -> bool:
        """True when the check passed."""
        return self.status is Status.PASSED

    @property
    def evidence(self) -> str:
        """The request that showed the result, with the status it got (empty when none)."""
        if self.request is None:
            return ""
        answer = "no answer" if self.response_status is None else str(self.response_status)
        return f"{self.request} -> {answer}"

    def line(self, width: int = 18) -> str:
        """``name  PASS  level  reason [request]`` on one line (raw: escape before printing)."""
        evidence = f" [{self.evidence}]" if self.evidence and not self.passed else ""
        return (
            f"{self.name:<{width}} {self.status.word:<4}  {self.level:<8}  {self.reason}{evidence}"
        )

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {
            "name": self.name,
            "level": self.level,
            "status": self.status.value,
            "reason": self.reason,
            "request": None if self.request is None else self.request.to_dict(),
            "response_status": self.response_status,
            "rule": self.rule,
            "requests": self.requests,
            "seconds": round(self.seconds, 4),
            "retried": list(self.retried),
        }


@attrs.frozen
class Report:
    """A conformance run: what was tested, each check's result in run order, and the verdict.

    ``untestable`` is set (and ``results`` empty) when the target could not be tested at all:
    unreachable, no credentials, or its credentials refused. ``stopped`` says why the run stopped
    early (the target stopped answering); the checks after it are ``not run``. ``strict`` makes
    spec-level findings failures instead of warnings.

    >>> report = Report(target="http://127.0.0.1:8080", auth="x-api-key", results=())
    >>> report.summary, report.exit_code
    ('0 passed, 0 failed, 0 warnings, 0 skipped', 0)
    """

    target: str
    auth: str
    results: tuple[CheckResult, ...]
    catalogue_size: Optional[int] = None
    requests: int = 0
    seconds: float = 0.0
    untestable: Optional[str] = None
    strict: bool = False
    headers: tuple[tuple[str, str], ...] = ()
    """The extra headers sent, secret-looking values redacted."""
    stopped: Optional[str] = None
    retried: int = 0
    """Requests sent a second time after a dropped connection."""
    drift: Drift = attrs.field(factory=Drift)
    """What the target sent that openapi.yaml does not know (changes no verdict)."""
    safe: bool = False
    """The safe profile: only well-formed requests, paced (for production targets)."""

    def count(self, status: Status) -> int:
        """How many checks ended with ``status``."""
        return sum(1 for result in self.results if result.status is status)

    @property
    def passed(self) -> bool:
        """True when the target was tested, nothing failed and nothing was left unevaluated."""
        return self.exit_code == EXIT_PASS

    @property
    def profile(self) -> str:
        """``strict``, ``safe`` (``safe+strict`` both) or ``default``."""
        if self.safe:
            return "safe+strict" if self.strict else "safe"
        return "strict" if self.strict else "default"

    @property
    def failures(self) -> tuple[CheckResult, ...]:
        """The failed checks."""
        return tuple(r for r in self.results if r.status is Status.FAILED)

    @property
    def warnings(self) -> tuple[CheckResult, ...]:
        """The spec-level findings reported as warnings (default profile)."""
        return tuple(r for r in self.results if r.status is Status.WARNED)

    @property
    def failed_names(self) -> frozenset[str]:
        """The names of the failed checks."""
        return frozenset(r.name for r in self.failures)

    @property
    def warned_names(self) -> frozenset[str]:
        """The names of the checks that warned."""
        return frozenset(r.name for r in self.warnings)

    @property
    def unevaluated(self) -> tuple[CheckResult, ...]:
        """The checks that could not say pass or fail: inconclusive or not run."""
        return tuple(r for r in self.results if r.status in (Status.INCONCLUSIVE, Status.NOT_RUN))

    @property
    def summary(self) -> str:
        """``N passed, M failed, W warnings, K skipped`` (and inconclusive and not run, if any)."""
        parts = [
            f"{self.count(Status.PASSED)} passed",
            f"{self.count(Status.FAILED)} failed",
            f"{self.count(Status.WARNED)} warnings",
            f"{self.count(Status.SKIPPED)} skipped",
        ]
        for status in (Status.INCONCLUSIVE, Status.NOT_RUN):
            if self.count(status):
                parts.append(f"{self.count(status)} {status.value}")
        return ", ".join(parts)

    @property
    def exit_code(self) -> int:
        """0 pass, 1 fail, 2 cannot test, 3 inconclusive (see the module docstring)."""
        if self.untestable is not None:
            return EXIT_CANNOT_TEST
        if self.failures:
            return EXIT_FAIL
        if self.unevaluated:
            return EXIT_INCONCLUSIVE
        return EXIT_PASS

    @property
    def verdict(self) -> str:
        """One line: what the run shows, and under which profile."""
        profile = (
            "strict profile: spec-level rules are failures"
            if self.strict
            else "default profile: spec-level findings are warnings, --strict fails them"
        )
        if self.safe:
            profile = "safe profile (well-formed requests only, paced); " + profile
        code = self.exit_code
        if code == EXIT_CANNOT_TEST:
            return f"cannot test: {self.untestable}"
        if code == EXIT_FAIL:
            levels = sorted({r.level for r in self.failures})
            count = len(self.failures)
            verdict = f"FAIL: {count} check{'s' if count > 1 else ''} failed ({', '.join(levels)})"
            if self.stopped:
                verdict += f"; the run stopped: {self.stopped}"
            return f"{verdict} [{profile}]"
        if code == EXIT_INCONCLUSIVE:
            first = self.unevaluated[0]
            count = len(self.unevaluated)
            return (
                f"INCONCLUSIVE: {count} check{'s were' if count > 1 else ' was'} not evaluated "
                f"(first: {first.name}: {first.reason}) [{profile}]"
            )
        warned = f", {len(self.warnings)} spec-level warnings" if self.warnings else ""
        return f"PASS{warned} [{profile}]"

    def result(self, name: str) -> CheckResult:
        """The result of the check named ``name``; KeyError if it did not run."""
        for result in self.results:
            if result.name == name:
                return result
        raise KeyError(name)

    def header(self) -> str:
        """What was tested, how big its catalogue is, and what the run cost."""
        from anthropic_models.conformance import renderers

        return renderers.header(self)

    def to_text(self) -> str:
        """The report as text (see :func:`anthropic_models.conformance.renderers.text`)."""
        from anthropic_models.conformance import renderers

        return renderers.text(self)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        from anthropic_models.conformance import renderers

        return renderers.as_dict(self)

    def to_json(self) -> str:
        """The report as a JSON document (every character as the target sent it)."""
        from anthropic_models.conformance import renderers

        return renderers.json_text(self)

    def to_junit_xml(self) -> str:
        """The report as JUnit XML (see :func:`anthropic_models.conformance.renderers.junit_xml`)."""
        from anthropic_models.conformance import renderers

        return renderers.junit_xml(self)
