"""Catalogue snapshots: read them safely, and the differences between two of them.

A snapshot is what ``anthropic-models list --all --json`` writes: a JSON array of models (an
object with a ``data`` array, as one page of the API, is accepted too). :func:`load_snapshot`
reads at most :data:`MAX_SNAPSHOT_BYTES` and refuses, with a :class:`SnapshotError` naming the
file, anything that is not a snapshot: not JSON, nested too deeply, the wrong shape, a model
the spec does not allow, or the same id twice.

>>> from datetime import datetime, timezone
>>> from anthropic_models import ModelInfo, Lifecycle
>>> def m(id, lifecycle="active"):
...     return ModelInfo(id=id, type="model", created_at=datetime(2025, 1, 1, tzinfo=timezone.utc),
...                      display_name=id, lifecycle=Lifecycle(lifecycle))
>>> change = diff_snapshots([m("a"), m("b")], [m("b", "deprecated"), m("c")])
>>> change.added, change.removed, change.breaking
(['c'], ['a'], True)
"""

from __future__ import annotations

import json
import os
from typing import Any, BinaryIO, Optional, Sequence

import attrs

from anthropic_models import _codec
from anthropic_models._codec import format_datetime
from anthropic_models._format import stage
from anthropic_models.errors import InvalidArgumentError, ResponseValidationError
from anthropic_models_generated.models import Lifecycle, ModelInfo

__all__ = ["MAX_SNAPSHOT_BYTES", "SnapshotDiff", "SnapshotError", "diff_snapshots", "load_snapshot"]

MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024
"""The largest snapshot read (32 MiB: some 15,000 models with full capabilities; a real
catalogue is under 200 KiB). A larger file is refused before it is read."""

_RETIRING = (Lifecycle.deprecated, Lifecycle.retired)


class SnapshotError(InvalidArgumentError):
    """A snapshot that cannot be compared: unreadable, too large, not JSON, or not models."""


@attrs.frozen
class SnapshotDiff:
    """What changed from an old catalogue to a new one (ids sorted)."""

    added: list[str]
    removed: list[str]
    renamed: list[tuple[str, str, str]]
    """(id, old display name, new display name)."""
    lifecycle_changes: list[tuple[str, str, str]]
    """(id, old lifecycle, new lifecycle); "-" where a snapshot has none."""
    new_deprecation_dates: list[tuple[str, str, str]]
    """(id, field, new date): deprecated_at or retires_at newly set or moved."""

    @property
    def newly_deprecated(self) -> list[str]:
        """Models that moved to deprecated or retired, or got a deprecation date."""
        retiring = {state.value for state in _RETIRING}
        ids = {i for i, _, new in self.lifecycle_changes if new in retiring}
        ids |= {i for i, field, _ in self.new_deprecation_dates if field == "deprecated_at"}
        return sorted(ids)

    @property
    def breaking(self) -> bool:
        """True when a model was removed or newly deprecated: the cases a pipeline should stop on."""
        return bool(self.removed or self.newly_deprecated)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "added": self.added,
            "removed": self.removed,
            "renamed": [{"id": i, "old": o, "new": n} for i, o, n in self.renamed],
            "lifecycle_changes": [
                {"id": i, "old": o, "new": n} for i, o, n in self.lifecycle_changes
            ],
            "new_deprecation_dates": [
                {"id": i, "field": f, "date": d} for i, f, d in self.new_deprecation_dates
            ],
            "breaking": self.breaking,
        }

    def report(self) -> str:
        """A readable summary, one line per change."""
        lines = [f"+ added    {i}" for i in self.added]
        lines += [f"- removed  {i}" for i in self.removed]
        lines += [f"~ renamed  {i}: {o!r} -> {n!r}" for i, o, n in self.renamed]
        lines += [f"~ lifecycle {i}: {o} -> {n}" for i, o, n in self.lifecycle_changes]
        lines += [f"! {f} {i}: {d}" for i, f, d in self.new_deprecation_dates]
        if not lines:
            return "no changes"
        verdict = (
            "breaking: a model was removed or newly deprecated"
            if self.breaking
            else "no breaking change"
        )
        return "\n".join([*lines, verdict])


def _date(model: ModelInfo, field: str) -> Optional[str]:
    value = getattr(model, field)
    return None if value is None else format_datetime(value)


def _by_id(models: Sequence[ModelInfo], name: str) -> dict[str, ModelInfo]:
    seen: dict[str, ModelInfo] = {}
    for index, model in enumerate(models):
        if model.id in seen:
            raise SnapshotError(f"{name}[{index}]: duplicate model id {model.id!r}")
        seen[model.id] = model
    return seen


def diff_snapshots(old: Sequence[ModelInfo], new: Sequence[ModelInfo]) -> SnapshotDiff:
    """Compare two catalogues by model id; :class:`SnapshotError` if one holds an id twice."""
    before = _by_id(old, "old")
    after = _by_id(new, "new")
    common = sorted(before.keys() & after.keys())
    dates = []
    for model_id in common:
        for field in ("deprecated_at", "retires_at"):
            then, now = _date(before[model_id], field), _date(after[model_id], field)
            if now is not None and now != then:
                dates.append((model_id, field, now))
    return SnapshotDiff(
        added=sorted(after.keys() - before.keys()),
        removed=sorted(before.keys() - after.keys()),
        renamed=[
            (i, before[i].display_name, after[i].display_name)
            for i in common
            if before[i].display_name != after[i].display_name
        ],
        lifecycle_changes=[
            (i, stage(before[i]), stage(after[i]))
            for i in common
            if stage(before[i]) != stage(after[i])
        ],
        new_deprecation_dates=dates,
    )


def _read(stream: BinaryIO, name: str) -> bytes:
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, ValueError, AttributeError):  # not a file descriptor (a test's BytesIO)
        size = 0
    limit = MAX_SNAPSHOT_BYTES
    if size <= limit:
        data = stream.read(limit + 1)
        size = len(data)
    if size > limit:
        raise SnapshotError(f"{name}: larger than {limit // 2**20} MiB, the limit for a snapshot")
    return data


def load_snapshot(path: str, stdin: Optional[BinaryIO] = None) -> list[ModelInfo]:
    r"""The models of the snapshot at ``path`` (``-``: read ``stdin``), or :class:`SnapshotError`.

    >>> import io
    >>> [m.id for m in load_snapshot("-", io.BytesIO(b"[]"))]
    []
    >>> load_snapshot("-", io.BytesIO(b"[" * 200_000))
    Traceback (most recent call last):
    anthropic_models.snapshot.SnapshotError: <stdin>: not JSON: nested too deeply
    """
    name = "<stdin>" if path == "-" else path
    if path == "-" and stdin is None:
        raise SnapshotError("no standard input to read the snapshot from")
    try:
        if stdin is not None and path == "-":
            data = _read(stdin, name)
        else:
            with open(path, "rb") as stream:
                data = _read(stream, name)
    except SnapshotError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise SnapshotError(
            f"cannot read {name}: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        raise SnapshotError(f"{name}: not JSON: nested too deeply") from None
    except ValueError as exc:  # UnicodeDecodeError included
        raise SnapshotError(f"{name}: not JSON: {exc}") from None
    where = "$"
    if isinstance(document, dict) and "data" in document:
        document, where = document["data"], "$.data"
    if not isinstance(document, list):
        raise SnapshotError(
            f"{name}: expected a JSON array of models (as `list --all --json` writes)"
        )
    models = []
    for index, item in enumerate(document):
        try:
            models.append(_codec.structure(item, ModelInfo))
        except ResponseValidationError as exc:
            raise SnapshotError(f"{name}: {where}[{index}]: {exc}") from None
        except RecursionError:
            raise SnapshotError(f"{name}: {where}[{index}]: nested too deeply") from None
    _by_id(models, f"{name}: {where}")
    return models
