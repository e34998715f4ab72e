# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 0059b49447762f6c0883a040bba5120317a2b0c30535874595d9dca66c35c56b
"""Code generated from openapi.yaml: models, transport, the spec, and a manifest.

Import its modules directly (``anthropic_models_generated.models`` and so on); the hand-written
facade is ``anthropic_models``.
"""
