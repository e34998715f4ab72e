"""The reference server's catalogue: an immutable, ordered list of models with aliases.

Models are kept newest first (``created_at`` descending, ``id`` ascending on ties, by code point),
each encoded to JSON once, with a dict from id to position. A ``lifecycle[]`` view (one of the seven
non-empty sets of stages) is an array of positions, built once on first use. A page is then a
slice of pre-encoded bodies: O(limit) work (and a binary search) whatever the catalogue's size.

Cursors are positions in the newest-first order of the whole catalogue, so a cursor may name a
model the view leaves out (a retired model under the default view): the page holds the view's
models after (or before) that position.

>>> catalog = Catalog.builtin()
>>> catalog.resolve("claude-sonnet-4-5")
'claude-sonnet-4-5-20250929'
>>> page = catalog.page(after_id="claude-mythos-preview", limit=2)
>>> [model.id for model in page.data], page.has_more
(['claude-sonnet-4-6', 'claude-opus-4-6'], True)
>>> page = catalog.page(after_id="claude-sonnet-4-5-20250929", limit=2, lifecycle=["retired"])
>>> [model.id for model in page.data], page.has_more
(['claude-opus-4-1-20250805', 'claude-opus-4-20250514'], True)
"""

from __future__ import annotations

import json
import os
import stat
import threading
from array import array
from bisect import bisect_left, bisect_right
from datetime import datetime, timezone
from importlib import resources
from types import MappingProxyType
from typing import (
    Any,
    Iterable,
    Iterator,
    Mapping,
    NoReturn,
    Optional,
    Sequence,
    Union,
)

from anthropic_models import _codec
from anthropic_models.errors import AnthropicModelsError, CatalogError, ResponseValidationError
from anthropic_models.server.schema_check import SchemaProblem, check_model
from anthropic_models.server.synthetic import MAX_SYNTHETIC, synthetic_models
from anthropic_models_generated.models import ListModelsResponse, ModelInfo
from anthropic_models_generated.transport import LIST_MODELS

__all__ = [
    "DEFAULT_LIFECYCLE",
    "DEFAULT_LIMIT",
    "MAX_CATALOG_BYTES",
    "MAX_LIMIT",
    "MAX_SYNTHETIC",
    "STAGES",
    "Catalog",
    "CatalogError",
    "PageError",
]

_LIMIT = LIST_MODELS.parameter("limit")
_LIFECYCLE = LIST_MODELS.parameter("lifecycle")

DEFAULT_LIMIT: int = int(_LIMIT.default or 0)
"""The page size when a request gives no ``limit`` (the spec's default)."""

MAX_LIMIT: int = int(_LIMIT.maximum or 0)
"""The largest accepted ``limit`` (the spec's maximum)."""

STAGES: tuple[str, ...] = _LIFECYCLE.enum or ()
"""The lifecycle stages, in the spec's order: active, deprecated, retired."""

MAX_STAGES: int = int(_LIFECYCLE.max_items or len(STAGES))
"""The most ``lifecycle[]`` values one request may give (the spec's maxItems)."""

DEFAULT_LIFECYCLE: tuple[str, ...] = tuple(stage for stage in STAGES if stage != "retired")
"""The view of a list request without ``lifecycle[]``: every stage but ``retired``."""

MAX_CATALOG_BYTES = 64 * 1024 * 1024
"""The largest catalogue file read (64 MiB, about 70,000 models with full capabilities)."""

_NOTE_KEY = "note"
_UNUSABLE_IDS = ("", ".", "..")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_CHUNK = 1024 * 1024
_STAGE_CODE = {stage: code for code, stage in enumerate(STAGES)}
_ALL_STAGES = frozenset(range(len(STAGES)))
_DEFAULT_CODES = frozenset(_STAGE_CODE[stage] for stage in DEFAULT_LIFECYCLE)


class PageError(AnthropicModelsError, ValueError):
    """A page cannot be served: bad limit or lifecycle, both cursors, or a cursor naming no model."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


def _located(prefix: str, path: str) -> str:
    """``$.created_at`` under ``models[3]`` is ``models[3].created_at``."""
    return prefix + path[1:]


def _describe_id(value: str) -> str:
    return repr(value if len(value) <= 100 else value[:100] + "...")


def _is_text(value: str) -> bool:
    """Whether a string is Unicode text that UTF-8 can carry (no lone surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _surrogate_path(value: Any, path: str = "$") -> Optional[str]:
    """The JSON path of the first string (key or value) holding a lone surrogate, if any."""
    if isinstance(value, str):
        return None if _is_text(value) else path
    if isinstance(value, Mapping):
        for key, item in value.items():
            place = f"{path}.{key}" if isinstance(key, str) and _is_text(key) else None
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


def _stage_codes(lifecycle: Optional[Iterable[str]]) -> frozenset[int]:
    """The stages a request asks for; None is the default view. PageError for a bad request."""
    if lifecycle is None:
        return _DEFAULT_CODES
    name = _LIFECYCLE.name
    if isinstance(lifecycle, (str, bytes)):
        raise PageError(name, "expected a sequence of stages, not a single string")
    values = list(lifecycle)
    if not values:
        raise PageError(name, "give at least one stage")
    if len(values) > MAX_STAGES:
        raise PageError(name, f"at most {MAX_STAGES} values, got {len(values)}")
    codes = set()
    for value in values:
        code = _STAGE_CODE.get(value) if isinstance(value, str) else None
        if code is None:
            shown = "an empty value" if value == "" else f"unknown stage {_describe_id(str(value))}"
            raise PageError(name, f"{shown}; expected one of {', '.join(STAGES)}")
        codes.add(code)
    return frozenset(codes)


class _Entry:
    """One model while a catalogue is built: its id, sort key, stage and encoded JSON."""

    __slots__ = ("created_us", "encoded", "id", "stage", "where")

    def __init__(self, model_id: str, created_us: int, stage: int, encoded: bytes, where: str):
        self.id = model_id
        self.created_us = created_us
        self.stage = stage
        self.encoded = encoded
        self.where = where

    @classmethod
    def checked(cls, raw: Mapping[str, Any], where: str) -> _Entry:
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
        if model.id in _UNUSABLE_IDS:
            raise CatalogError(
                f"{where}.id: {model.id!r} cannot be used as a cursor or path segment"
            )
        try:
            text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise CatalogError(f"{where}: not representable as JSON ({exc})") from None
        stage = _STAGE_CODE[str(data["lifecycle"])]
        return cls(model.id, _micros(model.created_at), stage, text.encode("utf-8"), where)


class Catalog:
    """An immutable catalogue of models, newest first, with aliases for ``GET /v1/models/{alias}``.

    Build one from models (:class:`ModelInfo` objects or JSON-shaped dicts, in any order) and an
    alias map; or use :meth:`builtin`, :meth:`from_json_file` or :meth:`synthetic`. Dicts are
    served exactly as given (explicit nulls and fields the spec does not know included) after being
    checked against the spec: types, required fields, nullability, minimums, date-time syntax, and
    text that UTF-8 can carry. Duplicate ids are refused; an alias must name a listed id and must
    not itself be an id.

    >>> catalog = Catalog(
    ...     [{"id": "m1", "type": "model", "created_at": "2025-01-01T00:00:00Z",
    ...       "display_name": "M1", "lifecycle": "active"}],
    ...     aliases={"m-latest": "m1"},
    ... )
    >>> len(catalog), catalog.ids, catalog.resolve("m-latest")
    (1, ('m1',), 'm1')
    """

    __slots__ = (
        "_aliases",
        "_encoded",
        "_ids",
        "_index",
        "_models",
        "_stages",
        "_views",
        "_views_lock",
    )

    _aliases: Mapping[str, str]
    _encoded: tuple[bytes, ...]
    _ids: tuple[str, ...]
    _index: Mapping[str, int]
    _models: Optional[tuple[ModelInfo, ...]]
    _stages: bytes
    _views: dict[frozenset[int], Sequence[int]]
    _views_lock: threading.Lock

    def __init__(
        self,
        models: Iterable[Union[ModelInfo, Mapping[str, Any]]] = (),
        aliases: Optional[Mapping[str, str]] = None,
    ) -> None:
        self._build(self._entries(models, "models"), aliases, aliases_path="aliases")

    @staticmethod
    def _entries(
        models: Iterable[Union[ModelInfo, Mapping[str, Any]]], models_path: str
    ) -> Iterator[_Entry]:
        for number, model in enumerate(models):
            where = f"{models_path}[{number}]"
            if isinstance(model, ModelInfo):
                raw: Any = _codec.unstructure(model)
            elif isinstance(model, Mapping):
                raw = model
            else:
                raise CatalogError(f"{where}: expected an object, got {type(model).__name__}")
            yield _Entry.checked(raw, where)

    def _build(
        self, entries: Iterable[_Entry], aliases: Optional[Mapping[str, str]], *, aliases_path: str
    ) -> None:
        ordered: list[_Entry] = []
        seen: dict[str, _Entry] = {}
        for entry in entries:
            if entry.id in seen:
                raise CatalogError(
                    f"{entry.where}.id: duplicate id {_describe_id(entry.id)}"
                    f" (also {seen[entry.id].where}.id)"
                )
            seen[entry.id] = entry
            ordered.append(entry)
        del seen
        # Newest first, ties by id; linear on input already in (or near) that order.
        ordered.sort(key=lambda entry: (-entry.created_us, entry.id))
        ids = tuple(entry.id for entry in ordered)
        object.__setattr__(self, "_ids", ids)
        object.__setattr__(self, "_encoded", tuple(entry.encoded for entry in ordered))
        object.__setattr__(self, "_stages", bytes(entry.stage for entry in ordered))
        del ordered
        object.__setattr__(self, "_index", {model_id: i for i, model_id in enumerate(ids)})
        object.__setattr__(self, "_models", None)
        object.__setattr__(self, "_views", {_ALL_STAGES: range(len(ids))})
        object.__setattr__(self, "_views_lock", threading.Lock())
        object.__setattr__(
            self, "_aliases", MappingProxyType(self._checked_aliases(aliases or {}, aliases_path))
        )

    def _checked_aliases(self, aliases: Any, where: str) -> dict[str, str]:
        if not isinstance(aliases, Mapping):
            raise CatalogError(f"{where}: expected an object, got {type(aliases).__name__}")
        checked: dict[str, str] = {}
        for alias, target in aliases.items():
            place = f"{where}[{json.dumps(alias)}]" if isinstance(alias, str) else where
            if not isinstance(alias, str) or alias in _UNUSABLE_IDS:
                raise CatalogError(
                    f"{place}: an alias must be a usable path segment, got {alias!r}"
                )
            if not _is_text(alias):
                raise CatalogError(f"{place}: the alias holds a lone surrogate, not Unicode text")
            if alias in self._index:
                raise CatalogError(f"{place}: the alias is also a model id")
            if not isinstance(target, str) or target not in self._index:
                raise CatalogError(f"{place}: {target!r} is not the id of a listed model")
            checked[alias] = target
        return checked

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"a Catalog is immutable: cannot set {name}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"a Catalog is immutable: cannot delete {name}")

    # Constructors.

    @classmethod
    def builtin(cls) -> Catalog:
        """The built-in catalogue as of late November 2026: current, deprecated and retired models.

        >>> Catalog.builtin().ids[0]
        'claude-fable-5-2'
        """
        data = resources.files(__package__).joinpath("builtin_catalog.json").read_bytes()
        return cls._from_json_bytes(data, "<built-in catalogue>")

    @classmethod
    def from_json_file(cls, path: Union[str, os.PathLike[str]]) -> Catalog:
        """A catalogue from a JSON file: a list of models, or ``{"models": [...], "aliases": {...}}``.

        The object form may carry a ``"note"`` string (ignored). Files larger than
        :data:`MAX_CATALOG_BYTES` are refused before being read whole, and so is anything that does
        not start like JSON (``/dev/zero``). Errors name the file and the JSON path of the failing
        value, such as ``catalog.json: models[3].created_at: not an RFC 3339 date-time: '2025'``.
        """
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"a catalogue path must be a str or a path, not {type(path).__name__}")
        try:
            data = _read_catalogue(path)
        except OSError as exc:
            raise CatalogError(
                f"{path}: cannot read the catalogue: {exc.strerror or exc}"
            ) from None
        return cls._from_json_bytes(data, str(path))

    @classmethod
    def _from_json_bytes(cls, data: bytes, source: str) -> Catalog:
        def refuse_constant(name: str) -> NoReturn:
            raise ValueError(f"{name} is not JSON")

        try:
            document = json.loads(data, parse_constant=refuse_constant)
        except UnicodeDecodeError as exc:
            raise CatalogError(f"{source}: not UTF-8 text ({exc.reason})") from None
        except ValueError as exc:
            raise CatalogError(f"{source}: not JSON: {exc}") from None
        except RecursionError:
            raise CatalogError(f"{source}: not JSON: nested too deeply") from None
        if isinstance(document, list):
            models, aliases, models_path = document, None, ""
        elif isinstance(document, dict):
            unknown = sorted(set(document) - {"models", "aliases", _NOTE_KEY})
            if unknown or "models" not in document:
                shown = ", ".join(json.dumps(key) for key in unknown)
                raise CatalogError(
                    f'{source}: expected {{"models": [...], "aliases": {{...}}, "note": "..."}}'
                    + (f", found unknown key(s) {shown}" if unknown else "")
                )
            if not isinstance(document.get(_NOTE_KEY, ""), str):
                raise CatalogError(f"{source}: {_NOTE_KEY}: expected a string")
            models, aliases, models_path = document["models"], document.get("aliases"), "models"
            if not isinstance(models, list):
                raise CatalogError(f"{source}: models: expected an array of models")
        else:
            raise CatalogError(f"{source}: expected an array of models or an object with models")
        catalog = cls.__new__(cls)
        try:
            catalog._build(cls._entries(models, models_path), aliases, aliases_path="aliases")
        except CatalogError as exc:
            raise CatalogError(f"{source}: {exc}") from None
        return catalog

    @classmethod
    def synthetic(cls, n: int, seed: int = 0) -> Catalog:
        """``n`` generated models (0..:data:`MAX_SYNTHETIC`); the same ``n`` and ``seed`` give the
        same catalogue, byte for byte. See :mod:`anthropic_models.server.synthetic`.

        >>> Catalog.synthetic(3).dumps() == Catalog.synthetic(3).dumps()
        True
        """
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_SYNTHETIC:
            raise CatalogError(
                f"synthetic: expected a number of models from 0 to {MAX_SYNTHETIC}, got {n!r}"
            )
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise CatalogError(f"synthetic: expected an integer seed, got {seed!r}")
        models, aliases = synthetic_models(n, seed)
        # Generated ids are unique, so no error ever quotes an entry's place.
        entries = (
            _Entry(m.id, m.created_us, _STAGE_CODE[m.stage], m.encoded, "synthetic") for m in models
        )
        catalog = cls.__new__(cls)
        catalog._build(entries, aliases, aliases_path="aliases")
        return catalog

    # Reading.

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[ModelInfo]:
        return iter(self.models)

    def __contains__(self, model_id: object) -> bool:
        return model_id in self._index

    def __repr__(self) -> str:
        return f"<Catalog of {len(self._ids)} models, {len(self._aliases)} aliases>"

    @property
    def ids(self) -> tuple[str, ...]:
        """The listed ids, newest first."""
        return self._ids

    @property
    def aliases(self) -> Mapping[str, str]:
        """Alias -> model id (read-only)."""
        return self._aliases

    @property
    def models(self) -> tuple[ModelInfo, ...]:
        """The models, newest first (decoded on first use)."""
        if self._models is None:
            models = tuple(_codec.decode(body, ModelInfo) for body in self._encoded)
            object.__setattr__(self, "_models", models)
            return models
        return self._models

    def position(self, model_id: str) -> Optional[int]:
        """The position of a listed id (not an alias) in the newest-first order, or None."""
        return self._index.get(model_id)

    def resolve(self, id_or_alias: str) -> Optional[str]:
        """The listed id that an id or an alias names, or None."""
        if id_or_alias in self._index:
            return id_or_alias
        return self._aliases.get(id_or_alias)

    def get(self, id_or_alias: str) -> Optional[ModelInfo]:
        """The model that an id or an alias names (retired ones included), or None."""
        body = self.model_json(id_or_alias)
        return None if body is None else _codec.decode(body, ModelInfo)

    def model_json(self, id_or_alias: str) -> Optional[bytes]:
        """The JSON body of ``GET /v1/models/{id_or_alias}``, or None when nothing matches."""
        model_id = self.resolve(id_or_alias)
        return None if model_id is None else self._encoded[self._index[model_id]]

    def _view(self, codes: frozenset[int]) -> Sequence[int]:
        """The positions of the models in these stages, ascending (built once per set)."""
        view = self._views.get(codes)
        if view is None:
            with self._views_lock:
                view = self._views.get(codes)
                if view is None:
                    wanted = bytes(1 if code in codes else 0 for code in range(256))
                    marks = self._stages.translate(wanted)
                    view = array("q", (i for i, mark in enumerate(marks) if mark))
                    self._views[codes] = view
        return view

    def view_ids(self, lifecycle: Optional[Iterable[str]] = None) -> tuple[str, ...]:
        """The ids a list walk over this ``lifecycle`` filter yields, newest first (None: default).

        >>> len(Catalog.builtin().view_ids()), len(Catalog.builtin().view_ids(["retired"]))
        (19, 14)
        """
        return tuple(self._ids[i] for i in self._view(_stage_codes(lifecycle)))

    def page_bounds(
        self,
        *,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        limit: int = DEFAULT_LIMIT,
        lifecycle: Optional[Iterable[str]] = None,
    ) -> tuple[int, int, bool]:
        """``(start, stop, has_more)`` of a page: the slice of :meth:`view_ids` it holds.

        ``lifecycle``: the stages to list (None: active and deprecated). A cursor is a position in
        the whole catalogue, so it may name a model outside the view. Raises PageError for a limit
        outside 1..1000, a bad ``lifecycle``, both cursors, or a cursor that names no listed model
        (aliases are not cursors).

        >>> Catalog.synthetic(10).page_bounds(before_id=Catalog.synthetic(10).ids[4], limit=3)
        (1, 4, True)
        """
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
            raise PageError("limit", f"expected an integer from 1 to {MAX_LIMIT}, got {limit!r}")
        if after_id is not None and before_id is not None:
            raise PageError("before_id", "cannot be combined with after_id")
        view = self._view(_stage_codes(lifecycle))
        if before_id is not None:
            stop = bisect_left(view, self._cursor("before_id", before_id))
            start = max(0, stop - limit)
            return start, stop, start > 0
        start = 0 if after_id is None else bisect_right(view, self._cursor("after_id", after_id))
        stop = min(len(view), start + limit)
        return start, stop, stop < len(view)

    def _cursor(self, name: str, model_id: str) -> int:
        position = self._index.get(model_id)
        if position is None:
            raise PageError(name, f"no listed model has the id {_describe_id(model_id)}")
        return position

    def page_json(
        self,
        *,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        limit: int = DEFAULT_LIMIT,
        lifecycle: Optional[Iterable[str]] = None,
    ) -> bytes:
        """The JSON body of ``GET /v1/models`` for these parameters, assembled from slices."""
        # page_bounds is the one place that decides a page (subclasses may override it).
        start, stop, has_more = self.page_bounds(
            after_id=after_id, before_id=before_id, limit=limit, lifecycle=lifecycle
        )
        positions = self._view(_stage_codes(lifecycle))[start:stop]
        if start == stop:
            first = last = b"null"
        else:
            first = json.dumps(self._ids[positions[0]], ensure_ascii=False).encode("utf-8")
            last = json.dumps(self._ids[positions[-1]], ensure_ascii=False).encode("utf-8")
        encoded = self._encoded
        return b"".join(
            (
                b'{"data":[',
                b",".join([encoded[i] for i in positions]),
                b'],"first_id":',
                first,
                b',"has_more":',
                b"true" if has_more else b"false",
                b',"last_id":',
                last,
                b"}",
            )
        )

    def page(
        self,
        *,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        limit: int = DEFAULT_LIMIT,
        lifecycle: Optional[Iterable[str]] = None,
    ) -> ListModelsResponse:
        """One page as the generated :class:`ListModelsResponse`."""
        body = self.page_json(
            after_id=after_id, before_id=before_id, limit=limit, lifecycle=lifecycle
        )
        return _codec.decode(body, ListModelsResponse)

    def dumps(self) -> bytes:
        """The catalogue as JSON that :meth:`from_json_file` reads back: models newest first."""
        aliases = json.dumps(dict(self._aliases), ensure_ascii=False, separators=(",", ":"))
        return b"".join(
            (
                b'{"models":[',
                b",".join(self._encoded),
                b'],"aliases":',
                aliases.encode("utf-8"),
                b"}",
            )
        )


def _read_catalogue(path: Union[str, os.PathLike[str]]) -> bytes:
    """The bytes of a catalogue file, refusing early what is too large or does not start like JSON.

    A regular file's size is checked before reading; a device or a pipe is read in chunks, its
    first significant byte must open an array or an object, and it is refused once it passes the
    limit, so that ``/dev/zero`` is refused at once and an endless stream after the limit.
    """
    with open(path, "rb") as file:
        info = os.fstat(file.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_CATALOG_BYTES:
            raise CatalogError(
                f"{path}: the file has {info.st_size} bytes; a catalogue may have at most "
                f"{MAX_CATALOG_BYTES} bytes"
            )
        chunks: list[bytes] = []
        size = 0
        started = False
        while True:
            chunk = file.read(_CHUNK)
            if not chunk:
                break
            if not started:
                significant = chunk.lstrip(b" \t\r\n")
                if significant.startswith(b"\xef\xbb\xbf"):
                    significant = significant[3:].lstrip(b" \t\r\n")
                if significant:
                    started = True
                    if significant[:1] not in (b"[", b"{"):
                        raise CatalogError(
                            f"{path}: not a JSON catalogue: it must start with '[' or '{{', "
                            f"found byte 0x{significant[0]:02x}"
                        )
            size += len(chunk)
            if size > MAX_CATALOG_BYTES:
                raise CatalogError(
                    f"{path}: more than {MAX_CATALOG_BYTES} bytes; a catalogue may have at most "
                    f"{MAX_CATALOG_BYTES} bytes"
                )
            chunks.append(chunk)
        return b"".join(chunks)
