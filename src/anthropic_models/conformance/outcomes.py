"""How a check ends other than passing: a failure of its rule, a skip, or inconclusive."""

from __future__ import annotations

from typing import Optional

from anthropic_models.conformance.records import Exchange

__all__ = ["Failure", "Inconclusive", "Skip"]


class Failure(Exception):
    """The target broke the check's rule: ``reason`` says how, ``exchange`` is the request that showed it."""

    def __init__(self, reason: str, exchange: Optional[Exchange] = None) -> None:
        self.reason = reason
        self.exchange = exchange
        super().__init__(reason)


class Skip(Exception):
    """The rule does not apply to this target (too few models, a stage it does not have...)."""


class Inconclusive(Exception):
    """The check should have been evaluated and could not be (no catalogue, a missing piece)."""
