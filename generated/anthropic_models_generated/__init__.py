# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 04f2e4fd8c2b9b254de9a97a6f5135ef71c15c128dd2a8cf065b292c8cda61cd
"""Code generated from openapi.yaml: models, transport, the spec, and a manifest.

Import its modules directly (``anthropic_models_generated.models`` and so on); the hand-written
facade is ``anthropic_models``.
"""
