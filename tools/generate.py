"""Generate the ``anthropic_models_generated`` package from ``openapi.yaml``.

Usage: ``python tools/generate.py [OUTPUT_DIR]`` (default: ``generated/anthropic_models_generated``),
or ``python tools/generate.py --check`` to regenerate into a temporary folder and compare.
Run through nox (``nox -s generate`` / ``nox -s check-generated``), which pins every tool involved.

The spec is read once, by :mod:`specmodel`, into a small validated model; a spec it cannot use
(a ``$ref`` to nothing, invalid YAML, a name with no Python name, an unsupported construct) stops
the generator with one line naming the place, and the output folder is left as it was. Every
module is then rendered from that model, through one Jinja environment over ``tools/templates``:

* ``models.py``: attrs classes, written by datamodel-code-generator through our templates
  (its dataclass output type, with ``@attrs.frozen`` in place of ``@dataclass``; an enum-typed
  field is ``Union[TheEnum, str]``, so that a value newer than the spec decodes). It keeps its
  place for the class layout, descriptions and type hints; the attribute names are not its own:
  it is given every field's Python name from :func:`specmodel.python_name` (``--aliases``), and
  :func:`check_models` stops the generation if the classes it wrote differ from the spec model;
* ``decoders.py`` / ``encoders.py``: one straight-line function per model each way, written by
  :mod:`decoder_codegen` and :mod:`encoder_codegen` from the spec model (JSON names on the wire,
  Python names on the models);
* ``rfc3339.py``: the one date-time rule (stdlib only), copied from ``templates/rfc3339.py``;
* ``operations.py`` (standard library only), ``transport.py`` (urllib3) and ``methods.py`` (the
  clients' typed methods): the spec's operations, written by :mod:`operations_codegen` (parameter
  descriptors and their one generic check, typed request builders, statuses and error types, a
  ``send`` that never retries by itself, sync and asyncio mixins with identical signatures);
* ``spec.py``: the spec as a Python literal, so that runtime validation needs no YAML parser;
* ``manifest.py``: the spec's sha256 and the versions of the tools that wrote the package.

Everything is then formatted by ruff (pinned), so that a regeneration is identical byte for byte.
"""

from __future__ import annotations

import argparse
import enum
import importlib.metadata
import importlib.util
import json
import pprint
import shutil
import subprocess
import sys
import tempfile
import types
from pathlib import Path

import attrs
import jinja2

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_generated import compare_trees
from decoder_codegen import attribute_order, object_schemas, render_decoders
from encoder_codegen import render_encoders
from operations_codegen import render_operations
from specmodel import Spec, SpecError, load

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
PACKAGE = "anthropic_models_generated"
DEFAULT_OUTPUT = ROOT / "generated" / PACKAGE
TEMPLATES = ROOT / "tools" / "templates"
COMMAND = "nox -s generate"


class GenerationError(Exception):
    """The generated code disagrees with the spec model; the message says where."""


def header(spec_sha256: str) -> str:
    """The first lines of every generated Python file."""
    return (
        f"# DO NOT EDIT: generated from openapi.yaml by `{COMMAND}` (tools/generate.py).\n"
        f"# spec sha256 {spec_sha256}\n"
    )


def environment() -> jinja2.Environment:
    """The one Jinja environment every generated module is rendered with."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["pyrepr"] = repr
    return env


def aliases(spec: Spec) -> dict[str, str]:
    """Each field's Python name where it is not its JSON name, for datamodel-code-generator."""
    return {
        f"{schema.name}.{item.json_name}": item.python_name
        for schema in object_schemas(spec)
        for item in schema.fields
        if item.python_name != item.json_name
    }


def generate_models(spec: Spec, output: Path, head: str, spec_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "datamodel_code_generator",
        "--input",
        str(spec_path),
        "--input-file-type",
        "openapi",
        "--output",
        str(output),
        "--output-model-type",
        "dataclasses.dataclass",
        "--custom-template-dir",
        str(TEMPLATES),
        "--target-python-version",
        "3.10",
        "--disable-timestamp",
        "--use-schema-description",
        "--use-field-description",
        "--enum-field-as-literal",
        "one",
        "--use-subclass-enum",
        "--use-standard-collections",
        "--no-use-union-operator",
        "--additional-imports",
        "attrs,typing.Union",
        "--output-datetime-class",
        "datetime",
        "--aliases",
        json.dumps(aliases(spec), sort_keys=True),
        "--custom-file-header",
        head.rstrip("\n") + '\n"""Attrs models of the schemas in openapi.yaml."""',
        "--no-formatters",
    ]
    subprocess.run(command, check=True, cwd=ROOT)


def load_models(path: Path) -> types.ModuleType:
    """Import a freshly generated models.py from its file, as ``anthropic_models_generated.models``."""
    name = f"{PACKAGE}.models"
    module_spec = importlib.util.spec_from_file_location(name, path)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[name] = module
    try:
        module_spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def check_models(spec: Spec, path: Path) -> None:
    """The classes datamodel-code-generator wrote are the spec model's: names, attributes, order."""
    module = load_models(path)
    for schema in spec.schemas.values():
        cls = getattr(module, schema.name, None)
        if not isinstance(cls, type):
            raise GenerationError(f"models.py: no class {schema.name} for {schema.where}")
        if schema.kind == "enum" and issubclass(cls, enum.Enum):
            written = [member.value for member in cls]
            expected = list(schema.enum)
        else:
            written = [a.name for a in attrs.fields(cls)]
            expected = [item.python_name for item in attribute_order(schema)]
        if written != expected:
            raise GenerationError(
                f"models.py: {schema.name} has {written}, the spec model {expected}"
            )


def render_spec_module(spec: Spec, env: jinja2.Environment) -> str:
    literal = pprint.pformat(dict(spec.document), width=100, sort_dicts=False)
    return env.get_template("spec.py.jinja2").render(literal=literal)


def tool_versions() -> dict[str, str]:
    return {name: importlib.metadata.version(name) for name in ("datamodel-code-generator", "ruff")}


def ruff(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--config", str(ROOT / "pyproject.toml")],
        check=True,
        cwd=ROOT,
    )


def generate(output: Path, spec_path: Path = SPEC_PATH) -> list[str]:
    """Write the whole generated package into ``output`` (replaced if it exists); the warnings.

    The spec is loaded and validated first, and the package is written beside ``output`` and moved
    into place only when complete, so that a spec the generator cannot express leaves the previous
    package as it was.
    """
    spec = load(spec_path)
    head = header(spec.sha256)
    env = environment()
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".generating-") as scratch:
        fresh = Path(scratch) / output.name
        fresh.mkdir()
        generate_models(spec, fresh / "models.py", head, spec_path)
        check_models(spec, fresh / "models.py")
        modules = {
            "decoders.py": render_decoders(spec, env),
            "encoders.py": render_encoders(spec, env),
            "rfc3339.py": (TEMPLATES / "rfc3339.py").read_text(encoding="utf-8"),
            **{f"{name}.py": text for name, text in render_operations(spec, env).items()},
            "spec.py": render_spec_module(spec, env),
            "manifest.py": env.get_template("manifest.py.jinja2").render(
                spec=spec, tools=tool_versions(), command=COMMAND
            ),
            "__init__.py": env.get_template("__init__.py.jinja2").render(),
        }
        for name, text in modules.items():
            (fresh / name).write_text(head + text, encoding="utf-8")
        (fresh / "py.typed").write_text("", encoding="utf-8")
        # The dataclass output type imports `dataclass`, which our attrs template never uses.
        ruff("check", "--fix", "--quiet", "--select", "F401,I", str(fresh))
        ruff("format", "--quiet", str(fresh))
        if output.exists():
            shutil.rmtree(output)
        shutil.move(str(fresh), str(output))
    return list(spec.warnings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--spec",
        type=Path,
        default=SPEC_PATH,
        help="the OpenAPI document to generate from (default: openapi.yaml)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate into a temporary folder and fail if it differs from OUTPUT",
    )
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except (SpecError, GenerationError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if not args.check:
        for warning in generate(args.output, args.spec):
            print(f"warning: {warning}", file=sys.stderr)
        print(
            f"generated {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}"
        )
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / PACKAGE
        generate(fresh, args.spec)
        diff = compare_trees(fresh, args.output)
    if diff:
        sys.stdout.write(diff)
        print(
            f"\n{args.output} differs from a fresh generation: run `{COMMAND}` and commit the result "
            "(hand edits to generated files are overwritten).",
            file=sys.stderr,
        )
        return 1
    print(f"{args.output} matches a fresh generation from openapi.yaml")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
