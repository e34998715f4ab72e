"""The model of the spec every generator renders from: names, $refs, validation, what it reads."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.generation.specs import overlay

yaml = pytest.importorskip("yaml")

if str(ROOT / "tools") not in sys.path:
    sys.path.insert(0, str(ROOT / "tools"))

import specmodel  # noqa: E402
from specmodel import SpecError, python_name  # noqa: E402

SPEC_PATH = ROOT / "openapi.yaml"


def document() -> dict[str, Any]:
    """Today's openapi.yaml, parsed by PyYAML alone (the facts the model must agree with)."""
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_bytes())
    return loaded


def parse_with(change: dict[str, Any]) -> specmodel.Spec:
    """The model of today's spec with ``change`` merged in."""
    text = yaml.safe_dump(overlay(document(), change), sort_keys=False)
    return specmodel.parse(text.encode("utf-8"))


def resolve(node: Any) -> Any:
    """Follow local $refs in today's document (a test's own reading, for comparison)."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = document()
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def one_line_error(change: dict[str, Any]) -> str:
    """The SpecError message the overlay gives, checked to be one line."""
    with pytest.raises(SpecError) as info:
        parse_with(change)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("openapi.yaml: ")
    return message


@pytest.mark.parametrize(
    ("json_name", "expected"),
    [
        ("lifecycle[]", "lifecycle"),
        ("anthropic-workspace-id", "anthropic_workspace_id"),
        ("class", "class_"),
        ("family-name", "family_name"),
        ("from", "from_"),
        ("a.b c", "a_b_c"),
        ("2fa", "n2fa"),
        ("_private", "private"),
        ("self", "self_"),
        ("display_name", "display_name"),
    ],
)
def test_python_name_maps_every_json_name_to_a_usable_name(json_name: str, expected: str) -> None:
    """The one mapping: suffix [] dropped, non-name characters to _, keywords get a trailing _."""
    assert python_name(json_name) == expected
    assert expected.isidentifier()


def test_a_name_with_no_python_name_is_a_spec_error() -> None:
    """A JSON name with no letter or digit has no Python name and says so."""
    with pytest.raises(SpecError, match="'--' has no Python name"):
        python_name("--")


def test_todays_spec_loads_with_its_title_version_and_digest() -> None:
    """Title, version and sha256 come from the file."""
    import hashlib

    spec = specmodel.load(SPEC_PATH)
    assert spec.title == document()["info"]["title"]
    assert spec.version == document()["info"]["version"]
    assert spec.sha256 == hashlib.sha256(SPEC_PATH.read_bytes()).hexdigest()
    assert spec.warnings == ()


def test_every_operation_parameter_is_read_with_its_ref_resolved() -> None:
    """Each operation's parameters are the document's, in order, each $ref followed to its facts."""
    spec = specmodel.load(SPEC_PATH)
    for path, item in document()["paths"].items():
        for method, node in item.items():
            operation = spec.operation(node["operationId"])
            assert (operation.method, operation.path) == (method.upper(), path)
            raw = [resolve(p) for p in node["parameters"]]
            assert [p.name for p in operation.parameters] == [p["name"] for p in raw]
            for parameter, source in zip(operation.parameters, raw):
                schema = source["schema"]
                assert parameter.location == source["in"]
                assert parameter.required == source.get("required", False)
                assert parameter.kind == schema["type"]
                assert parameter.default == schema.get("default")
                assert parameter.minimum == schema.get("minimum")
                assert parameter.maximum == schema.get("maximum")
                assert parameter.min_length == schema.get("minLength")
                assert parameter.pattern == schema.get("pattern")
                assert parameter.max_items == schema.get("maxItems")
                given = source.get("x-python-name")  # the spec's own name wins
                assert parameter.python_name == (given or python_name(parameter.name))


def test_an_array_parameter_of_a_ref_enum_names_the_enum_schema() -> None:
    """lifecycle[] is an array of the Lifecycle schema: its enum values and schema name come through."""
    spec = specmodel.load(SPEC_PATH)
    lifecycle = spec.operation("list_models").parameters[3]
    assert (lifecycle.name, lifecycle.item_kind, lifecycle.enum_schema) == (
        "lifecycle[]",
        "string",
        "Lifecycle",
    )
    assert lifecycle.enum == tuple(document()["components"]["schemas"]["Lifecycle"]["enum"])


def test_statuses_and_error_types_are_read_from_the_examples() -> None:
    """Each error status maps to the error.type of its response's example, the same for every operation."""
    spec = specmodel.load(SPEC_PATH)
    expected: dict[int, str] = {}
    for item in document()["paths"].values():
        for node in item.values():
            for status, response in node["responses"].items():
                example = resolve(response).get("content", {}).get("application/json", {})
                if "example" in example:
                    expected[int(status)] = example["example"]["error"]["type"]
    assert spec.error_types() == expected
    for operation in spec.operations:
        assert operation.error_statuses == tuple(sorted(expected))
        assert operation.success.status == 200
        assert operation.success.headers == ("request-id", "anthropic-workspace-id")
    assert spec.operation("get_model").success.schema == "ModelInfo"


def test_two_operations_disagreeing_on_an_error_type_is_a_spec_error() -> None:
    """The same status with two error types cannot give one status -> type table."""
    changed = document()
    changed["paths"]["/v1/models"]["get"]["responses"]["400"] = {
        "description": "x",
        "content": {"application/json": {"example": {"error": {"type": "other_error"}}}},
    }
    spec = specmodel.parse(yaml.safe_dump(changed).encode("utf-8"))
    with pytest.raises(
        SpecError,
        match=r"'invalid_request_error' disagrees with 'other_error' at paths\./v1/models\.get",
    ):
        spec.error_types()


def test_fields_carry_json_name_python_name_required_and_nullable() -> None:
    """Every property of every object schema is a field with the facts of its JSON schema."""
    spec = specmodel.load(SPEC_PATH)
    for name, raw in document()["components"]["schemas"].items():
        schema = spec.schemas[name]
        if "enum" in raw:
            assert schema.kind == "enum"
            assert schema.enum == tuple(raw["enum"])
            continue
        assert [f.json_name for f in schema.fields] == list(raw["properties"])
        for item in schema.fields:
            prop = raw["properties"][item.json_name]
            types = prop.get("type", [])
            arms = prop.get("anyOf", [])
            assert item.required == (item.json_name in raw.get("required", []))
            assert item.nullable == ("null" in types or {"type": "null"} in arms)
            assert item.python_name == python_name(item.json_name)
    created = spec.schemas["ModelInfo"].by_json_name("created_at").type
    assert (created.kind, created.format) == ("string", "date-time")
    capabilities = spec.schemas["ModelInfo"].by_json_name("capabilities").type
    assert (capabilities.kind, capabilities.ref, capabilities.nullable) == (
        "object",
        "ModelCapabilities",
        True,
    )


def test_keyword_and_hyphenated_properties_keep_their_json_names() -> None:
    """`class` and `family-name` map to class_ and family_name; x-python-name wins where given."""
    spec = parse_with(
        {
            "components": {
                "schemas": {
                    "ModelInfo": {
                        "properties": {
                            "class": {"type": "string"},
                            "family-name": {"type": "string"},
                            "x.y": {"type": "string", "x-python-name": "xy"},
                        }
                    }
                }
            }
        }
    )
    model = spec.schemas["ModelInfo"]
    assert [(f.json_name, f.python_name) for f in model.fields[-3:]] == [
        ("class", "class_"),
        ("family-name", "family_name"),
        ("x.y", "xy"),
    ]


def test_two_properties_with_one_python_name_are_a_spec_error() -> None:
    """family-name and family_name cannot both be attributes called family_name."""
    message = one_line_error(
        {
            "components": {
                "schemas": {
                    "ModelInfo": {
                        "properties": {"family-name": {"type": "string"}, "family_name": {}}
                    }
                }
            }
        }
    )
    assert "components.schemas.ModelInfo.properties.family_name" in message
    assert "'family_name' is also that of 'family-name'" in message


def test_a_ref_to_a_missing_schema_names_the_reference_and_where() -> None:
    """A property pointing to no schema stops the load with the $ref and its location."""
    message = one_line_error(
        {
            "components": {
                "schemas": {
                    "ModelInfo": {
                        "properties": {"lifecycle": {"$ref": "#/components/schemas/Stage"}}
                    }
                }
            }
        }
    )
    assert message == (
        "openapi.yaml: components.schemas.ModelInfo.properties.lifecycle.$ref: "
        "$ref '#/components/schemas/Stage' resolves to nothing"
    )


def test_a_ref_to_a_missing_parameter_names_the_reference_and_where() -> None:
    """An operation's parameter pointing to nothing is one line, not a KeyError."""
    message = one_line_error(
        {
            "paths": {
                "/v1/models": {"get": {"parameters": [{"$ref": "#/components/parameters/Nope"}]}}
            }
        }
    )
    assert message == (
        "openapi.yaml: paths./v1/models.get.parameters[7].$ref: "
        "$ref '#/components/parameters/Nope' resolves to nothing"
    )


def test_a_ref_to_nothing_is_found_where_no_generator_looks() -> None:
    """Every $ref of the document must resolve, even in a header no generator reads."""
    message = one_line_error(
        {"components": {"headers": {"Broken": {"schema": {"$ref": "#/components/schemas/Gone"}}}}}
    )
    assert "components.headers.Broken.schema.$ref" in message


def test_invalid_yaml_is_one_line_with_line_and_column() -> None:
    """A YAML syntax error names the line and column where the parser stopped."""
    with pytest.raises(SpecError) as info:
        specmodel.parse(b"openapi: 3.1.0\ninfo:\n  title: [unclosed\n")
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("openapi.yaml: line 4, column 1: invalid YAML: ")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"name": "session", "in": "cookie", "schema": {"type": "string"}},
            "parameters in 'cookie' are not supported",
        ),
        (
            {
                "name": "x-tags",
                "in": "header",
                "schema": {"type": "array", "items": {"type": "string"}},
            },
            "parameter 'x-tags': arrays are supported in the query only",
        ),
        (
            {
                "name": "pairs[]",
                "in": "query",
                "schema": {"type": "array", "items": {"type": "object"}},
            },
            "parameter 'pairs[]': array items of type 'object' are not supported",
        ),
        (
            {"name": "f", "in": "query", "schema": {"type": "object", "additionalProperties": {}}},
            "parameter 'f': parameters of type 'object' are not supported",
        ),
    ],
)
def test_an_unsupported_parameter_is_named_with_its_path(
    change: dict[str, Any], expected: str
) -> None:
    """A parameter the transport cannot send stops the load, naming the parameter and its place."""
    message = one_line_error({"paths": {"/v1/models": {"get": {"parameters": [change]}}}})
    assert message.startswith("openapi.yaml: paths./v1/models.get.parameters[7]")
    assert expected in message


def test_an_unsupported_field_format_is_named_with_its_path() -> None:
    """A binary string has no decoder: the load names the property."""
    message = one_line_error(
        {
            "components": {
                "schemas": {
                    "ModelInfo": {"properties": {"blob": {"type": "string", "format": "binary"}}}
                }
            }
        }
    )
    assert message == (
        "openapi.yaml: components.schemas.ModelInfo.properties.blob.format: "
        "strings of format 'binary' are not supported"
    )


def test_max_items_below_the_enum_size_is_a_warning() -> None:
    """An array parameter that cannot hold every value of its enum is loaded, with a warning."""
    spec = parse_with({"components": {"parameters": {"Lifecycle": {"schema": {"maxItems": 2}}}}})
    assert spec.warnings == (
        "openapi.yaml: components.parameters.Lifecycle.schema: maxItems 2 is below the 3 values "
        "of its enum (a request cannot name them all)",
    )


def test_x_python_name_on_a_parameter_wins() -> None:
    """A parameter's x-python-name is its Python name; a second parameter mapping to it is an error."""
    renamed = {
        "name": "from",
        "in": "query",
        "x-python-name": "since",
        "schema": {"type": "string"},
    }
    spec = parse_with({"paths": {"/v1/models": {"get": {"parameters": [renamed]}}}})
    assert spec.operation("list_models").parameters[-1].python_name == "since"
    clash = {"name": "limit[]", "in": "query", "schema": {"type": "string"}}
    message = one_line_error({"paths": {"/v1/models": {"get": {"parameters": [clash]}}}})
    assert message.endswith("parameter 'limit[]': its Python name 'limit' is also that of 'limit'")
