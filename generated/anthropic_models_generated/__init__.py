# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 ec66656157cb0b65e788b389855f510fba5531f6033d2257ae80307af3a11d38
"""Code generated from openapi.yaml: models, transport, the spec, and a manifest.

Import its modules directly (``anthropic_models_generated.models`` and so on); the hand-written
facade is ``anthropic_models``.
"""
