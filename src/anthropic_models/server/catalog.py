"""The reference server's catalogue: an immutable, ordered list of models with aliases.

Models are kept newest first (``created_at`` descending, ``id`` ascending on ties, by code point),
each encoded to JSON once, with a dict from id to position. A ``lifecycle[]`` view (one of the seven
non-empty sets of stages) is an array of positions, built once on first use. A page is then a
slice of pre-encoded bodies: O(limit) work (and a binary search) whatever the catalogue's size.

Cursors are positions in the newest-first order of the whole catalogue, so a cursor may name a
model the view leaves out (a retired model under the default view): the page holds the view's
models after (or before) that position.

>>> catalog = Catalogue(
...     [{"id": f"m{n}", "type": "model", "created_at": f"2025-01-0{n}T00:00:00Z",
...       "display_name": f"M{n}", "lifecycle": "retired" if n == 2 else "active"}
...      for n in range(1, 6)],
...     aliases={"m-latest": "m5"},
... )
>>> catalog.ids, catalog.resolve("m-latest")
(('m5', 'm4', 'm3', 'm2', 'm1'), 'm5')
>>> page = catalog.page(after_id="m4", limit=2)
>>> [model.id for model in page.data], page.has_more
(['m3', 'm1'], False)
>>> [model.id for model in catalog.page(after_id="m2", limit=2, lifecycle=["active"]).data]
['m1']
"""

from __future__ import annotations

import json
import os
import threading
from array import array
from bisect import bisect_left, bisect_right
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
from anthropic_models.errors import CatalogError
from anthropic_models.server.catalogue_entry import UNUSABLE_IDS, Entry, describe_id, is_text
from anthropic_models.server.catalogue_file import MAX_CATALOG_BYTES, parse_document, read_catalogue
from anthropic_models.server.stages import (
    ALL_CODES,
    DEFAULT_LIFECYCLE,
    STAGE_CODE,
    STAGES,
    PageError,
    stage_codes,
)
from anthropic_models.server.synthetic import MAX_SYNTHETIC, synthetic_models
from anthropic_models_generated.models import ListModelsResponse, ModelInfo
from anthropic_models_generated.operations import LIST_MODELS, InvalidParameterError

__all__ = [
    "DEFAULT_LIFECYCLE",
    "DEFAULT_LIMIT",
    "MAX_CATALOG_BYTES",
    "MAX_LIMIT",
    "MAX_SYNTHETIC",
    "STAGES",
    "CatalogError",
    "Catalogue",
    "PageError",
]

_LIMIT = LIST_MODELS.parameter("limit")

DEFAULT_LIMIT: int = int(_LIMIT.default or 0)
"""The page size when a request gives no ``limit`` (the spec's default)."""

MAX_LIMIT: int = int(_LIMIT.maximum or 0)
"""The largest accepted ``limit`` (the spec's maximum)."""


class Catalogue:
    """An immutable catalogue of models, newest first, with aliases for ``GET /v1/models/{alias}``.

    Build one from models (:class:`ModelInfo` objects or JSON-shaped dicts, in any order) and an
    alias map; or use :meth:`builtin`, :meth:`from_json_file` or :meth:`synthetic`. Dicts are
    served exactly as given (explicit nulls and fields the spec does not know included) after being
    checked against the spec: types, required fields, nullability, minimums, date-time syntax, and
    text that UTF-8 can carry. Duplicate ids are refused; an alias must name a listed id and must
    not itself be an id.

    >>> catalog = Catalogue(
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
    ) -> Iterator[Entry]:
        for number, model in enumerate(models):
            where = f"{models_path}[{number}]"
            if isinstance(model, ModelInfo):
                raw: Any = _codec.unstructure(model)
            elif isinstance(model, Mapping):
                raw = model
            else:
                raise CatalogError(f"{where}: expected an object, got {type(model).__name__}")
            yield Entry.checked(raw, where)

    def _build(
        self, entries: Iterable[Entry], aliases: Optional[Mapping[str, str]], *, aliases_path: str
    ) -> None:
        ordered: list[Entry] = []
        seen: dict[str, Entry] = {}
        for entry in entries:
            if entry.id in seen:
                raise CatalogError(
                    f"{entry.where}.id: duplicate id {describe_id(entry.id)}"
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
        object.__setattr__(self, "_views", {ALL_CODES: range(len(ids))})
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
            if not isinstance(alias, str) or alias in UNUSABLE_IDS:
                raise CatalogError(
                    f"{place}: an alias must be a usable path segment, got {alias!r}"
                )
            if not is_text(alias):
                raise CatalogError(f"{place}: the alias holds a lone surrogate, not Unicode text")
            if alias in self._index:
                raise CatalogError(f"{place}: the alias is also a model id")
            if not isinstance(target, str) or target not in self._index:
                raise CatalogError(f"{place}: {target!r} is not the id of a listed model")
            checked[alias] = target
        return checked

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"a Catalogue is immutable: cannot set {name}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"a Catalogue is immutable: cannot delete {name}")

    # Constructors.

    @classmethod
    def builtin(cls) -> Catalogue:
        """The built-in catalogue as of late November 2026: current, deprecated and retired models.

        >>> Catalogue.builtin().ids[0]
        'claude-fable-5-2'
        """
        data = resources.files(__package__).joinpath("builtin_catalog.json").read_bytes()
        return cls._from_json_bytes(data, "<built-in catalogue>")

    @classmethod
    def from_json_file(cls, path: Union[str, os.PathLike[str]]) -> Catalogue:
        """A catalogue from a JSON file: a list of models, or ``{"models": [...], "aliases": {...}}``.

        The object form may carry a ``"note"`` string (ignored). Files larger than
        :data:`MAX_CATALOG_BYTES` are refused before being read whole, and so is anything that does
        not start like JSON (``/dev/zero``). Errors name the file and the JSON path of the failing
        value, such as ``catalog.json: models[3].created_at: not an RFC 3339 date-time: '2025'``.
        """
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"a catalogue path must be a str or a path, not {type(path).__name__}")
        try:
            data = read_catalogue(path)
        except OSError as exc:
            raise CatalogError(
                f"{path}: cannot read the catalogue: {exc.strerror or exc}"
            ) from None
        return cls._from_json_bytes(data, str(path))

    @classmethod
    def _from_json_bytes(cls, data: bytes, source: str) -> Catalogue:
        models, aliases, models_path = parse_document(data, source)
        catalog = cls.__new__(cls)
        try:
            catalog._build(cls._entries(models, models_path), aliases, aliases_path="aliases")
        except CatalogError as exc:
            raise CatalogError(f"{source}: {exc}") from None
        return catalog

    @classmethod
    def synthetic(cls, n: int, seed: int = 0) -> Catalogue:
        """``n`` generated models (0..:data:`MAX_SYNTHETIC`); the same ``n`` and ``seed`` give the
        same catalogue, byte for byte. See :mod:`anthropic_models.server.synthetic`.

        >>> Catalogue.synthetic(3).dumps() == Catalogue.synthetic(3).dumps()
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
            Entry(m.id, m.created_us, STAGE_CODE[m.stage], m.encoded, "synthetic") for m in models
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
        return f"<Catalogue of {len(self._ids)} models, {len(self._aliases)} aliases>"

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

        >>> builtin = Catalogue.builtin()
        >>> len(builtin.view_ids()) + len(builtin.view_ids(["retired"])) == len(builtin)
        True
        """
        return tuple(self._ids[i] for i in self._view(stage_codes(lifecycle)))

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

        >>> Catalogue.synthetic(10).page_bounds(before_id=Catalogue.synthetic(10).ids[4], limit=3)
        (1, 4, True)
        """
        try:
            _LIMIT.check(limit)
        except InvalidParameterError as exc:
            raise PageError("limit", str(exc).removeprefix("limit ")) from None
        if after_id is not None and before_id is not None:
            raise PageError("before_id", "cannot be combined with after_id")
        view = self._view(stage_codes(lifecycle))
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
            raise PageError(name, f"no listed model has the id {describe_id(model_id)}")
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
        positions = self._view(stage_codes(lifecycle))[start:stop]
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
