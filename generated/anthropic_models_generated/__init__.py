# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 89caf52c4bbdf10ed81d004481fc40538bf34646380382668d97b1eacd1cc318
"""Code generated from openapi.yaml: models, decoders, encoders, transport, the spec, a manifest.

Import its modules directly (``anthropic_models_generated.models`` and so on); the hand-written
facade is ``anthropic_models``.
"""
