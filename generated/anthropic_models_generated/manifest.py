# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 04f2e4fd8c2b9b254de9a97a6f5135ef71c15c128dd2a8cf065b292c8cda61cd
"""What this package was generated from, and by which tools."""

SPEC_SHA256 = "04f2e4fd8c2b9b254de9a97a6f5135ef71c15c128dd2a8cf065b292c8cda61cd"
SPEC_VERSION = "2026-10-21"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
REGENERATE_COMMAND = "nox -s generate"
