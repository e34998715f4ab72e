"""The names a catalogue answers to in a view: its models' ids and the aliases of those models.

The official SDK names models by id or by alias without telling them apart (its ``Model``
literal, its ``DEPRECATED_MODELS``); these are the catalogue's sets to hold against those lists,
in the tests and in ``tools/sdk_drift.py``.

>>> from anthropic_models.server.catalog import Catalogue
>>> model = {"id": "m1", "type": "model", "created_at": "2026-01-01T00:00:00Z",
...          "display_name": "M", "lifecycle": "deprecated"}
>>> catalog = Catalogue([model], aliases={"m": "m1"})
>>> sorted(view_names(catalog)), sorted(view_names(catalog, ["active"]))
(['m', 'm1'], [])
"""

from __future__ import annotations

from typing import Iterable, Optional

from anthropic_models.server.catalog import Catalogue

__all__ = ["view_names"]


def view_names(catalog: Catalogue, lifecycle: Optional[Iterable[str]] = None) -> frozenset[str]:
    """The ids of a view's models (the default view when ``lifecycle`` is None) and their aliases."""
    ids = frozenset(catalog.view_ids(lifecycle))
    return ids | {alias for alias, target in catalog.aliases.items() if target in ids}
