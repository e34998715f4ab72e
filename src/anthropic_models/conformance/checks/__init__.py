"""The checks, one module per area; importing this package registers them all."""

from __future__ import annotations

from anthropic_models.conformance.checks import (
    auth,
    errors,
    lifecycle,
    pagination,
    responses,
    retrieve,
    robustness,
    workspace,
)

__all__ = [
    "auth",
    "errors",
    "lifecycle",
    "pagination",
    "responses",
    "retrieve",
    "robustness",
    "workspace",
]
