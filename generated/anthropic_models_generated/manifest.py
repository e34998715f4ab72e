# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 cb1e4d2b8113abd0c568db79b106b5961afaf376d1c50e6452560ca4dee26471
"""What this package was generated from, and by which tools."""

SPEC_SHA256 = "cb1e4d2b8113abd0c568db79b106b5961afaf376d1c50e6452560ca4dee26471"
SPEC_VERSION = "2026-10-21"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
REGENERATE_COMMAND = "nox -s generate"
