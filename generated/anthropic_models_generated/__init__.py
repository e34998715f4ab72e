# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 168a50e10bf3d18fce6240e07caf7cfeb2ae293dd87604e44ba9527fcdae913c
"""Code generated from openapi.yaml: models, transport, the spec, and a manifest.

Import its modules directly (``anthropic_models_generated.models`` and so on); the hand-written
facade is ``anthropic_models``.
"""
