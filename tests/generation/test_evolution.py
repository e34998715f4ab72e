"""The evolution suite: spec variants generated, type-checked, imported and exercised end to end.

Each variant in ``variants/`` is a small overlay on today's openapi.yaml (mappings merge, lists
extend): the change the API might make next. Each is generated into a temporary folder with the
pinned generator, checked with ``mypy --strict``, imported in a fresh interpreter and exercised:
a sample decodes, and the transport builds the right request. Each spec in ``broken/`` is one the
generator cannot express: it must stop with a message naming what, never emit wrong code.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.generation.specs import overlay

pytest.importorskip("datamodel_code_generator", reason="needs the generate dependency group")
yaml = pytest.importorskip("yaml")

HERE = Path(__file__).resolve().parent
PACKAGE = "anthropic_models_generated"


def write_variant(name: str, folder: str, tmp: Path) -> Path:
    """openapi.yaml with the overlay ``folder/name.yaml`` applied, written into ``tmp``."""
    base = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    change = yaml.safe_load((HERE / folder / f"{name}.yaml").read_text(encoding="utf-8"))
    path = tmp / f"{name}.yaml"
    path.write_text(yaml.safe_dump(overlay(base, change), sort_keys=False), encoding="utf-8")
    return path


def start(spec: Path, tmp: Path) -> subprocess.Popen[str]:
    """Start the generator on ``spec`` into ``tmp/anthropic_models_generated``."""
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tools" / "generate.py"),
            str(tmp / PACKAGE),
            "--spec",
            str(spec),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def generate(spec: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    """Run the generator on ``spec`` into ``tmp/anthropic_models_generated``."""
    process = start(spec, tmp)
    stdout, stderr = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def run_python(tmp: Path, code: str) -> Any:
    """Run ``code`` in a fresh interpreter that imports the variant's package; its JSON output."""
    env = {**os.environ, "PYTHONPATH": str(tmp)}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=tmp,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


PRELUDE = """
import json
from anthropic_models_generated import decoders, models, transport

assert models.__file__.startswith({tmp!r}), models.__file__

class Pool:
    def urlopen(self, method, url, redirect=True, **kw):
        self.method, self.url, self.headers = method, url, kw["headers"]
        raise RuntimeError("recorded")

def request(function, *args, **kwargs):
    pool = Pool()
    try:
        function(pool, "https://h.test", *args, **kwargs)
    except RuntimeError:
        pass
    return pool.method, pool.url, dict(pool.headers)

MODEL = {{"id": "m", "type": "model", "created_at": "2026-01-01T00:00:00Z",
         "display_name": "M", "lifecycle": "active"}}
"""

VARIANTS: dict[str, tuple[str, Any]] = {
    "number_field": (
        """
        a = decoders.decode({**MODEL, "price_per_mtok": 1.5}, models.ModelInfo)
        b = decoders.decode({**MODEL, "price_per_mtok": 3}, models.ModelInfo)
        try:
            decoders.decode({**MODEL, "price_per_mtok": "3"}, models.ModelInfo)
        except decoders.DecodeError as e:
            error = [e.path(), e.reason]
        print(json.dumps([a.price_per_mtok, b.price_per_mtok, type(b.price_per_mtok).__name__, error]))
        """,
        [1.5, 3.0, "float", ["$.price_per_mtok", "expected a number, got a string"]],
    ),
    "nested_array_of_objects": (
        """
        m = decoders.decode({**MODEL, "regions": [[{"name": "a"}, {"name": "b", "weight": 3}], []]},
                            models.ModelInfo)
        try:
            decoders.decode({**MODEL, "regions": [[{"name": "a"}], [{"weight": 2}]]}, models.ModelInfo)
        except decoders.DecodeError as e:
            error = [e.path(), e.reason]
        rows = [[[z.name, z.weight] for z in row] for row in m.regions]
        print(json.dumps([rows, error]))
        """,
        [[[["a", 1], ["b", 3]], []], ["$.regions[1][0]", "missing required field 'name'"]],
    ),
    "map_field": (
        """
        m = decoders.decode({**MODEL, "rate_limits": {"rpm": 50, "tpm": 1.0},
                             "per_region": {"eu": {"supported": True}}}, models.ModelInfo)
        try:
            decoders.decode({**MODEL, "rate_limits": {"rpm": "x"}}, models.ModelInfo)
        except decoders.DecodeError as e:
            error = [e.path(), e.reason]
        print(json.dumps([m.rate_limits, m.per_region["eu"].supported, error]))
        """,
        [{"rpm": 50, "tpm": 1}, True, ["$.rate_limits.rpm", "expected an integer, got a string"]],
    ),
    "new_enum_value": (
        """
        m = decoders.decode({**MODEL, "lifecycle": "preview"}, models.ModelInfo)
        params = transport.LIST_MODELS.parameter("lifecycle")
        print(json.dumps([m.lifecycle is models.Lifecycle.preview, list(params.enum)]))
        """,
        [True, ["active", "deprecated", "retired", "preview"]],
    ),
    "new_query_parameters": (
        """
        method, url, headers = request(transport.list_models, tier="gold",
                                       region=["eu", "us"], include_beta=True, limit=3)
        region = transport.LIST_MODELS.parameter("region")
        print(json.dumps([url, region.name, region.max_items,
                          transport.LIST_MODELS.parameter("include_beta").default]))
        """,
        [
            "https://h.test/v1/models?limit=3&tier=gold&region%5B%5D=eu&region%5B%5D=us&include_beta=true",
            "region[]",
            5,
            False,
        ],
    ),
    "odd_names": (
        """
        from anthropic_models_generated import encoders
        doc = {**MODEL, "class": "c", "family-name": "f", "tier.level": 2}
        m = decoders.decode(doc, models.ModelInfo)
        p = decoders.decode({"from": "2026-01-01T00:00:00Z", "per-token": 2}, models.Pricing)
        try:
            decoders.decode({**MODEL, "class": 3}, models.ModelInfo)
        except decoders.DecodeError as e:
            error = [e.path(), e.reason]
        print(json.dumps([m.class_, m.family_name, m.tier_level, encoders.encode(m) == doc,
                          sorted(encoders.encode(p)), p.from_.year, p.per_token, error]))
        """,
        [
            "c",
            "f",
            2,
            True,
            ["from", "per-token"],
            2026,
            2.0,
            ["$.class", "expected a string, got a number"],
        ],
    ),
    "new_error_status": (
        """
        from anthropic_models_generated import operations
        from anthropic_models.errors import status_error_class
        from anthropic_models.server.responses import error_type_for
        from anthropic_models.conformance.pages import ERROR_TYPES
        print(json.dumps([operations.ERROR_TYPES[422], dict(operations.LIST_MODELS.errors)[422],
                          error_type_for(422), ERROR_TYPES[422][0],
                          status_error_class(422).__name__]))
        """,
        ["unprocessable_error"] * 4 + ["UnprocessableEntityError"],
    ),
    "keyword_parameter": (
        """
        from anthropic_models_generated import methods
        import inspect
        method, url, headers = request(transport.list_models, class_="frontier", limit=2)
        names = list(inspect.signature(methods.SyncMethods.list_models).parameters)
        print(json.dumps([url, transport.LIST_MODELS.parameter("class_").name, "class_" in names]))
        """,
        ["https://h.test/v1/models?limit=2&class=frontier", "class", True],
    ),
    "new_header": (
        """
        method, url, headers = request(transport.get_model, "m", anthropic_organization_id="org_1")
        print(json.dumps([url, headers["anthropic-organization-id"]]))
        """,
        ["https://h.test/v1/models/m", "org_1"],
    ),
    "new_operation": (
        """
        method, url, headers = request(transport.get_model_pricing, "m/x", currency="eur")
        p = decoders.decode({"model_id": "m", "effective": "2026-11-01",
                             "price": {"kind": "tiered", "tiers": [1, 2.5]}}, models.Pricing)
        q = decoders.decode({"model_id": "m", "effective": "2026-11-01", "currency": "eur",
                             "price": {"kind": "flat", "amount": 4}}, models.Pricing)
        try:
            decoders.decode({"model_id": "m", "effective": "2026-11-01",
                             "price": {"kind": "free"}}, models.Pricing)
        except decoders.DecodeError as e:
            error = [e.path(), e.reason]
        print(json.dumps([method, url, sorted(transport.OPERATIONS), p.effective.isoformat(),
                          type(p.price).__name__, p.price.tiers, p.currency, q.currency,
                          type(q.price).__name__, error]))
        """,
        [
            "GET",
            "https://h.test/v1/models/m%2Fx/pricing?currency=eur",
            ["get_model", "get_model_pricing", "list_models"],
            "2026-11-01",
            "Tiered",
            [1.0, 2.5],
            "usd",
            "eur",
            "Flat",
            ["$.price", "expected Flat or Tiered, got an object"],
        ],
    ),
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every variant generated once (into its own folder), the generators run side by side."""
    running = {}
    for name in VARIANTS:
        tmp = tmp_path_factory.mktemp(name)
        running[name] = (tmp, start(write_variant(name, "variants", tmp), tmp))
    out = {}
    for name, (tmp, process) in running.items():
        stdout, stderr = process.communicate()
        assert process.returncode == 0, stdout + stderr
        out[name] = tmp
    return out


@pytest.mark.parametrize(
    "name", ["map_field", "nested_array_of_objects", "new_operation", "number_field", "odd_names"]
)
def test_a_variant_that_adds_only_adds_to_the_codecs(name: str, generated: dict[str, Path]) -> None:
    """Helpers and constants are named by content: adding to the spec removes no line of the
    decoders or encoders (but the header's sha256), so a regeneration diff shows what changed."""
    for module in ("decoders.py", "encoders.py"):
        before = (ROOT / "generated" / PACKAGE / module).read_text(encoding="utf-8").splitlines()
        after = (generated[name] / PACKAGE / module).read_text(encoding="utf-8").splitlines()
        diff = difflib.unified_diff(before, after, lineterm="", n=0)
        removed = [line for line in diff if line.startswith("-") and not line.startswith("---")]
        assert [line for line in removed if not line.startswith("-# spec sha256 ")] == [], module


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_variant_generates_imports_and_works(name: str, generated: dict[str, Path]) -> None:
    """The variant's package imports in a fresh interpreter, decodes its sample, builds requests."""
    tmp = generated[name]
    code, expected = VARIANTS[name]
    assert run_python(tmp, PRELUDE.format(tmp=str(tmp)) + textwrap.dedent(code)) == expected


def test_every_variant_passes_mypy_strict(
    generated: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Each variant's generated package is clean under mypy --strict.

    The runs share one cache: the standard library and attrs are read once, and each variant's
    own modules, whose sources differ, are checked afresh (mypy keys its cache by source hash).
    """
    mypy = pytest.importorskip("mypy.api")
    cache = tmp_path_factory.mktemp("mypy-cache")
    for name, tmp in generated.items():
        stdout, stderr, status = mypy.run(
            [
                "--strict",
                "--python-version",
                "3.9",
                "--cache-dir",
                str(cache),
                "--config-file",
                os.devnull,
                str(tmp / PACKAGE),
            ]
        )
        assert status == 0, f"{name}: {stdout}{stderr}"


BROKEN = {
    "cookie_parameter": "paths./v1/models.get.parameters[7].in: parameters in 'cookie' are not supported",
    "object_query_parameter": (
        "paths./v1/models.get.parameters[7].schema: an inline object with properties is not "
        "supported: name it in components.schemas"
    ),
    "array_header": "parameter 'x-tags': arrays are supported in the query only",
    "array_of_objects_query": "parameter 'pairs[]': array items of type 'object' are not supported",
    "binary_field": (
        "components.schemas.ModelInfo.properties.blob.format: "
        "strings of format 'binary' are not supported"
    ),
    "ref_to_nothing": (
        "ref_to_nothing.yaml: components.schemas.ModelInfo.properties.lifecycle.$ref: "
        "$ref '#/components/schemas/Stage' resolves to nothing"
    ),
    "ref_to_missing_parameter": (
        "ref_to_missing_parameter.yaml: paths./v1/models.get.parameters[7].$ref: "
        "$ref '#/components/parameters/Region' resolves to nothing"
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_an_inexpressible_spec_stops_the_generator_with_its_path(name: str, tmp_path: Path) -> None:
    """The generator exits non-zero naming the schema or parameter, and writes no package."""
    result = generate(write_variant(name, "broken", tmp_path), tmp_path)
    assert result.returncode != 0
    assert BROKEN[name] in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert not (tmp_path / PACKAGE).exists()


def test_a_ref_to_nothing_leaves_the_previous_package_as_it_was(tmp_path: Path) -> None:
    """Regenerating over a package from a spec with a $ref to nothing exits 2 and changes no file."""
    output = tmp_path / PACKAGE
    output.mkdir()
    (output / "models.py").write_text("previous\n", encoding="utf-8")
    result = generate(write_variant("ref_to_nothing", "broken", tmp_path), tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert [p.name for p in output.iterdir()] == ["models.py"]
    assert (output / "models.py").read_text(encoding="utf-8") == "previous\n"


def test_invalid_yaml_stops_the_generator_with_one_line(tmp_path: Path) -> None:
    """A YAML syntax error is one line naming the file, line and column, not a traceback."""
    spec = tmp_path / "bad.yaml"
    spec.write_text("openapi: 3.1.0\ninfo:\n  title: [unclosed\n", encoding="utf-8")
    result = generate(spec, tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: bad.yaml: line 4, column 1: invalid YAML: ")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / PACKAGE).exists()


def test_max_items_below_the_enum_size_warns(tmp_path: Path) -> None:
    """The generator still writes the package, and warns that maxItems cannot hold the enum."""
    base = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    change = {"components": {"parameters": {"Lifecycle": {"schema": {"maxItems": 2}}}}}
    spec = tmp_path / "narrow.yaml"
    spec.write_text(yaml.safe_dump(overlay(base, change), sort_keys=False), encoding="utf-8")
    result = generate(spec, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning: narrow.yaml: components.parameters.Lifecycle.schema: maxItems 2 is below" in (
        result.stderr
    )
