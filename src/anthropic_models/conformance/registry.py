"""What a check is, how it reports, and the registry of every check in the order they are shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

import attrs

from anthropic_models.conformance.target import Exchange, Target

if TYPE_CHECKING:
    from anthropic_models.conformance.discovery import Catalogue

__all__ = ["CHECKS", "Check", "Context", "Failure", "Skip", "check", "select_checks"]


class Failure(Exception):
    """The target broke the check's rule: ``reason`` says how, ``exchange`` is the request that showed it."""

    def __init__(self, reason: str, exchange: Optional[Exchange] = None) -> None:
        self.reason = reason
        self.exchange = exchange
        super().__init__(reason)


class Skip(Exception):
    """The check cannot say anything about this target (too few models, a missing extra...)."""


class Context:
    """What a check works with: the target and, once discovered, its catalogue."""

    def __init__(self, target: Target, catalogue: Optional[Catalogue]) -> None:
        self.target = target
        self._catalogue = catalogue
        self._done: set[str] = set()

    def first_time(self, key: str) -> bool:
        """True the first time a run asks about ``key`` (for work that checks share)."""
        if key in self._done:
            return False
        self._done.add(key)
        return True

    @property
    def catalogue(self) -> Catalogue:
        """The discovered catalogue; Skip when discovery failed."""
        if self._catalogue is None:
            raise Skip("needs the catalogue, which discovery could not read")
        return self._catalogue

    def require(self, count: int, why: str) -> tuple[str, ...]:
        """The catalogue's ids, or Skip when it has fewer than ``count`` models."""
        ids = self.catalogue.ids
        if len(ids) < count:
            raise Skip(f"needs {count} or more models {why}; the catalogue has {len(ids)}")
        return ids


@attrs.frozen
class Check:
    """A named check of one rule of the spec."""

    name: str
    rule: str
    """The rule of openapi.yaml the check tests, quoted or summarised."""
    run: Callable[[Context], str] = attrs.field(repr=False)
    """Returns the reason it passed; raises Failure or Skip."""
    needs_catalogue: bool = True
    last: bool = False
    """Run after the others (the checks over every response recorded)."""

    @property
    def summary(self) -> str:
        """The first line of the check's docstring."""
        doc = (self.run.__doc__ or "").strip().replace("``", "")
        return doc.splitlines()[0] if doc else ""


CHECKS: dict[str, Check] = {}
"""Every check by name, in the order reports show them."""

AREAS = ("pagination", "auth", "errors", "robustness", "responses")
"""The modules of :mod:`anthropic_models.conformance.checks`, in report order."""


def _area(check: Check) -> int:
    module = check.run.__module__.rsplit(".", 1)[-1]
    return AREAS.index(module) if module in AREAS else len(AREAS)


def check(
    name: str, rule: str, *, needs_catalogue: bool = True, last: bool = False
) -> Callable[[Callable[[Context], str]], Callable[[Context], str]]:
    """Register a check function under ``name``."""

    def register(function: Callable[[Context], str]) -> Callable[[Context], str]:
        if name in CHECKS:
            raise ValueError(f"two checks are named {name!r}")
        CHECKS[name] = Check(name, rule, function, needs_catalogue=needs_catalogue, last=last)
        # Report order: by area, then as defined; whatever order the modules were imported in.
        ordered = sorted(CHECKS.values(), key=_area)  # a stable sort keeps definition order
        CHECKS.clear()
        CHECKS.update((c.name, c) for c in ordered)
        return function

    return register


def select_checks(
    only: Optional[list[str]] = None, skip: Optional[list[str]] = None
) -> list[Check]:
    """The checks to run, in report order; ValueError naming any unknown check.

    >>> import anthropic_models.conformance.checks
    >>> [c.name for c in select_checks(only=["order", "has-more"])]
    ['order', 'has-more']
    """
    unknown = sorted({*(only or ()), *(skip or ())} - set(CHECKS))
    if unknown:
        raise ValueError(f"unknown check(s): {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    wanted = set(only) if only else set(CHECKS)
    wanted -= set(skip or ())
    return [c for name, c in CHECKS.items() if name in wanted]
