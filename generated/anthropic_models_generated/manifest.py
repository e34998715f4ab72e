# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 89caf52c4bbdf10ed81d004481fc40538bf34646380382668d97b1eacd1cc318
"""What this package was generated from, and by which tools."""

SPEC_SHA256 = "89caf52c4bbdf10ed81d004481fc40538bf34646380382668d97b1eacd1cc318"
SPEC_VERSION = "2026-10-21"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
REGENERATE_COMMAND = "nox -s generate"
