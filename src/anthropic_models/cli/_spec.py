"""The ``spec`` command: the embedded spec's title, version, hash and operations.

>>> import argparse
>>> spec(argparse.Namespace())  # doctest: +ELLIPSIS
Anthropic Models API ...
0
"""

from __future__ import annotations

import argparse

from anthropic_models.cli._terminal import say
from anthropic_models_generated import manifest, transport
from anthropic_models_generated.spec import SPEC

__all__ = ["spec"]


def spec(args: argparse.Namespace) -> int:
    say(f"{SPEC['info']['title']} {SPEC['info']['version']} (OpenAPI {SPEC['openapi']})")
    say(f"spec sha256 {manifest.SPEC_SHA256}")
    for operation in transport.OPERATIONS.values():
        params = ", ".join(operation.path_params + operation.query_params)
        say(f"  {operation.method} {operation.path}  [{operation.operation_id}]  {params}")
    return 0
