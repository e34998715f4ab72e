# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 ec66656157cb0b65e788b389855f510fba5531f6033d2257ae80307af3a11d38
"""What this package was generated from, and by which tools."""

SPEC_SHA256 = "ec66656157cb0b65e788b389855f510fba5531f6033d2257ae80307af3a11d38"
SPEC_VERSION = "2026-10-21"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
REGENERATE_COMMAND = "nox -s generate"
