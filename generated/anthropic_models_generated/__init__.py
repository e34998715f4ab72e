# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 7ef1095fc686ba872f94aa7c2fa75d2036dc8e32a1dafa3d0c687c761c02b1ae
"""Code generated from openapi.yaml: models, decoders, encoders, transport, the spec, a manifest.

Import its modules directly (``anthropic_models_generated.models`` and so on); the hand-written
facade is ``anthropic_models``.
"""
