# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 0059b49447762f6c0883a040bba5120317a2b0c30535874595d9dca66c35c56b
"""What this package was generated from, and by which tools."""

SPEC_SHA256 = "0059b49447762f6c0883a040bba5120317a2b0c30535874595d9dca66c35c56b"
SPEC_VERSION = "2026-10-21"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
REGENERATE_COMMAND = "nox -s generate"
