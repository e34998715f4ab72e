"""Generate the ``anthropic_models_generated`` package from ``openapi.yaml``.

Usage: ``python tools/generate.py [OUTPUT_DIR]`` (default: ``generated/anthropic_models_generated``),
or ``python tools/generate.py --check`` to regenerate into a temporary folder and compare.
Run through nox (``nox -s generate`` / ``nox -s check-generated``), which pins every tool involved.

Five modules come out, each with a DO NOT EDIT header naming the spec's sha256:

* ``models.py``: attrs classes, written by datamodel-code-generator through our templates in
  ``tools/templates`` (its dataclass output type, with ``@attrs.frozen`` in place of ``@dataclass``;
  an enum-typed field is ``Union[TheEnum, str]``, so that a value newer than the spec decodes);
* ``decoders.py``: one straight-line decoding function per model, written by :mod:`decoder_codegen`
  from the same schemas (nothing is compiled at import or at run time);
* ``transport.py``: one urllib3 function per operation, written by :mod:`transport_codegen`;
* ``spec.py``: the spec as a Python literal, so that runtime validation needs no YAML parser;
* ``manifest.py``: the spec's sha256 and the versions of the tools that wrote the package.

Everything is then formatted by ruff (pinned), so that a regeneration is identical byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import pprint
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_generated import compare_trees
from decoder_codegen import render_decoders
from transport_codegen import render_transport

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
PACKAGE = "anthropic_models_generated"
DEFAULT_OUTPUT = ROOT / "generated" / PACKAGE
TEMPLATES = ROOT / "tools" / "templates"
COMMAND = "nox -s generate"


def header(spec_sha256: str) -> str:
    """The first lines of every generated Python file."""
    return (
        f"# DO NOT EDIT: generated from openapi.yaml by `{COMMAND}` (tools/generate.py).\n"
        f"# spec sha256 {spec_sha256}\n"
    )


def load_spec(path: Path = SPEC_PATH) -> tuple[bytes, dict[str, Any]]:
    raw = path.read_bytes()
    spec = yaml.safe_load(raw)
    if not isinstance(spec, dict):
        raise SystemExit(f"{path.name} does not hold a mapping")
    return raw, spec


def generate_models(output: Path, head: str, spec_path: Path = SPEC_PATH) -> None:
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
        "--custom-file-header",
        head.rstrip("\n") + '\n"""Attrs models of the schemas in openapi.yaml."""',
        "--no-formatters",
    ]
    subprocess.run(command, check=True, cwd=ROOT)


def render_spec_module(spec: dict[str, Any], head: str) -> str:
    literal = pprint.pformat(spec, width=100, sort_dicts=False)
    return (
        f'{head}"""openapi.yaml as a Python literal: runtime validation needs no YAML parser."""\n\n'
        "from __future__ import annotations\n\n"
        "from typing import Any\n\n"
        f"SPEC: dict[str, Any] = {literal}\n"
    )


def render_manifest(spec_sha256: str, spec: dict[str, Any], head: str) -> str:
    version = spec["info"]["version"]
    dmcg = importlib.metadata.version("datamodel-code-generator")
    ruff = importlib.metadata.version("ruff")
    return (
        f'{head}"""What this package was generated from, and by which tools."""\n\n'
        f"SPEC_SHA256 = {spec_sha256!r}\n"
        f"SPEC_VERSION = {version!r}\n"
        f"DATAMODEL_CODE_GENERATOR_VERSION = {dmcg!r}\n"
        f"RUFF_VERSION = {ruff!r}\n"
        f"REGENERATE_COMMAND = {COMMAND!r}\n"
    )


def render_init(head: str) -> str:
    return (
        f'{head}"""Code generated from openapi.yaml: models, transport, the spec, and a manifest.\n\n'
        "Import its modules directly (``anthropic_models_generated.models`` and so on); the hand-written\n"
        'facade is ``anthropic_models``.\n"""\n'
    )


def ruff(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--config", str(ROOT / "pyproject.toml")],
        check=True,
        cwd=ROOT,
    )


def generate(output: Path, spec_path: Path = SPEC_PATH) -> None:
    """Write the whole generated package into ``output`` (replaced if it exists).

    The package is written beside ``output`` first and moved into place only when complete, so
    that a spec the generator cannot express leaves the previous package as it was.
    """
    raw, spec = load_spec(spec_path)
    digest = hashlib.sha256(raw).hexdigest()
    head = header(digest)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".generating-") as scratch:
        fresh = Path(scratch) / output.name
        fresh.mkdir()
        generate_models(fresh / "models.py", head, spec_path)
        (fresh / "decoders.py").write_text(
            head + render_decoders(spec, fresh / "models.py"), encoding="utf-8"
        )
        (fresh / "transport.py").write_text(head + render_transport(spec), encoding="utf-8")
        (fresh / "spec.py").write_text(render_spec_module(spec, head), encoding="utf-8")
        (fresh / "manifest.py").write_text(render_manifest(digest, spec, head), encoding="utf-8")
        (fresh / "__init__.py").write_text(render_init(head), encoding="utf-8")
        (fresh / "py.typed").write_text("", encoding="utf-8")
        # The dataclass output type imports `dataclass`, which our attrs template never uses.
        ruff("check", "--fix", "--quiet", "--select", "F401,I", str(fresh))
        ruff("format", "--quiet", str(fresh))
        if output.exists():
            shutil.rmtree(output)
        shutil.move(str(fresh), str(output))


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
    if not args.check:
        generate(args.output, args.spec)
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
