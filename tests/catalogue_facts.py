"""Catalogue facts the tests use, read from the built-in catalogue, never written as literals.

Following an SDK release that retires a model changes the catalogue file; these follow it.
"""

from __future__ import annotations

from anthropic_models.server import Catalogue

CATALOG = Catalogue.builtin()
"""The built-in catalogue (what the reference server serves by default)."""


def an_alias(*stages: str) -> tuple[str, str]:
    """The first alias (in the file's order) of a model in one of ``stages``, and that model's id."""
    view = set(CATALOG.view_ids(stages))
    return next((alias, target) for alias, target in CATALOG.aliases.items() if target in view)


def a_model(stage: str) -> str:
    """The newest model's id in a lifecycle stage."""
    return CATALOG.view_ids([stage])[0]


def newest_of_line(line: str) -> str:
    """The newest active model's id of a model line."""
    return next(
        model_id
        for model_id in CATALOG.view_ids(["active"])
        if getattr(CATALOG.get(model_id), "line", None) == line
    )
