# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 168a50e10bf3d18fce6240e07caf7cfeb2ae293dd87604e44ba9527fcdae913c
"""What this package was generated from, and by which tools."""

SPEC_SHA256 = "168a50e10bf3d18fce6240e07caf7cfeb2ae293dd87604e44ba9527fcdae913c"
SPEC_VERSION = "2026-10-21"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
REGENERATE_COMMAND = "nox -s generate"
