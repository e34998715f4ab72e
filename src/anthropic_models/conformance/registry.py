"""What a check is, where its rule comes from, how it reports, and the registry of every check.

Every check states the level of its rule:

* ``contract``: documented by the Anthropic API (newest first, ``limit`` 1..1000 default 20,
  exclusive cursors, ``has_more``/``first_id``/``last_id``, the lifecycle filter and default
  view, the error shape, the auth headers). A target that breaks one does not conform.
* ``spec``: a decision of our openapi.yaml where the API is silent (tie order, unknown or
  conflicting cursors, repeated and unknown parameters, the plain ``lifecycle=`` form...). Another
  implementation may decide otherwise: a warning by default, a failure with ``--strict``.
* ``hygiene``: HTTP robustness (no 5xx or dropped connection on hostile input, a JSON content type,
  a ``request-id``). A failure in every profile.
* ``security``: a retrieve answering another model, or a list, than the one it names (a gateway
  decoding and re-parsing the path). A failure in every profile.

Each check names the rules it tests (:attr:`Check.rules`): identifiers of ``info.description`` or
pointers into the spec; :mod:`anthropic_models.conformance.rules` says which list each stands in,
and the tests hold every check's level to it.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Callable, Optional, Sequence

import attrs

from anthropic_models.conformance.discovery import Catalogue
from anthropic_models.conformance.outcomes import Failure, Inconclusive, Skip
from anthropic_models.conformance.target import Exchange, Target

__all__ = [
    "CHECKS",
    "Check",
    "Context",
    "Failure",
    "Inconclusive",
    "Level",
    "Skip",
    "check",
    "referred",
    "select_checks",
]


class Level(str, Enum):
    """Where a check's rule comes from (see the module docstring)."""

    CONTRACT = "contract"
    SPEC = "spec"
    HYGIENE = "hygiene"
    SECURITY = "security"


class Context:
    """What a check works with: the target, once discovered its catalogue, and shared results."""

    def __init__(self, target: Target, catalogue: Optional[Catalogue]) -> None:
        self.target = target
        self._catalogue = catalogue
        self._done: set[str] = set()
        self._memo: dict[str, Any] = {}
        self._owners: dict[int, str] = {}
        self._crashes: list[str] = []

    def first_time(self, key: str) -> bool:
        """True the first time a run asks about ``key`` (for work that checks share)."""
        if key in self._done:
            return False
        self._done.add(key)
        return True

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per run (an exception is not kept: the next check tries again)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def memoised(self, key: str) -> Any:
        """What :meth:`memo` computed for ``key``, or None when nothing has yet."""
        return self._memo.get(key)

    def claim(self, exchanges: Sequence[Exchange], name: str) -> None:
        """The check ``name`` reported a finding on these responses: they are its defect (and
        when one is a 5xx, the target's crashes are: every 5xx refers to it)."""
        for exchange in exchanges:
            self._owners.setdefault(id(exchange), name)
            if exchange.status >= 500 and name not in self._crashes:
                self._crashes.append(name)

    def unreported(self, exchanges: Sequence[Exchange]) -> tuple[list[Exchange], list[str]]:
        """The responses no earlier finding owns, and the checks that own the others (one defect,
        one finding: a check meeting a response another check reported refers to it)."""
        fresh: list[Exchange] = []
        owners: set[str] = set()
        for exchange in exchanges:
            if id(exchange) in self._owners:
                owners.add(self._owners[id(exchange)])
            elif exchange.status >= 500 and self._crashes:
                owners.update(self._crashes)
            else:
                fresh.append(exchange)
        return fresh, sorted(owners)

    @property
    def catalogue(self) -> Catalogue:
        """The discovered catalogue; Inconclusive when discovery could not read it."""
        if self._catalogue is None:
            raise Inconclusive("needs the catalogue, which discovery could not read")
        return self._catalogue

    def require(self, count: int, why: str) -> tuple[str, ...]:
        """The catalogue's ids; Inconclusive when it is empty (nothing was checked), Skip when it
        has some models but fewer than ``count`` (the rule cannot apply to it)."""
        ids = self.catalogue.ids
        if not ids:
            raise Inconclusive(f"the catalogue is empty: no model to check this on ({why})")
        if len(ids) < count:
            raise Skip(f"needs {count} or more models {why}; the catalogue has {len(ids)}")
        return ids


def referred(owners: Sequence[str]) -> str:
    """The end of a reason naming the checks whose findings own responses it did not count.

    >>> referred(["robustness"]), referred([])
    ('; responses already reported by robustness are not counted again', '')
    """
    if not owners:
        return ""
    return f"; responses already reported by {', '.join(owners)} are not counted again"


@attrs.frozen
class Check:
    """A named check of one rule, at one level."""

    name: str
    rule: str
    """Where the rule is written (openapi.yaml, the API's documentation, HTTP), quoted or summarised."""
    level: Level
    run: Callable[[Context], str] = attrs.field(repr=False)
    """Returns the reason it passed; raises Failure, Skip or Inconclusive."""
    needs_catalogue: bool = True
    last: bool = False
    """Run after the others (the checks over every response recorded)."""
    rules: tuple[str, ...] = ()
    """The spec's rules the check tests: ``C-``/``D-`` identifiers or JSON pointers (see
    :mod:`anthropic_models.conformance.rules`); none for hygiene and security checks."""
    safe: bool = False
    """Whether the check sends only well-formed requests an ordinary client sends with its own
    credentials (the ``safe`` profile runs only these)."""

    @property
    def summary(self) -> str:
        """The first line of the check's docstring."""
        doc = (self.run.__doc__ or "").strip().replace("``", "")
        return doc.splitlines()[0] if doc else ""


CHECKS: dict[str, Check] = {}
"""Every check by name, in the order a run runs them and reports show them."""

AREAS = (
    "pagination",
    "retrieve",
    "lifecycle",
    "auth",
    "workspace",
    "errors",
    "robustness",
    "responses",
)
"""The modules of :mod:`anthropic_models.conformance.checks`, in run order."""


def _order(check: Check) -> tuple[bool, int]:
    module = check.run.__module__.rsplit(".", 1)[-1]
    return check.last, AREAS.index(module) if module in AREAS else len(AREAS)


def check(
    name: str,
    rule: str,
    *,
    level: Level,
    needs_catalogue: bool = True,
    last: bool = False,
    rules: tuple[str, ...] = (),
    safe: bool = False,
) -> Callable[[Callable[[Context], str]], Callable[[Context], str]]:
    """Register a check function under ``name``, at ``level``."""

    def register(function: Callable[[Context], str]) -> Callable[[Context], str]:
        if name in CHECKS:
            raise ValueError(f"two checks are named {name!r}")
        CHECKS[name] = Check(
            name,
            rule,
            Level(level),
            function,
            needs_catalogue=needs_catalogue,
            last=last,
            rules=rules,
            safe=safe,
        )
        # Run order: the others before the `last` ones, by area, then as defined (a stable sort),
        # whatever order the modules were imported in.
        ordered = sorted(CHECKS.values(), key=_order)
        CHECKS.clear()
        CHECKS.update((c.name, c) for c in ordered)
        return function

    return register


def select_checks(
    only: Optional[list[str]] = None, skip: Optional[list[str]] = None
) -> list[Check]:
    """The checks to run, in run order; ValueError naming any unknown check.

    >>> import anthropic_models.conformance.checks
    >>> [c.name for c in select_checks(only=["has-more", "order"])]
    ['order', 'has-more']
    """
    unknown = sorted({*(only or ()), *(skip or ())} - set(CHECKS))
    if unknown:
        raise ValueError(f"unknown check(s): {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    wanted = set(only) if only else set(CHECKS)
    wanted -= set(skip or ())
    return [c for name, c in CHECKS.items() if name in wanted]
