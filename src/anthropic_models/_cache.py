"""The client's catalogue cache: the default view, kept ``ttl`` seconds, loaded once across threads."""

from __future__ import annotations

import threading
import time
from typing import Callable, Optional

from anthropic_models_generated.models import ModelInfo

__all__ = ["CatalogueCache"]


class CatalogueCache:
    """The catalogue and the aliases resolved so far, fresh for ``ttl`` seconds.

    Loads are single-flight: threads asking at once for the catalogue, or for the same alias, wait
    for one request instead of each making their own.
    """

    def __init__(self, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._loading: dict[str, threading.Lock] = {}
        # One tuple, replaced whole, so that readers never see a half-updated cache.
        self._entry: Optional[tuple[float, tuple[ModelInfo, ...], dict[str, ModelInfo]]] = None
        self._aliases: dict[str, tuple[float, ModelInfo]] = {}

    def _fresh(self, loaded_at: float) -> bool:
        return self.clock() - loaded_at < self.ttl

    def models(self) -> Optional[tuple[ModelInfo, ...]]:
        """The cached catalogue, if loaded less than ``ttl`` seconds ago."""
        entry = self._entry
        return entry[1] if entry is not None and self._fresh(entry[0]) else None

    def lookup(self, model_id: str) -> Optional[ModelInfo]:
        """A model by id, or by an alias resolved earlier, if the cache is fresh."""
        entry = self._entry
        if entry is not None and self._fresh(entry[0]) and model_id in entry[2]:
            return entry[2][model_id]
        alias = self._aliases.get(model_id)
        return alias[1] if alias is not None and self._fresh(alias[0]) else None

    def _once(self, key: str) -> threading.Lock:
        with self._lock:
            return self._loading.setdefault(key, threading.Lock())

    def _done(self, key: str) -> None:
        # Waiters hold the lock object itself; a later caller finds the cache filled instead.
        with self._lock:
            self._loading.pop(key, None)

    def get(self, load: Callable[[], tuple[ModelInfo, ...]]) -> tuple[ModelInfo, ...]:
        """The catalogue, loaded with ``load`` when not fresh (one load at a time)."""
        found = self.models()
        if found is not None:
            return found
        try:
            with self._once("\0catalogue"):
                found = self.models()
                if found is None:
                    found = load()
                    self._entry = (self.clock(), found, {model.id: model for model in found})
        finally:
            self._done("\0catalogue")
        return found

    def resolve(self, model_id: str, load: Callable[[str], ModelInfo]) -> ModelInfo:
        """A model by id or alias, from the cache or loaded with ``load`` (one load per name)."""
        found = self.lookup(model_id)
        if found is not None:
            return found
        try:
            with self._once(model_id):
                found = self.lookup(model_id)
                if found is None:
                    found = load(model_id)
                    self._aliases[model_id] = (self.clock(), found)
        finally:
            self._done(model_id)
        return found

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entry = None
            self._aliases = {}
