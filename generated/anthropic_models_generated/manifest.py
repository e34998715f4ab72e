# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 7ef1095fc686ba872f94aa7c2fa75d2036dc8e32a1dafa3d0c687c761c02b1ae
"""What this package was generated from, and by which tools."""

SPEC_SHA256 = "7ef1095fc686ba872f94aa7c2fa75d2036dc8e32a1dafa3d0c687c761c02b1ae"
SPEC_VERSION = "2026-10-21"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
REGENERATE_COMMAND = "nox -s generate"
