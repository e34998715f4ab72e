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

import json
import re
import unicodedata
from enum import Enum
from typing import Any, Optional
from xml.etree import ElementTree

import attrs

from anthropic_models.conformance.drift import Drift
from anthropic_models.conformance.target import SentRequest

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
_SHOWN_NOTES = 3
# Characters XML 1.0 cannot hold even escaped (a hostile cursor may bring them into a reason).
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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

    >>> one_line("a  reason\nwith   spaces"), one_line("alpha beta gamma", limit=14)
    ('a reason with spaces', 'alpha beta...')
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 3]
    if flat[limit - 3] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "..."


def _escaped(char: str) -> str:
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code <= 0xFF
        else f"\\u{code:04x}"
        if code <= 0xFFFF
        else f"\\U{code:08x}"
    )


def escape_controls(text: str) -> str:
    """``text`` safe for a terminal: control and format characters (ESC, BEL, bidi overrides,
    zero-width marks) shown as ``\\x1b``-style escapes.

    >>> escape_controls("model\\x1b]0;title\\x07 \\u202egnp.exe")
    'model\\\\x1b]0;title\\\\x07 \\\\u202egnp.exe'
    """
    return "".join(
        _escaped(char)
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp") and char != "\n"
        else char
        for char in text
    )


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
        size = "" if self.catalogue_size is None else f", {self.catalogue_size} models"
        extra = ""
        if self.headers:
            extra = " with " + ", ".join(f"{name}: {value}" for name, value in self.headers)
        retried = f" ({self.retried} sent twice after a dropped connection)" if self.retried else ""
        return (
            f"conformance of {self.target} ({self.auth}{extra}){size}: "
            f"{self.requests} requests{retried} in {self.seconds:.2f} s"
        )

    def to_text(self) -> str:
        """The header, one line per check (in run order), then the summary with the verdict.

        Control characters from the target (ESC, BEL...) are shown escaped: a hostile model id
        cannot rewrite the reader's terminal. :meth:`to_json` keeps every character exact.
        """
        if self.untestable is not None:
            return escape_controls(f"cannot test {self.target}: {self.untestable}") + "\n"
        width = max([18, *(len(r.name) + 1 for r in self.results)])
        lines = [self.header()]
        for result in self.results:
            lines.append(result.line(width))
            notes = list(result.retried[:_SHOWN_NOTES])
            if len(result.retried) > _SHOWN_NOTES:
                notes.append(f"and {len(result.retried) - _SHOWN_NOTES} more requests retried")
            lines.extend(f"{'':<{width}}   note: {note}" for note in notes)
        lines.extend(self.drift.lines())
        lines.append(f"{self.summary}: {self.verdict}")
        return "\n".join(escape_controls(line) for line in lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "target": self.target,
            "auth": self.auth,
            "headers": [{"name": name, "value": value} for name, value in self.headers],
            "profile": self.profile,
            "catalogue_size": self.catalogue_size,
            "requests": self.requests,
            "seconds": round(self.seconds, 4),
            "untestable": self.untestable,
            "stopped": self.stopped,
            "retried": self.retried,
            "exit_code": self.exit_code,
            "verdict": self.verdict,
            "summary": {status.value.replace(" ", "_"): self.count(status) for status in Status},
            "checks": [result.to_dict() for result in self.results],
            "drift": self.drift.to_list(),
        }

    def to_json(self) -> str:
        """The report as a JSON document (every character as the target sent it)."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_junit_xml(self) -> str:
        """The report as JUnit XML: one test case per check (one error case when untestable).

        A warning is a passing case with the finding in ``system-out``; an inconclusive or not
        run check is a skipped case whose message starts with that word. Every case carries its
        level as a property.
        """
        suite = ElementTree.Element(
            "testsuite",
            {
                "name": "anthropic-models conformance",
                "tests": str(len(self.results) + (1 if self.untestable else 0)),
                "failures": str(self.count(Status.FAILED)),
                "errors": "1" if self.untestable else "0",
                "skipped": str(
                    sum(
                        self.count(s) for s in (Status.SKIPPED, Status.INCONCLUSIVE, Status.NOT_RUN)
                    )
                ),
                "time": f"{self.seconds:.3f}",
            },
        )
        properties = ElementTree.SubElement(suite, "properties")
        shown = [
            ("target", self.target),
            ("auth", self.auth),
            ("profile", self.profile),
            ("verdict", self.verdict),
            *((f"header {name}", value) for name, value in self.headers),
        ]
        for name, value in shown:
            ElementTree.SubElement(properties, "property", {"name": name, "value": value})
        if self.untestable is not None:
            case = ElementTree.SubElement(
                suite, "testcase", {"classname": "conformance", "name": "target", "time": "0"}
            )
            error = ElementTree.SubElement(case, "error", {"message": self.untestable})
            error.text = f"cannot test {self.target}: {self.untestable}"
        for result in self.results:
            self._junit_case(suite, result)
        ElementTree.indent(suite)
        text = _XML_UNSAFE.sub(
            lambda m: f"\\x{ord(m.group()):02x}", ElementTree.tostring(suite, encoding="unicode")
        )
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"

    @staticmethod
    def _junit_case(suite: ElementTree.Element, result: CheckResult) -> None:
        case = ElementTree.SubElement(
            suite,
            "testcase",
            {
                "classname": f"conformance.{result.level}",
                "name": result.name,
                "time": f"{result.seconds:.3f}",
            },
        )
        properties = ElementTree.SubElement(case, "properties")
        for name, value in (("level", result.level), ("status", result.status.value)):
            ElementTree.SubElement(properties, "property", {"name": name, "value": value})
        details = "\n".join(
            part
            for part in (
                f"request: {result.evidence}" if result.evidence else "",
                f"rule: {result.rule}",
                *(f"note: {note}" for note in result.retried),
            )
            if part
        )
        if result.status is Status.FAILED:
            failure = ElementTree.SubElement(case, "failure", {"message": result.reason})
            failure.text = details
        elif result.status is Status.WARNED:
            out = ElementTree.SubElement(case, "system-out")
            out.text = f"warning (spec level, not a failure): {result.reason}\n{details}"
        elif result.status is Status.SKIPPED:
            ElementTree.SubElement(case, "skipped", {"message": result.reason})
        elif result.status in (Status.INCONCLUSIVE, Status.NOT_RUN):
            message = f"{result.status.value}: {result.reason}"
            ElementTree.SubElement(case, "skipped", {"message": message})
        elif result.retried:
            out = ElementTree.SubElement(case, "system-out")
            out.text = details
