"""One model entering a catalogue: checked against the spec, then kept as its JSON and sort key."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Mapping, Optional

from anthropic_models import _codec
from anthropic_models.errors import CatalogError, ResponseValidationError
from anthropic_models.server.schema_check import SchemaProblem, check_model
from anthropic_models.server.stages import STAGE_CODE
from anthropic_models_generated.models import ModelInfo

__all__ = ["UNUSABLE_IDS", "Entry", "describe_id", "is_text"]

UNUSABLE_IDS = ("", ".", "..")
"""Ids that cannot be a cursor or a path segment."""

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _located(prefix: str, path: str) -> str:
    """``$.created_at`` under ``models[3]`` is ``models[3].created_at``."""
    return prefix + path[1:]


def describe_id(value: str) -> str:
    return repr(value if len(value) <= 100 else value[:100] + "...")


def is_text(value: str) -> bool:
    """Whether a string is Unicode text that UTF-8 can carry (no lone surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _surrogate_path(value: Any, path: str = "$") -> Optional[str]:
    """The JSON path of the first string (key or value) holding a lone surrogate, if any."""
    if isinstance(value, str):
        return None if is_text(value) else path
    if isinstance(value, Mapping):
        for key, item in value.items():
            place = f"{path}.{key}" if isinstance(key, str) and is_text(key) else None
            if place is None:
                return f"{path} (a key)"
            found = _surrogate_path(item, place)
            if found:
                return found
    if isinstance(value, (list, tuple)):
        for number, item in enumerate(value):
            found = _surrogate_path(item, f"{path}[{number}]")
            if found:
                return found
    return None


def _micros(value: datetime) -> int:
    """A release time as exact microseconds since the epoch (the sort key)."""
    return (value - _EPOCH) // _EPOCH.resolution


class Entry:
    """One model while a catalogue is built: its id, sort key, stage and encoded JSON."""

    __slots__ = ("created_us", "encoded", "id", "stage", "where")

    def __init__(self, model_id: str, created_us: int, stage: int, encoded: bytes, where: str):
        self.id = model_id
        self.created_us = created_us
        self.stage = stage
        self.encoded = encoded
        self.where = where

    @classmethod
    def checked(cls, raw: Mapping[str, Any], where: str) -> Entry:
        """An entry from a JSON-shaped model, checked against the spec first."""
        data = dict(raw)
        try:
            model = _codec.structure(data, ModelInfo)
            check_model(data)
        except ResponseValidationError as exc:
            reason = str(exc)[len(exc.path) + 2 :]
            raise CatalogError(f"{_located(where, exc.path)}: {reason}") from None
        except SchemaProblem as problem:
            raise CatalogError(f"{_located(where, problem.path())}: {problem.reason}") from None
        place = _surrogate_path(data)
        if place is not None:
            raise CatalogError(
                f"{_located(where, place)}: holds a lone surrogate (such as '\\udcff'), "
                "which is not Unicode text"
            )
        if model.id in UNUSABLE_IDS:
            raise CatalogError(
                f"{where}.id: {model.id!r} cannot be used as a cursor or path segment"
            )
        try:
            text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise CatalogError(f"{where}: not representable as JSON ({exc})") from None
        stage = STAGE_CODE[str(data["lifecycle"])]
        return cls(model.id, _micros(model.created_at), stage, text.encode("utf-8"), where)
