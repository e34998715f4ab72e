"""Where each rule a check tests stands in openapi.yaml, and so the level the check must have.

A check names its rules (:attr:`Check.rules`) in one of two forms:

* an identifier the spec's ``info.description`` carries, ``C-...`` in the contract list (what the
  API documents) or ``D-...`` in the list of the spec's own decisions: contract or spec level by
  the list it stands in;
* a JSON pointer into the spec (``#/components/securitySchemes``): the operations, parameters,
  responses and schemas describe the API, so contract level, unless the object's own description
  says "This document decides" (spec level); ``#`` is the document as a whole, every decision
  included (spec level).

Hygiene and security checks test HTTP itself (no 5xx, no model answered for another): they name
no rule of the spec.

>>> rule_level("C-order"), rule_level("D-ties"), rule_level("#/components/securitySchemes")
('contract', 'spec', 'contract')
"""

from __future__ import annotations

import functools
import re
from typing import Any

from anthropic_models_generated.spec import SPEC

__all__ = ["DECISIONS_HEADING", "rule_level", "spec_rules"]

DECISIONS_HEADING = "What this document decides"
"""The words that open the list of the spec's own decisions in ``info.description``."""

_TAG = re.compile(r"\[([CD]-[a-z-]+)\]")


@functools.cache
def spec_rules() -> dict[str, str]:
    """Every rule identifier of ``info.description``, with the list it stands in."""
    text = str(SPEC["info"]["description"])
    contract, _, decisions = text.partition(DECISIONS_HEADING)
    found = dict.fromkeys(_TAG.findall(contract), "contract")
    found.update(dict.fromkeys(_TAG.findall(decisions), "spec"))
    return found


def _pointed(pointer: str) -> Any:
    node: Any = SPEC
    for part in pointer.lstrip("#").strip("/").split("/"):
        if part:
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def rule_level(rule: str) -> str:
    """``contract`` or ``spec``: where ``rule`` stands; KeyError for a rule the spec lacks."""
    if rule.startswith("#"):
        if rule == "#":
            return "spec"
        node = _pointed(rule)
        described = str(node.get("description", "")) if isinstance(node, dict) else ""
        return "spec" if "This document decides" in described else "contract"
    return spec_rules()[rule]
