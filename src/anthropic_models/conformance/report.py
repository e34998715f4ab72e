"""The outcome of a conformance run: one result per check, a summary, text, JSON and JUnit XML."""

from __future__ import annotations

import json
import re
from enum import Enum
from typing import Any, Optional
from xml.etree import ElementTree

import attrs

from anthropic_models.conformance.target import SentRequest

__all__ = ["CheckResult", "Report", "Status"]

_MAX_REASON = 400
# Characters XML 1.0 cannot hold even escaped (a hostile cursor may bring them into a reason).
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Status(str, Enum):
    """What a check concluded."""

    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"

    @property
    def word(self) -> str:
        """``PASS``, ``FAIL`` or ``SKIP``."""
        return {"passed": "PASS", "failed": "FAIL", "skipped": "SKIP"}[self.value]


def one_line(text: str) -> str:
    """``text`` on one line, cut to a readable length."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _MAX_REASON else flat[: _MAX_REASON - 3] + "..."


@attrs.frozen
class CheckResult:
    """One check's result: its name, status, one-line reason, the request that showed it, its rule."""

    name: str
    status: Status
    reason: str
    rule: str
    request: Optional[SentRequest] = None
    response_status: Optional[int] = None
    requests: int = 0
    seconds: float = 0.0

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
        """``name  PASS  reason [request]`` on one line."""
        evidence = f" [{self.evidence}]" if self.evidence and not self.passed else ""
        return f"{self.name:<{width}} {self.status.word}  {self.reason}{evidence}"

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {
            "name": self.name,
            "status": self.status.value,
            "reason": self.reason,
            "request": None if self.request is None else self.request.to_dict(),
            "response_status": self.response_status,
            "rule": self.rule,
            "requests": self.requests,
            "seconds": round(self.seconds, 4),
        }


@attrs.frozen
class Report:
    """A conformance run: what was tested, each check's result, and the exit status.

    ``untestable`` is set (and ``results`` empty) when the target could not be tested at all:
    unreachable, no credentials, or its credentials refused.

    >>> report = Report(target="http://127.0.0.1:8080", auth="x-api-key", results=())
    >>> report.summary, report.exit_code
    ('0 passed, 0 failed, 0 skipped', 0)
    """

    target: str
    auth: str
    results: tuple[CheckResult, ...]
    catalogue_size: Optional[int] = None
    requests: int = 0
    seconds: float = 0.0
    untestable: Optional[str] = None

    def count(self, status: Status) -> int:
        """How many checks ended with ``status``."""
        return sum(1 for result in self.results if result.status is status)

    @property
    def passed(self) -> bool:
        """True when the target was tested and no check failed."""
        return self.exit_code == 0

    @property
    def failures(self) -> tuple[CheckResult, ...]:
        """The failed checks."""
        return tuple(r for r in self.results if r.status is Status.FAILED)

    @property
    def failed_names(self) -> frozenset[str]:
        """The names of the failed checks."""
        return frozenset(r.name for r in self.failures)

    @property
    def summary(self) -> str:
        """``N passed, M failed, K skipped``."""
        return (
            f"{self.count(Status.PASSED)} passed, {self.count(Status.FAILED)} failed, "
            f"{self.count(Status.SKIPPED)} skipped"
        )

    @property
    def exit_code(self) -> int:
        """0 when every check passed or was skipped, 1 when any failed, 2 when untestable."""
        if self.untestable is not None:
            return 2
        return 1 if self.failures else 0

    def result(self, name: str) -> CheckResult:
        """The result of the check named ``name``; KeyError if it did not run."""
        for result in self.results:
            if result.name == name:
                return result
        raise KeyError(name)

    def header(self) -> str:
        """What was tested, how big its catalogue is, and what the run cost."""
        size = "" if self.catalogue_size is None else f", {self.catalogue_size} models"
        return (
            f"conformance of {self.target} ({self.auth}){size}: "
            f"{self.requests} requests in {self.seconds:.2f} s"
        )

    def to_text(self) -> str:
        """The header, one line per check, then the summary line (or why nothing could run)."""
        if self.untestable is not None:
            return f"cannot test {self.target}: {self.untestable}\n"
        width = max([18, *(len(r.name) + 1 for r in self.results)])
        lines = [self.header(), *(r.line(width) for r in self.results), self.summary]
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "target": self.target,
            "auth": self.auth,
            "catalogue_size": self.catalogue_size,
            "requests": self.requests,
            "seconds": round(self.seconds, 4),
            "untestable": self.untestable,
            "exit_code": self.exit_code,
            "summary": {
                "passed": self.count(Status.PASSED),
                "failed": self.count(Status.FAILED),
                "skipped": self.count(Status.SKIPPED),
            },
            "checks": [result.to_dict() for result in self.results],
        }

    def to_json(self) -> str:
        """The report as a JSON document."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_junit_xml(self) -> str:
        """The report as JUnit XML: one test case per check (one error case when untestable)."""
        suite = ElementTree.Element(
            "testsuite",
            {
                "name": "anthropic-models conformance",
                "tests": str(len(self.results) + (1 if self.untestable else 0)),
                "failures": str(self.count(Status.FAILED)),
                "errors": "1" if self.untestable else "0",
                "skipped": str(self.count(Status.SKIPPED)),
                "time": f"{self.seconds:.3f}",
            },
        )
        properties = ElementTree.SubElement(suite, "properties")
        for name, value in (("target", self.target), ("auth", self.auth)):
            ElementTree.SubElement(properties, "property", {"name": name, "value": value})
        if self.untestable is not None:
            case = ElementTree.SubElement(
                suite, "testcase", {"classname": "conformance", "name": "target", "time": "0"}
            )
            error = ElementTree.SubElement(case, "error", {"message": self.untestable})
            error.text = f"cannot test {self.target}: {self.untestable}"
        for result in self.results:
            case = ElementTree.SubElement(
                suite,
                "testcase",
                {"classname": "conformance", "name": result.name, "time": f"{result.seconds:.3f}"},
            )
            if result.status is Status.FAILED:
                failure = ElementTree.SubElement(case, "failure", {"message": result.reason})
                failure.text = "\n".join(
                    part
                    for part in (
                        f"request: {result.evidence}" if result.evidence else "",
                        f"rule: {result.rule}",
                    )
                    if part
                )
            elif result.status is Status.SKIPPED:
                ElementTree.SubElement(case, "skipped", {"message": result.reason})
        ElementTree.indent(suite)
        text = _XML_UNSAFE.sub(
            lambda m: f"\\x{ord(m.group()):02x}", ElementTree.tostring(suite, encoding="unicode")
        )
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
