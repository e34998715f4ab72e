"""The catalogue: order, aliases, pagination bounds, loading and its errors, built-in and synthetic."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from anthropic_models import _codec
from anthropic_models.server.catalog import Catalog, CatalogError, PageError
from anthropic_models_generated.models import Lifecycle, ModelInfo
from tests.server.wsgi import SMALL_ALIASES, SMALL_MODELS, SMALL_ORDER, model, small_catalog


def test_models_are_ordered_newest_first_with_the_id_breaking_ties() -> None:
    """Input order does not matter: created_at descending (offsets honoured), then id ascending."""
    catalog = small_catalog()
    assert list(catalog.ids) == SMALL_ORDER
    assert [m.id for m in catalog.models] == SMALL_ORDER
    assert [m.id for m in Catalog(reversed(SMALL_MODELS)).models] == SMALL_ORDER


def test_tie_break_is_code_point_order() -> None:
    """Ties sort by id in code point order (uppercase before lowercase, shorter prefix first)."""
    same = "2025-01-01T00:00:00Z"
    catalog = Catalog([model("b", same), model("B", same), model("a1", same), model("a", same)])
    assert catalog.ids == ("B", "a", "a1", "b")


def test_aliases_resolve_for_lookup_only() -> None:
    """An alias finds its model by GET, but is neither listed nor a cursor."""
    catalog = small_catalog()
    assert catalog.resolve("m-latest") == "m-a"
    assert catalog.get("m-latest") == catalog.get("m-a")
    assert catalog.model_json("m-old") == catalog.model_json("m-f")
    assert "m-latest" not in catalog
    assert catalog.position("m-latest") is None
    with pytest.raises(PageError, match="after_id: no listed model"):
        catalog.page_bounds(after_id="m-latest")
    assert catalog.get("nope") is None
    assert catalog.model_json("nope") is None
    assert dict(catalog.aliases) == SMALL_ALIASES


def test_catalog_is_immutable() -> None:
    """Neither attributes nor the alias map can be changed after construction."""
    catalog = small_catalog()
    with pytest.raises(AttributeError, match="immutable"):
        catalog._ids = ()
    with pytest.raises(AttributeError, match="immutable"):
        del catalog._index
    with pytest.raises(TypeError):
        catalog.aliases["x"] = "m-a"  # type: ignore[index]


def test_models_are_served_exactly_as_given() -> None:
    """Explicit nulls and unknown fields are kept, absent optional fields stay absent."""
    catalog = small_catalog()
    assert json.loads(catalog.model_json("m-b") or b"") == SMALL_MODELS[5]
    assert json.loads(catalog.model_json("m-e") or b"")["a_future_field"] == {"x": [1]}
    assert "lifecycle" not in json.loads(catalog.model_json("m-d") or b"")


def test_model_info_objects_are_accepted() -> None:
    """ModelInfo objects and dicts mix; an object is encoded without its unset fields."""
    info = ModelInfo(
        id="obj",
        type="model",
        created_at=datetime(2030, 1, 1, tzinfo=timezone.utc),
        display_name="Obj",
        lifecycle=Lifecycle.active,
    )
    catalog = Catalog([info, *SMALL_MODELS])
    assert catalog.ids[0] == "obj"
    assert json.loads(catalog.model_json("obj") or b"") == {
        "id": "obj",
        "type": "model",
        "created_at": "2030-01-01T00:00:00Z",
        "display_name": "Obj",
        "lifecycle": "active",
    }
    assert catalog.get("obj") == info


def test_page_bounds_follow_the_rules() -> None:
    """after_id, before_id, no cursor: exclusive slices, has_more about the requested direction."""
    catalog = small_catalog()  # a b c1 c2 d e f
    assert catalog.page_bounds(limit=3) == (0, 3, True)
    assert catalog.page_bounds(limit=7) == (0, 7, False)
    assert catalog.page_bounds(after_id="m-c1", limit=3) == (3, 6, True)
    assert catalog.page_bounds(after_id="m-c1", limit=4) == (3, 7, False)
    assert catalog.page_bounds(after_id="m-f") == (7, 7, False)
    assert catalog.page_bounds(before_id="m-d", limit=2) == (2, 4, True)
    assert catalog.page_bounds(before_id="m-d", limit=4) == (0, 4, False)
    assert catalog.page_bounds(before_id="m-a") == (0, 0, False)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"limit": 0}, "limit: expected an integer from 1 to 1000"),
        ({"limit": 1001}, "limit: expected an integer from 1 to 1000"),
        ({"limit": True}, "limit: expected an integer"),
        ({"after_id": "m-a", "before_id": "m-b"}, "before_id: cannot be combined with after_id"),
        ({"after_id": "zzz"}, "after_id: no listed model has the id 'zzz'"),
        ({"before_id": "zzz"}, "before_id: no listed model has the id 'zzz'"),
    ],
)
def test_page_errors_name_the_parameter(kwargs: dict[str, Any], message: str) -> None:
    """A bad limit, both cursors or an unknown cursor is a PageError naming the parameter."""
    with pytest.raises(PageError, match=message) as caught:
        small_catalog().page_bounds(**kwargs)
    assert caught.value.parameter == message.split(":")[0]


def test_page_model_matches_page_json() -> None:
    """page() is page_json() decoded into the generated ListModelsResponse."""
    catalog = small_catalog()
    page = catalog.page(after_id="m-a", limit=2)
    assert [m.id for m in page.data] == ["m-b", "m-c1"]
    assert (page.first_id, page.last_id, page.has_more) == ("m-b", "m-c1", True)
    empty = catalog.page(before_id="m-a")
    assert (empty.data, empty.first_id, empty.last_id, empty.has_more) == ([], None, None, False)


class _CountingTuple(tuple):  # type: ignore[type-arg]
    """A tuple that counts the items read through indexing and refuses whole iteration."""

    touched = 0

    def __getitem__(self, key: Any) -> Any:
        result = super().__getitem__(key)
        self.touched += len(result) if isinstance(key, slice) else 1
        return result

    def __iter__(self) -> Any:
        raise AssertionError("a page must not iterate over the whole catalogue")


class _CountingDict(dict):  # type: ignore[type-arg]
    """A dict that counts lookups and refuses iteration."""

    lookups = 0

    def get(self, key: Any, default: Any = None) -> Any:
        self.lookups += 1
        return super().get(key, default)

    def __iter__(self) -> Any:
        raise AssertionError("a page must not iterate over the index")

    def values(self) -> Any:
        raise AssertionError("a page must not iterate over the index")

    def items(self) -> Any:
        raise AssertionError("a page must not iterate over the index")


@pytest.fixture(scope="module")
def big_catalog() -> Catalog:
    """100,000 synthetic models."""
    return Catalog.synthetic(100_000)


@pytest.mark.parametrize(
    "cursor",
    [{}, {"after_id": 50_000}, {"before_id": 99_999}, {"after_id": 99_990}, {"before_id": 3}],
)
def test_a_page_of_a_huge_catalogue_reads_only_its_own_models(
    big_catalog: Catalog, cursor: dict[str, int]
) -> None:
    """On 100,000 models a page reads at most `limit` encoded models and makes one index lookup."""
    encoded = _CountingTuple(big_catalog._encoded)
    index = _CountingDict(big_catalog._index)
    patched = Catalog.__new__(Catalog)
    for name in ("_ids", "_aliases", "_models"):
        object.__setattr__(patched, name, getattr(big_catalog, name))
    object.__setattr__(patched, "_encoded", encoded)
    object.__setattr__(patched, "_index", index)
    args = {name: big_catalog.ids[position] for name, position in cursor.items()}
    body = json.loads(patched.page_json(limit=100, **args))
    expected = json.loads(big_catalog.page_json(limit=100, **args))
    assert body == expected
    assert len(body["data"]) <= 100
    assert encoded.touched == len(body["data"])
    assert index.lookups == len(cursor)


def test_synthetic_is_deterministic() -> None:
    """The same n and seed give byte-identical catalogues; another seed gives another one."""
    assert Catalog.synthetic(300).dumps() == Catalog.synthetic(300).dumps()
    assert Catalog.synthetic(300, seed=7).dumps() == Catalog.synthetic(300, seed=7).dumps()
    assert Catalog.synthetic(300, seed=7).dumps() != Catalog.synthetic(300).dumps()
    assert len(Catalog.synthetic(0)) == 0


def test_synthetic_models_pass_full_validation_and_have_ties() -> None:
    """The synthetic generator (trusted when building) yields models the validating path accepts."""
    synthetic = Catalog.synthetic(500, seed=3)
    document = json.loads(synthetic.dumps())
    again = Catalog(document["models"], document["aliases"])
    assert again.dumps() == synthetic.dumps()
    created = [m.created_at for m in synthetic.models]
    assert len(set(created)) < len(created)
    assert created == sorted(created, reverse=True)
    for line in ("haiku", "sonnet", "opus"):
        target = synthetic.get(f"synthetic-{line}-latest")
        assert target is not None
        assert target.line == line
        assert target.lifecycle is Lifecycle.active


@pytest.mark.parametrize("n", [-1, 1.5, True, "3"])
def test_synthetic_refuses_a_bad_count(n: Any) -> None:
    """The count must be a non-negative integer."""
    with pytest.raises(CatalogError, match="synthetic"):
        Catalog.synthetic(n)


def test_builtin_catalogue_is_realistic() -> None:
    """About twenty models of three lines and every lifecycle, with aliases and a created_at tie."""
    catalog = Catalog.builtin()
    models = catalog.models
    assert 20 <= len(models) <= 25
    assert {m.line for m in models} >= {"haiku", "sonnet", "opus"}
    by_lifecycle = {state: [m for m in models if m.lifecycle is state] for state in Lifecycle}
    assert all(by_lifecycle.values())
    for m in by_lifecycle[Lifecycle.deprecated] + by_lifecycle[Lifecycle.retired]:
        assert m.deprecated_at is not None
        assert m.retires_at is not None
    assert catalog.get("claude-3-7-sonnet-20250219").lifecycle is Lifecycle.deprecated  # type: ignore[union-attr]
    assert catalog.get("claude-3-opus-20240229").lifecycle is Lifecycle.retired  # type: ignore[union-attr]
    created = [m.created_at for m in models]
    assert len(set(created)) < len(created)
    for alias in (
        "claude-opus-4-5",
        "claude-sonnet-4-5",
        "claude-haiku-4-5",
        "claude-sonnet-4-0",
        "claude-opus-4-0",
        "claude-3-7-sonnet-latest",
        "claude-3-5-haiku-latest",
    ):
        assert catalog.resolve(alias) in catalog, alias
    assert catalog.get("claude-opus-4-5-20251101").capabilities is not None  # type: ignore[union-attr]


def test_dumps_round_trips_through_a_file(tmp_path: Path) -> None:
    """dumps() writes what from_json_file() reads back, byte for byte."""
    path = tmp_path / "catalog.json"
    path.write_bytes(Catalog.builtin().dumps())
    assert Catalog.from_json_file(path).dumps() == Catalog.builtin().dumps()


def test_a_list_file_is_a_catalogue_without_aliases(tmp_path: Path) -> None:
    """A JSON array of models is a catalogue too."""
    path = tmp_path / "list.json"
    path.write_text(json.dumps(SMALL_MODELS), encoding="utf-8")
    catalog = Catalog.from_json_file(path)
    assert list(catalog.ids) == SMALL_ORDER
    assert dict(catalog.aliases) == {}


def _bad(**changes: Any) -> dict[str, Any]:
    return {**model("x", "2025-01-01T00:00:00Z"), **changes}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            {"models": [*SMALL_MODELS[:3], _bad(created_at="2025")]},
            "models[3].created_at: not an RFC 3339 date-time",
        ),
        (
            {"models": [_bad(created_at="2025-01-01 00:00:00Z")]},
            "models[0].created_at: not an RFC 3339 date-time with a 'T' separator",
        ),
        (
            {"models": [{"id": "x", "type": "model"}]},
            "models[0]: missing required field 'created_at'",
        ),
        ({"models": [_bad(type="mode")]}, 'models[0].type: expected "model"'),
        ({"models": [_bad(id=3)]}, "models[0].id: expected a string, got a number"),
        ({"models": [_bad(lifecycle="gone")]}, "models[0].lifecycle: expected one of active"),
        ({"models": [_bad(lifecycle=None)]}, "models[0].lifecycle: null is not allowed here"),
        ({"models": [_bad(max_tokens=-1)]}, "models[0].max_tokens: expected at least 0, got -1"),
        ({"models": [_bad(max_tokens=True)]}, "models[0].max_tokens: expected an integer"),
        (
            {
                "models": [
                    _bad(capabilities={"thinking": {"supported": True, "types": {"a": None}}})
                ]
            },
            "models[0].capabilities.thinking.types.a: expected an object, got null",
        ),
        (
            {"models": [_bad(capabilities={"batch": None})]},
            "models[0].capabilities.batch: null is not allowed here",
        ),
        ({"models": [_bad(id="")]}, "models[0].id: '' cannot be used as a cursor"),
        ({"models": [_bad(id="..")]}, "models[0].id: '..' cannot be used as a cursor"),
        ({"models": [_bad(), _bad()]}, "models[1].id: duplicate id 'x' (also models[0].id)"),
        ({"models": [_bad()], "aliases": {"a": "y"}}, "aliases[\"a\"]: 'y' is not the id"),
        (
            {"models": [_bad(), _bad(id="y")], "aliases": {"x": "y"}},
            'aliases["x"]: the alias is also',
        ),
        ({"models": [_bad()], "aliases": {"": "x"}}, "an alias must be a usable path segment"),
        ({"models": [_bad()], "aliases": ["x"]}, "aliases: expected an object"),
        ({"models": {}}, "models: expected an array of models"),
        ({"model": []}, "unknown key(s) 'model'"),
        ("just a string", "expected an array of models or an object with models"),
        ([3], "[0]: expected an object, got int"),
        (
            [_bad(created_at=None)],
            "[0].created_at: expected an RFC 3339 date-time string, got null",
        ),
    ],
)
def test_file_errors_name_the_file_and_the_json_path(
    tmp_path: Path, document: Any, message: str
) -> None:
    """A catalogue file the spec refuses is a CatalogError naming the file and the failing path."""
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        Catalog.from_json_file(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{", "not JSON"),
        (b'[{"id": NaN}]', "not JSON: NaN is not JSON"),
        (b"\xff[]", "not UTF-8 text"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
    ],
)
def test_unreadable_files_are_catalog_errors(tmp_path: Path, content: bytes, message: str) -> None:
    """Bad JSON, NaN, non-UTF-8 and absurd nesting are CatalogErrors, never another exception."""
    path = tmp_path / "catalog.json"
    path.write_bytes(content)
    with pytest.raises(CatalogError, match=message):
        Catalog.from_json_file(path)


def test_a_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    """A file that cannot be read is a CatalogError naming it."""
    with pytest.raises(CatalogError, match="cannot read the catalogue"):
        Catalog.from_json_file(tmp_path / "absent.json")


def test_python_values_that_are_not_json_are_refused() -> None:
    """A dict given in Python with a value JSON cannot hold (NaN, a set) is refused."""
    with pytest.raises(CatalogError, match=r"models\[0\]: not representable as JSON"):
        Catalog([_bad(extra=float("nan"))])
    with pytest.raises(CatalogError, match=r"models\[0\]: not representable as JSON"):
        Catalog([_bad(extra={1, 2})])
    with pytest.raises(CatalogError, match=r"models\[0\]: expected an object, got str"):
        Catalog(["x"])  # type: ignore[list-item]


def test_the_codec_reads_what_the_catalogue_serves() -> None:
    """Every built-in model decodes strictly enough: lenient decode gives back the listed ids."""
    catalog = Catalog.builtin()
    decoded = [_codec.decode(catalog.model_json(i) or b"", ModelInfo).id for i in catalog.ids]
    assert decoded == list(catalog.ids)
