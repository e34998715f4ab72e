"""The reference server's catalogue: an immutable, ordered list of models with aliases.

Models are kept newest first (``created_at`` descending, ``id`` ascending on ties, by code point),
each encoded to JSON once, with a dict from id to position. A page is then a slice of pre-encoded
bodies: O(limit) work whatever the size of the catalogue.

>>> catalog = Catalog.builtin()
>>> catalog.resolve("claude-sonnet-4-5")
'claude-sonnet-4-5-20250929'
>>> page = catalog.page(after_id="claude-sonnet-4-5-20250929", limit=2)
>>> [model.id for model in page.data], page.has_more
(['claude-opus-4-1-20250805', 'claude-opus-4-20250514'], True)
"""

from __future__ import annotations

import json
import random
import re
from datetime import datetime, timedelta, timezone
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterable, Iterator, Mapping, NoReturn, Optional, Union

from anthropic_models import _codec
from anthropic_models.errors import AnthropicModelsError, CatalogError, ResponseValidationError
from anthropic_models_generated.models import ListModelsResponse, ModelInfo
from anthropic_models_generated.spec import SPEC

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "Catalog", "CatalogError", "PageError"]

DEFAULT_LIMIT = 20
"""The page size when a request gives no ``limit``."""

MAX_LIMIT = 1000
"""The largest accepted ``limit``."""

_SCHEMAS: Mapping[str, Any] = SPEC["components"]["schemas"]
_STRICT_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})\Z"
)
_UNUSABLE_IDS = ("", ".", "..")


class PageError(AnthropicModelsError, ValueError):
    """A page cannot be served: bad limit, both cursors, or a cursor that names no listed model."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


def _resolve_ref(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        schema = _SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _is_null_schema(schema: Mapping[str, Any]) -> bool:
    return _resolve_ref(schema).get("type") == "null"


def _allows_null(schema: Mapping[str, Any]) -> bool:
    types = schema.get("type")
    if types == "null" or (isinstance(types, list) and "null" in types):
        return True
    return any(_is_null_schema(branch) for branch in schema.get("anyOf", ()))


class _Problem(Exception):
    """A value the spec refuses, on its way up, collecting the path to it."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.parts: list[str] = []

    def path(self) -> str:
        return "$" + "".join(reversed(self.parts))


_Check = Callable[[Any], None]
_CHECKS: dict[int, _Check] = {}


def _compile_check(schema: Mapping[str, Any]) -> _Check:
    """A check of what the codec cannot see, built once per schema of the spec.

    The codec checks types and required fields; this adds a null where the spec allows none (the
    codec reads an explicit null as an absent field), ``minimum``, and strict date-time syntax.
    """
    schema = _resolve_ref(schema)
    if id(schema) in _CHECKS:
        return _CHECKS[id(schema)]
    holder: list[_Check] = []
    _CHECKS[id(schema)] = lambda value: holder[0](value)
    nullable = _allows_null(schema)
    branches = [_compile_check(b) for b in schema.get("anyOf", ()) if not _is_null_schema(b)]
    properties = {key: _compile_check(sub) for key, sub in schema.get("properties", {}).items()}
    extra_schema = schema.get("additionalProperties")
    extra = _compile_check(extra_schema) if isinstance(extra_schema, dict) else None
    minimum = schema.get("minimum")
    date_time = schema.get("format") == "date-time"

    def check(value: Any) -> None:
        if value is None:
            if nullable:
                return
            raise _Problem("null is not allowed here")
        for branch in branches:
            branch(value)
        if type(value) is dict and (properties or extra):
            for key, item in value.items():
                sub = properties.get(key, extra)
                if sub is not None:
                    try:
                        sub(item)
                    except _Problem as problem:
                        problem.parts.append(f".{key}")
                        raise
        if minimum is not None and type(value) in (int, float) and value < minimum:
            raise _Problem(f"expected at least {minimum}, got {value}")
        if date_time and type(value) is str and not _STRICT_DATE_TIME.match(value):
            raise _Problem(f"not an RFC 3339 date-time with a 'T' separator: {value[:64]!r}")

    holder.append(check)
    _CHECKS[id(schema)] = check
    return check


def _located(prefix: str, path: str) -> str:
    """``$.created_at`` under ``models[3]`` is ``models[3].created_at``."""
    return prefix + path[1:]


def _describe_id(value: str) -> str:
    return repr(value if len(value) <= 100 else value[:100] + "...")


class _Entry:
    """One model while a catalogue is built: its id, release time and encoded JSON."""

    __slots__ = ("created_at", "encoded", "id", "where")

    def __init__(self, raw: Mapping[str, Any], where: str, *, trusted: bool = False) -> None:
        data = dict(raw)
        if trusted:  # made by synthetic(), whose output a test checks in full
            self.id: str = data["id"]
            self.created_at = _codec.parse_datetime(data["created_at"])
        else:
            try:
                model = _codec.structure(data, ModelInfo)
                _compile_check(_SCHEMAS["ModelInfo"])(data)
            except ResponseValidationError as exc:
                reason = str(exc)[len(exc.path) + 2 :]
                raise CatalogError(f"{_located(where, exc.path)}: {reason}") from None
            except _Problem as problem:
                raise CatalogError(f"{_located(where, problem.path())}: {problem.reason}") from None
            if model.id in _UNUSABLE_IDS:
                raise CatalogError(
                    f"{where}.id: {model.id!r} cannot be used as a cursor or path segment"
                )
            self.id = model.id
            self.created_at = model.created_at
        try:
            text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise CatalogError(f"{where}: not representable as JSON ({exc})") from None
        self.encoded = text.encode("utf-8")
        self.where = where


class Catalog:
    """An immutable catalogue of models, newest first, with aliases for ``GET /v1/models/{alias}``.

    Build one from models (:class:`ModelInfo` objects or JSON-shaped dicts, in any order) and an
    alias map; or use :meth:`builtin`, :meth:`from_json_file` or :meth:`synthetic`. Dicts are
    served exactly as given (explicit nulls and fields the spec does not know included) after being
    checked against the spec: types, required fields, nullability, minimums, date-time syntax.
    Duplicate ids are refused; an alias must name a listed id and must not itself be an id.

    >>> catalog = Catalog(
    ...     [{"id": "m1", "type": "model", "created_at": "2025-01-01T00:00:00Z", "display_name": "M1"}],
    ...     aliases={"m-latest": "m1"},
    ... )
    >>> len(catalog), catalog.ids, catalog.resolve("m-latest")
    (1, ('m1',), 'm1')
    """

    __slots__ = ("_aliases", "_encoded", "_ids", "_index", "_models")

    _aliases: Mapping[str, str]
    _encoded: tuple[bytes, ...]
    _ids: tuple[str, ...]
    _index: Mapping[str, int]
    _models: Optional[tuple[ModelInfo, ...]]

    def __init__(
        self,
        models: Iterable[Union[ModelInfo, Mapping[str, Any]]] = (),
        aliases: Optional[Mapping[str, str]] = None,
    ) -> None:
        self._build(models, aliases, models_path="models", aliases_path="aliases")

    def _build(
        self,
        models: Iterable[Union[ModelInfo, Mapping[str, Any]]],
        aliases: Optional[Mapping[str, str]],
        *,
        models_path: str,
        aliases_path: str,
        trusted: bool = False,
    ) -> None:
        entries: list[_Entry] = []
        seen: dict[str, _Entry] = {}
        for number, model in enumerate(models):
            where = f"{models_path}[{number}]"
            if isinstance(model, ModelInfo):
                raw: Any = _codec.unstructure(model)
            elif isinstance(model, Mapping):
                raw = model
            else:
                raise CatalogError(f"{where}: expected an object, got {type(model).__name__}")
            entry = _Entry(raw, where, trusted=trusted)
            if entry.id in seen:
                raise CatalogError(
                    f"{where}.id: duplicate id {_describe_id(entry.id)} (also {seen[entry.id].where}.id)"
                )
            seen[entry.id] = entry
            entries.append(entry)
        # Two stable sorts: id ascending, then created_at descending keeps ties in id order.
        entries.sort(key=lambda entry: entry.id)
        entries.sort(key=lambda entry: entry.created_at, reverse=True)
        ids = tuple(entry.id for entry in entries)
        object.__setattr__(self, "_ids", ids)
        object.__setattr__(self, "_encoded", tuple(entry.encoded for entry in entries))
        object.__setattr__(self, "_index", {model_id: i for i, model_id in enumerate(ids)})
        object.__setattr__(self, "_models", None)
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
        """The built-in catalogue: current, deprecated and retired Claude models, with aliases.

        >>> Catalog.builtin().ids[0]
        'claude-sonnet-4-6'
        """
        data = resources.files(__package__).joinpath("builtin_catalog.json").read_bytes()
        return cls._from_json_bytes(data, "<built-in catalogue>")

    @classmethod
    def from_json_file(cls, path: Union[str, Path]) -> Catalog:
        """A catalogue from a JSON file: a list of models, or ``{"models": [...], "aliases": {...}}``.

        Errors name the file and the JSON path of the failing value, such as
        ``catalog.json: models[3].created_at: not an RFC 3339 date-time: '2025'``.
        """
        try:
            data = Path(path).read_bytes()
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
            unknown = sorted(set(document) - {"models", "aliases"})
            if unknown or "models" not in document:
                raise CatalogError(
                    f'{source}: expected {{"models": [...], "aliases": {{...}}}}'
                    + (f", found unknown key(s) {', '.join(map(repr, unknown))}" if unknown else "")
                )
            models, aliases, models_path = document["models"], document.get("aliases"), "models"
            if not isinstance(models, list):
                raise CatalogError(f"{source}: models: expected an array of models")
        else:
            raise CatalogError(f"{source}: expected an array of models or an object with models")
        catalog = cls.__new__(cls)
        try:
            catalog._build(models, aliases, models_path=models_path, aliases_path="aliases")
        except CatalogError as exc:
            raise CatalogError(f"{source}: {exc}") from None
        return catalog

    @classmethod
    def synthetic(cls, n: int, seed: int = 0) -> Catalog:
        """``n`` generated models: the same ``n`` and ``seed`` give a byte-identical catalogue.

        Ids are ``synthetic-{line}-{number}``; every eighth model shares its predecessor's
        ``created_at`` (so the id tie-break matters); ``synthetic-{line}-latest`` aliases name the
        newest model of each line.

        >>> Catalog.synthetic(3).dumps() == Catalog.synthetic(3).dumps()
        True
        """
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise CatalogError(f"synthetic: expected a non-negative number of models, got {n!r}")
        rng = random.Random(seed)
        lines = ("haiku", "sonnet", "opus")
        width = max(6, len(str(n)))
        created = datetime(2026, 1, 1, tzinfo=timezone.utc)
        models: list[dict[str, Any]] = []
        latest: dict[str, str] = {}
        for number in range(n):
            if number % 8 != 7:
                created -= timedelta(minutes=1 + int(rng.random() * 2880))
            line = lines[int(rng.random() * len(lines))]
            model_id = f"synthetic-{line}-{number:0{width}d}"
            roll = rng.random()
            lifecycle = "active" if roll < 0.7 else "deprecated" if roll < 0.85 else "retired"
            deprecated_at = retires_at = None
            if lifecycle != "active":
                deprecated_at = _codec.format_datetime(created + timedelta(days=365))
                retires_at = _codec.format_datetime(created + timedelta(days=545))
            elif line not in latest:
                latest[line] = model_id
            models.append(
                {
                    "id": model_id,
                    "type": "model",
                    "created_at": _codec.format_datetime(created),
                    "display_name": f"Synthetic {line.capitalize()} {number}",
                    "lifecycle": lifecycle,
                    "deprecated_at": deprecated_at,
                    "retires_at": retires_at,
                    "line": line,
                    "max_input_tokens": 200000,
                    "max_tokens": (4096, 8192, 32000, 64000)[int(rng.random() * 4)],
                    "capabilities": {
                        "batch": {"supported": True},
                        "image_input": {"supported": rng.random() < 0.8},
                        "thinking": {"supported": rng.random() < 0.5},
                    },
                }
            )
        aliases = {f"synthetic-{line}-latest": model_id for line, model_id in latest.items()}
        catalog = cls.__new__(cls)
        catalog._build(
            models, aliases, models_path="synthetic", aliases_path="aliases", trusted=True
        )
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
        """The model that an id or an alias names, or None."""
        body = self.model_json(id_or_alias)
        return None if body is None else _codec.decode(body, ModelInfo)

    def model_json(self, id_or_alias: str) -> Optional[bytes]:
        """The JSON body of ``GET /v1/models/{id_or_alias}``, or None when nothing matches."""
        model_id = self.resolve(id_or_alias)
        return None if model_id is None else self._encoded[self._index[model_id]]

    def page_bounds(
        self,
        *,
        after_id: Optional[str] = None,
        before_id: Optional[str] = None,
        limit: int = DEFAULT_LIMIT,
    ) -> tuple[int, int, bool]:
        """``(start, stop, has_more)`` of a page: the slice of :attr:`ids` it holds.

        Raises PageError for a limit outside 1..1000, both cursors, or a cursor that names no
        listed model (aliases are not cursors).

        >>> Catalog.synthetic(10).page_bounds(before_id=Catalog.synthetic(10).ids[4], limit=3)
        (1, 4, True)
        """
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
            raise PageError("limit", f"expected an integer from 1 to {MAX_LIMIT}, got {limit!r}")
        if after_id is not None and before_id is not None:
            raise PageError("before_id", "cannot be combined with after_id")
        if before_id is not None:
            stop = self._cursor("before_id", before_id)
            start = max(0, stop - limit)
            return start, stop, start > 0
        start = 0 if after_id is None else self._cursor("after_id", after_id) + 1
        stop = min(len(self._ids), start + limit)
        return start, stop, stop < len(self._ids)

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
    ) -> bytes:
        """The JSON body of ``GET /v1/models`` for these parameters, assembled from slices."""
        start, stop, has_more = self.page_bounds(
            after_id=after_id, before_id=before_id, limit=limit
        )
        if start == stop:
            first = last = b"null"
        else:
            first = json.dumps(self._ids[start], ensure_ascii=False).encode("utf-8")
            last = json.dumps(self._ids[stop - 1], ensure_ascii=False).encode("utf-8")
        return b"".join(
            (
                b'{"data":[',
                b",".join(self._encoded[start:stop]),
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
    ) -> ListModelsResponse:
        """One page as the generated :class:`ListModelsResponse`."""
        body = self.page_json(after_id=after_id, before_id=before_id, limit=limit)
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
