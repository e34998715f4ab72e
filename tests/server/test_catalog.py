"""The catalogue: order, aliases, pagination bounds, loading and its errors, built-in and synthetic."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from datetime import datetime, timezone
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from anthropic_models import _codec
from anthropic_models.server.catalog import (
    DEFAULT_LIFECYCLE,
    MAX_CATALOG_BYTES,
    MAX_SYNTHETIC,
    CatalogError,
    Catalogue,
    PageError,
)
from anthropic_models_generated.models import Lifecycle, ModelInfo
from tests.server.wsgi import (
    ALL_STAGES,
    SMALL_ALIASES,
    SMALL_MODELS,
    SMALL_ORDER,
    capabilities,
    in_view,
    model,
    small_catalog,
)


def test_models_are_ordered_newest_first_with_the_id_breaking_ties() -> None:
    """Input order does not matter: created_at descending (offsets honoured), then id ascending."""
    catalog = small_catalog()
    assert list(catalog.ids) == SMALL_ORDER
    assert [m.id for m in catalog.models] == SMALL_ORDER
    assert [m.id for m in Catalogue(reversed(SMALL_MODELS)).models] == SMALL_ORDER


def test_tie_break_is_code_point_order() -> None:
    """Ties sort by id in code point order (uppercase before lowercase, shorter prefix first)."""
    same = "2025-01-01T00:00:00Z"
    catalog = Catalogue([model("b", same), model("B", same), model("a1", same), model("a", same)])
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
    assert "line" not in json.loads(catalog.model_json("m-d") or b"")


def test_model_info_objects_are_accepted() -> None:
    """ModelInfo objects and dicts mix; an object is encoded without its unset fields."""
    info = ModelInfo(
        id="obj",
        type="model",
        created_at=datetime(2030, 1, 1, tzinfo=timezone.utc),
        display_name="Obj",
        lifecycle=Lifecycle.active,
    )
    catalog = Catalogue([info, *SMALL_MODELS])
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
    assert catalog.page_bounds(limit=3, lifecycle=ALL_STAGES) == (0, 3, True)
    assert catalog.page_bounds(limit=7, lifecycle=ALL_STAGES) == (0, 7, False)
    assert catalog.page_bounds(after_id="m-c1", limit=3, lifecycle=ALL_STAGES) == (3, 6, True)
    assert catalog.page_bounds(after_id="m-c1", limit=4, lifecycle=ALL_STAGES) == (3, 7, False)
    assert catalog.page_bounds(after_id="m-f", lifecycle=ALL_STAGES) == (7, 7, False)
    assert catalog.page_bounds(before_id="m-d", limit=2, lifecycle=ALL_STAGES) == (2, 4, True)
    assert catalog.page_bounds(before_id="m-d", limit=4, lifecycle=ALL_STAGES) == (0, 4, False)
    assert catalog.page_bounds(before_id="m-a", lifecycle=ALL_STAGES) == (0, 0, False)


def test_page_bounds_are_slices_of_the_view() -> None:
    """Under a filter the bounds index view_ids(); a cursor outside the view still places the page."""
    catalog = small_catalog()  # a(act) b(dep) c1(ret) c2(act) d(ret) e(ret) f(dep)
    assert catalog.view_ids() == ("m-a", "m-b", "m-c2", "m-f")
    assert catalog.view_ids(DEFAULT_LIFECYCLE) == catalog.view_ids()
    assert catalog.view_ids(["retired"]) == ("m-c1", "m-d", "m-e")
    assert catalog.page_bounds(after_id="m-c1", limit=1) == (2, 3, True)
    assert catalog.page_bounds(before_id="m-e", limit=5) == (0, 3, False)
    assert catalog.page_bounds(after_id="m-a", lifecycle=["retired"], limit=2) == (0, 2, True)
    assert catalog.page_bounds(before_id="m-f", lifecycle=["retired", "retired"]) == (0, 3, False)
    assert catalog.page_bounds(after_id="m-e", lifecycle=["active"]) == (2, 2, False)


def test_every_view_is_the_catalogue_filtered() -> None:
    """view_ids(stages) is the newest-first order restricted to those stages, for all seven sets."""
    catalog = small_catalog()
    for size in (1, 2, 3):
        for stages in combinations(ALL_STAGES, size):
            assert list(catalog.view_ids(stages)) == in_view(stages)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"limit": 0}, "limit: must be an integer from 1 to 1000, not 0"),
        ({"limit": 1001}, "limit: must be an integer from 1 to 1000, not 1001"),
        ({"limit": True}, "limit: must be an integer"),
        ({"after_id": "m-a", "before_id": "m-b"}, "before_id: cannot be combined with after_id"),
        ({"after_id": "zzz"}, "after_id: no listed model has the id 'zzz'"),
        ({"before_id": "zzz"}, "before_id: no listed model has the id 'zzz'"),
        (
            {"lifecycle": ["gone"]},
            "lifecycle[]: must be one of active, deprecated, retired, not 'gone'",
        ),
        (
            {"lifecycle": ["active,retired"]},
            "lifecycle[]: must be one of active, deprecated, retired, not 'active,retired'",
        ),
        ({"lifecycle": [""]}, "lifecycle[]: must be one of active, deprecated, retired, not ''"),
        ({"lifecycle": []}, "lifecycle[]: takes 1 to 3 values, not 0"),
        ({"lifecycle": "active"}, "lifecycle[]: expected a sequence of stages"),
        ({"lifecycle": ["active"] * 4}, "lifecycle[]: takes 1 to 3 values, not 4"),
        ({"lifecycle": [None]}, "lifecycle[]: must be a string, not None"),
    ],
)
def test_page_errors_name_the_parameter(kwargs: dict[str, Any], message: str) -> None:
    """A bad limit, both cursors or an unknown cursor is a PageError naming the parameter."""
    with pytest.raises(PageError, match=re.escape(message)) as caught:
        small_catalog().page_bounds(**kwargs)
    assert caught.value.parameter == message.split(":")[0]


def test_page_model_matches_page_json() -> None:
    """page() is page_json() decoded into the generated ListModelsResponse."""
    catalog = small_catalog()
    page = catalog.page(after_id="m-a", limit=2, lifecycle=ALL_STAGES)
    assert [m.id for m in page.data] == ["m-b", "m-c1"]
    assert (page.first_id, page.last_id, page.has_more) == ("m-b", "m-c1", True)
    default = catalog.page(after_id="m-a", limit=2)
    assert [m.id for m in default.data] == ["m-b", "m-c2"]
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
def big_catalog() -> Catalogue:
    """100,000 synthetic models."""
    return Catalogue.synthetic(100_000)


@pytest.mark.parametrize("lifecycle", [None, ["retired"], ["active"], ALL_STAGES])
@pytest.mark.parametrize(
    "cursor",
    [{}, {"after_id": 50_000}, {"before_id": 99_999}, {"after_id": 99_990}, {"before_id": 3}],
)
def test_a_page_of_a_huge_catalogue_reads_only_its_own_models(
    big_catalog: Catalogue, cursor: dict[str, int], lifecycle: Any
) -> None:
    """On 100,000 models a page of any view reads at most `limit` models and makes one lookup."""
    big_catalog.page_json(lifecycle=lifecycle)  # builds the view once
    encoded = _CountingTuple(big_catalog._encoded)
    index = _CountingDict(big_catalog._index)
    patched = Catalogue.__new__(Catalogue)
    for name in ("_ids", "_aliases", "_models", "_stages", "_views", "_views_lock"):
        object.__setattr__(patched, name, getattr(big_catalog, name))
    object.__setattr__(patched, "_encoded", encoded)
    object.__setattr__(patched, "_index", index)
    args = {name: big_catalog.ids[position] for name, position in cursor.items()}
    body = json.loads(patched.page_json(limit=100, lifecycle=lifecycle, **args))
    expected = json.loads(big_catalog.page_json(limit=100, lifecycle=lifecycle, **args))
    assert body == expected
    assert len(body["data"]) <= 100
    if cursor == {}:
        assert len(body["data"]) == 100
    assert encoded.touched == len(body["data"])
    assert index.lookups == len(cursor)


def test_synthetic_is_deterministic() -> None:
    """The same n and seed give byte-identical catalogues; another seed gives another one."""
    assert Catalogue.synthetic(300).dumps() == Catalogue.synthetic(300).dumps()
    assert Catalogue.synthetic(300, seed=7).dumps() == Catalogue.synthetic(300, seed=7).dumps()
    assert Catalogue.synthetic(300, seed=7).dumps() != Catalogue.synthetic(300).dumps()
    assert len(Catalogue.synthetic(0)) == 0


def test_synthetic_models_pass_full_validation_and_have_ties() -> None:
    """The synthetic generator (trusted when building) yields models the validating path accepts."""
    synthetic = Catalogue.synthetic(500, seed=3)
    document = json.loads(synthetic.dumps())
    again = Catalogue(document["models"], document["aliases"])
    assert again.dumps() == synthetic.dumps()
    created = [m.created_at for m in synthetic.models]
    assert len(set(created)) < len(created)
    assert created == sorted(created, reverse=True)
    for line in ("haiku", "sonnet", "opus", "fable", "mythos"):
        target = synthetic.get(f"synthetic-{line}-latest")
        assert target is not None
        assert (target.line, target.lifecycle) == (line, Lifecycle.active)
        newer = synthetic.models[: synthetic.position(target.id)]
        assert not [m for m in newer if m.line == line and m.lifecycle is Lifecycle.active]


def test_synthetic_lifecycles_are_a_realistic_mix() -> None:
    """About 40 % active, 15 % deprecated, 45 % retired, interleaved, with consistent dates."""
    synthetic = Catalogue.synthetic(4000, seed=1)
    counts = Counter(Lifecycle(m.lifecycle).value for m in synthetic.models)
    assert 0.33 < counts["active"] / 4000 < 0.47
    assert 0.10 < counts["deprecated"] / 4000 < 0.20
    assert 0.38 < counts["retired"] / 4000 < 0.52
    newest, oldest = synthetic.models[:400], synthetic.models[-400:]
    assert sum(m.lifecycle is Lifecycle.retired for m in newest) < 40
    assert sum(m.lifecycle is Lifecycle.retired for m in oldest) > 280
    assert any(m.lifecycle is Lifecycle.active for m in oldest)
    reference = datetime(2026, 11, 27, tzinfo=timezone.utc)
    for m in synthetic.models:
        if m.lifecycle is Lifecycle.active:
            assert m.deprecated_at is None and m.retires_at is None
        else:
            assert m.deprecated_at is not None and m.retires_at is not None
            assert m.created_at <= m.deprecated_at < m.retires_at
        if m.lifecycle is Lifecycle.retired:
            assert m.retires_at is not None and m.retires_at < reference
        assert m.capabilities is not None


def test_synthetic_dates_stay_in_range_up_to_the_maximum() -> None:
    """Even with every step at its widest, the maximum count of releases stays after 1970."""
    from anthropic_models.server import synthetic as module

    widest_span = 60 * module._spread(MAX_SYNTHETIC) * MAX_SYNTHETIC
    assert module._NOW - module._DAY - widest_span > 0
    assert module._spread(10**9) == 1  # far more models than minutes: one minute apart


@pytest.mark.parametrize("n", [-1, 1.5, True, "3", MAX_SYNTHETIC + 1])
def test_synthetic_refuses_a_bad_count(n: Any) -> None:
    """The count must be an integer from 0 to MAX_SYNTHETIC."""
    with pytest.raises(CatalogError, match=f"from 0 to {MAX_SYNTHETIC}, got"):
        Catalogue.synthetic(n)


def test_a_large_synthetic_catalogue_builds_and_filters() -> None:
    """200,000 models (past the old date overflow's reach) build and page by view."""
    catalog = Catalogue.synthetic(200_000, seed=9)
    assert len(catalog) == 200_000
    oldest = catalog.get(catalog.ids[-1])
    assert oldest is not None and oldest.created_at.year >= 1970
    retired = json.loads(catalog.page_json(limit=1000, lifecycle=["retired"]))
    assert {m["lifecycle"] for m in retired["data"]} == {"retired"}


def test_builtin_catalogue_is_complete_and_ordered() -> None:
    """Every model has every required capability key; releases are in order, with one epoch."""
    catalog = Catalogue.builtin()
    required = set(capabilities())
    for raw in json.loads(catalog.dumps())["models"]:
        caps = raw["capabilities"]
        assert set(caps) >= required, raw["id"]
        assert set(caps["thinking"]["types"]) == {
            "adaptive",
            "between_tools",
            "disabled",
            "enabled",
        }
        assert {"supported", "low", "medium", "high", "max"} <= set(caps["effort"])
        assert {"supported", "web_search", "code_execution"} <= set(caps["server_tools"])
        assert "supported" in caps["context_management"]
    created = [m.created_at for m in catalog.models]
    assert created == sorted(created, reverse=True)
    assert len(set(created)) < len(created)  # ties, broken by id
    assert sum(c.year == 1970 for c in created) == 1
    assert {m.line for m in catalog.models} == {"haiku", "sonnet", "opus", "fable", "mythos", None}


def test_dumps_round_trips_through_a_file(tmp_path: Path) -> None:
    """dumps() writes what from_json_file() reads back, byte for byte."""
    path = tmp_path / "catalog.json"
    path.write_bytes(Catalogue.builtin().dumps())
    assert Catalogue.from_json_file(path).dumps() == Catalogue.builtin().dumps()


def test_a_list_file_is_a_catalogue_without_aliases(tmp_path: Path) -> None:
    """A JSON array of models is a catalogue too."""
    path = tmp_path / "list.json"
    path.write_text(json.dumps(SMALL_MODELS), encoding="utf-8")
    catalog = Catalogue.from_json_file(path)
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
        ({"models": [_bad(lifecycle=None)]}, "models[0].lifecycle: expected one of active"),
        ({"models": [{**_bad(), "lifecycle": None}]}, "models[0].lifecycle: expected one of"),
        ({"models": [_bad(max_tokens=-1)]}, "models[0].max_tokens: expected at least 0, got -1"),
        ({"models": [_bad(max_tokens=True)]}, "models[0].max_tokens: expected an integer"),
        (
            {
                "models": [
                    _bad(
                        capabilities=capabilities(
                            thinking={"supported": True, "types": {"adaptive": None}}
                        )
                    )
                ]
            },
            "models[0].capabilities.thinking.types.adaptive: expected an object, got null",
        ),
        (
            {"models": [_bad(capabilities=capabilities(batch=None))]},
            "models[0].capabilities.batch: expected an object, got null",
        ),
        (
            {"models": [_bad(capabilities=capabilities(effort={"supported": True}))]},
            "models[0].capabilities.effort: missing required field",
        ),
        (
            {"models": [_bad(capabilities={"batch": {"supported": True}})]},
            "models[0].capabilities: missing required field",
        ),
        (
            {
                "models": [
                    _bad(capabilities=capabilities(thinking={"supported": True, "types": {}}))
                ]
            },
            "models[0].capabilities.thinking.types: missing required field",
        ),
        (
            {"models": [_bad(capabilities=capabilities(effort=None))]},
            "models[0].capabilities.effort: expected an object, got null",
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
        ({"model": []}, 'unknown key(s) "model"'),
        ({"models": [], "note": 3}, "note: expected a string"),
        ("just a string", "not a JSON catalogue: it must start with '[' or '{'"),
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
        Catalogue.from_json_file(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{", "not JSON"),
        (b'[{"id": NaN}]', "not JSON: NaN is not JSON"),
        (b"\xff[]", "must start with '\\[' or '{', found byte 0xff"),
        (b"[\xff]", "not UTF-8 text"),
        (b"", "not JSON"),
        (b"  \n ", "not JSON"),
        (b"\x00" * 10, "found byte 0x00"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
    ],
)
def test_unreadable_files_are_catalog_errors(tmp_path: Path, content: bytes, message: str) -> None:
    """Bad JSON, NaN, non-UTF-8 and absurd nesting are CatalogErrors, never another exception."""
    path = tmp_path / "catalog.json"
    path.write_bytes(content)
    with pytest.raises(CatalogError, match=message):
        Catalogue.from_json_file(path)


def test_a_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    """A file that cannot be read is a CatalogError naming it."""
    with pytest.raises(CatalogError, match="cannot read the catalogue"):
        Catalogue.from_json_file(tmp_path / "absent.json")


def test_python_values_that_are_not_json_are_refused() -> None:
    """A dict given in Python with a value JSON cannot hold (NaN, a set) is refused."""
    with pytest.raises(CatalogError, match=r"models\[0\]: not representable as JSON"):
        Catalogue([_bad(extra=float("nan"))])
    with pytest.raises(CatalogError, match=r"models\[0\]: not representable as JSON"):
        Catalogue([_bad(extra={1, 2})])
    with pytest.raises(CatalogError, match=r"models\[0\]: expected an object, got str"):
        Catalogue(["x"])  # type: ignore[list-item]


def test_the_codec_reads_what_the_catalogue_serves() -> None:
    """Every built-in model decodes strictly enough: lenient decode gives back the listed ids."""
    catalog = Catalogue.builtin()
    decoded = [_codec.decode(catalog.model_json(i) or b"", ModelInfo).id for i in catalog.ids]
    assert decoded == list(catalog.ids)


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ('[{"id": "\\udcff", "type": "model"}]', "[0].id"),
        (
            '{"models": [{"id": "m", "type": "model", "created_at": "2025-01-01T00:00:00Z",'
            ' "display_name": "x\\udcff", "lifecycle": "active"}]}',
            "models[0].display_name",
        ),
        (
            '{"models": [{"id": "m", "type": "model", "created_at": "2025-01-01T00:00:00Z",'
            ' "display_name": "M", "lifecycle": "active", "extra": {"\\ud800": 1}}]}',
            "models[0].extra (a key)",
        ),
    ],
)
def test_a_lone_surrogate_escape_is_a_catalog_error(
    tmp_path: Path, document: str, where: str
) -> None:
    """A "\\udcff" escape (valid JSON, not Unicode text) is a CatalogError naming where it is."""
    path = tmp_path / "catalog.json"
    path.write_text(document.replace('"id": "\\udcff", "type": "model"', _SURROGATE_MODEL), "ascii")
    with pytest.raises(CatalogError) as caught:
        Catalogue.from_json_file(path)
    message = str(caught.value)
    assert f"{where}: holds a lone surrogate" in message
    message.encode("ascii")  # the message itself is printable anywhere


_SURROGATE_MODEL = (
    '"id": "\\udcff", "type": "model", "created_at": "2025-01-01T00:00:00Z",'
    ' "display_name": "M", "lifecycle": "active"'
)


def test_a_surrogate_alias_is_a_catalog_error() -> None:
    """An alias that is not Unicode text is refused, quoted escaped."""
    with pytest.raises(CatalogError, match=re.escape('aliases["\\udcff"]: the alias holds a lone')):
        Catalogue([model("m", "2025-01-01T00:00:00Z")], {"\udcff": "m"})


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    """A regular file larger than MAX_CATALOG_BYTES is refused from its size, before any read.

    The file is sparse zeros: had it been read, its first byte would have been refused instead.
    """
    path = tmp_path / "big.json"
    with path.open("wb") as file:
        file.truncate(MAX_CATALOG_BYTES + 1)
    with pytest.raises(CatalogError, match=f"has {MAX_CATALOG_BYTES + 1} bytes; .* at most"):
        Catalogue.from_json_file(path)


def test_dev_zero_is_refused_at_once() -> None:
    """/dev/zero (endless, not JSON) is refused after its first chunk, not read to exhaustion."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(CatalogError, match="found byte 0x00"):
        Catalogue.from_json_file("/dev/zero")


def test_an_endless_json_stream_is_refused_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stream that starts like JSON and never ends is refused once it passes the limit."""
    import anthropic_models.server.catalogue_file as module

    monkeypatch.setattr(module, "MAX_CATALOG_BYTES", 4 * 1024 * 1024)
    read, write = os.pipe()

    def feed() -> None:
        with os.fdopen(write, "wb") as sink:
            try:
                while True:
                    sink.write(b"[" * 65536)
            except BrokenPipeError:
                pass

    import threading

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        with pytest.raises(CatalogError, match="more than 4194304 bytes"):
            Catalogue.from_json_file(f"/dev/fd/{read}")
    finally:
        os.close(read)
        feeder.join(5)


@pytest.mark.parametrize("path", [b"catalog.json", 3, None.__class__])
def test_a_path_of_another_type_is_a_type_error(path: Any) -> None:
    """from_json_file takes a str or a path; bytes or anything else is a TypeError at once."""
    with pytest.raises(TypeError, match="a catalogue path must be a str or a path"):
        Catalogue.from_json_file(path)


def test_a_note_is_accepted_and_the_builtin_file_reloads(tmp_path: Path) -> None:
    """A top-level "note" string is accepted (and ignored), as in the built-in catalogue."""
    path = tmp_path / "noted.json"
    path.write_text(json.dumps({"note": "illustrative", "models": SMALL_MODELS}), "utf-8")
    assert list(Catalogue.from_json_file(path).ids) == SMALL_ORDER
