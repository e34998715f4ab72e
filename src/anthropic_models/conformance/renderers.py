"""The renderers of a report: text for a terminal, JSON, and JUnit XML for CI."""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree import ElementTree

from anthropic_models.conformance.report import (
    CheckResult,
    Report,
    Status,
    escape_controls,
)

__all__ = ["as_dict", "header", "json_text", "junit_xml", "text"]

_SHOWN_NOTES = 3
# Characters XML 1.0 cannot hold even escaped (a hostile cursor may bring them into a reason).
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def header(report: Report) -> str:
    """What was tested, how big its catalogue is, and what the run cost."""
    size = "" if report.catalogue_size is None else f", {report.catalogue_size} models"
    extra = ""
    if report.headers:
        extra = " with " + ", ".join(f"{name}: {value}" for name, value in report.headers)
    retried = f" ({report.retried} sent twice after a dropped connection)" if report.retried else ""
    return (
        f"conformance of {report.target} ({report.auth}{extra}){size}: "
        f"{report.requests} requests{retried} in {report.seconds:.2f} s"
    )


def text(report: Report) -> str:
    """The header, one line per check (in run order), then the summary with the verdict.

    Control characters from the target (ESC, BEL...) are shown escaped: a hostile model id
    cannot rewrite the reader's terminal. :meth:`to_json` keeps every character exact.
    """
    if report.untestable is not None:
        return escape_controls(f"cannot test {report.target}: {report.untestable}") + "\n"
    width = max([18, *(len(r.name) + 1 for r in report.results)])
    lines = [header(report)]
    for result in report.results:
        lines.append(result.line(width))
        notes = list(result.retried[:_SHOWN_NOTES])
        if len(result.retried) > _SHOWN_NOTES:
            notes.append(f"and {len(result.retried) - _SHOWN_NOTES} more requests retried")
        lines.extend(f"{'':<{width}}   note: {note}" for note in notes)
    lines.extend(report.drift.lines())
    lines.append(f"{report.summary}: {report.verdict}")
    return "\n".join(escape_controls(line) for line in lines) + "\n"


def as_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data."""
    return {
        "target": report.target,
        "auth": report.auth,
        "headers": [{"name": name, "value": value} for name, value in report.headers],
        "profile": report.profile,
        "catalogue_size": report.catalogue_size,
        "requests": report.requests,
        "seconds": round(report.seconds, 4),
        "untestable": report.untestable,
        "stopped": report.stopped,
        "retried": report.retried,
        "exit_code": report.exit_code,
        "verdict": report.verdict,
        "summary": {status.value.replace(" ", "_"): report.count(status) for status in Status},
        "checks": [result.to_dict() for result in report.results],
        "drift": report.drift.to_list(),
    }


def json_text(report: Report) -> str:
    """The report as a JSON document (every character as the target sent it)."""
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"


def junit_xml(report: Report) -> str:
    """The report as JUnit XML: one test case per check (one error case when untestable).

    A warning is a passing case with the finding in ``system-out``; an inconclusive or not
    run check is a skipped case whose message starts with that word. Every case carries its
    level as a property.
    """
    suite = ElementTree.Element(
        "testsuite",
        {
            "name": "anthropic-models conformance",
            "tests": str(len(report.results) + (1 if report.untestable else 0)),
            "failures": str(report.count(Status.FAILED)),
            "errors": "1" if report.untestable else "0",
            "skipped": str(
                sum(report.count(s) for s in (Status.SKIPPED, Status.INCONCLUSIVE, Status.NOT_RUN))
            ),
            "time": f"{report.seconds:.3f}",
        },
    )
    properties = ElementTree.SubElement(suite, "properties")
    shown = [
        ("target", report.target),
        ("auth", report.auth),
        ("profile", report.profile),
        ("verdict", report.verdict),
        *((f"header {name}", value) for name, value in report.headers),
    ]
    for name, value in shown:
        ElementTree.SubElement(properties, "property", {"name": name, "value": value})
    if report.untestable is not None:
        case = ElementTree.SubElement(
            suite, "testcase", {"classname": "conformance", "name": "target", "time": "0"}
        )
        error = ElementTree.SubElement(case, "error", {"message": report.untestable})
        error.text = f"cannot test {report.target}: {report.untestable}"
    for result in report.results:
        _junit_case(suite, result)
    ElementTree.indent(suite)
    text = _XML_UNSAFE.sub(
        lambda m: f"\\x{ord(m.group()):02x}", ElementTree.tostring(suite, encoding="unicode")
    )
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


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
