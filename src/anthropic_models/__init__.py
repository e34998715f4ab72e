"""A small, code-generated client for the Anthropic Models API, with its reference server and
conformance kit.

>>> from anthropic_models import ModelsClient
>>> with ModelsClient(api_key="sk-example") as client:
...     client.base_url
'https://api.anthropic.com'
"""

from __future__ import annotations

from typing import TYPE_CHECKING as _TYPE_CHECKING

from anthropic_models._version import __version__
from anthropic_models.errors import (
    AnthropicModelsError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ContentTooLargeError,
    GatewayTimeoutError,
    InternalServerError,
    InvalidArgumentError,
    MissingDependencyError,
    ModelUnavailableError,
    NotFoundError,
    OverloadedError,
    PaginationError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    RequestTooLargeError,
    ResponseValidationError,
    ServiceUnavailableError,
    UnprocessableEntityError,
)

if _TYPE_CHECKING:
    from anthropic_models.async_client import AsyncModelsClient
    from anthropic_models.client import ModelsClient
    from anthropic_models.pagination import Cursor, ModelPage
    from anthropic_models_generated.models import (
        CapabilitySupport,
        ErrorResponse,
        Lifecycle,
        ListModelsResponse,
        ModelCapabilities,
        ModelInfo,
    )

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AnthropicModelsError",
    "AsyncModelsClient",
    "AuthenticationError",
    "BadRequestError",
    "CapabilitySupport",
    "ConflictError",
    "ContentTooLargeError",
    "Cursor",
    "ErrorResponse",
    "GatewayTimeoutError",
    "InternalServerError",
    "InvalidArgumentError",
    "Lifecycle",
    "ListModelsResponse",
    "MissingDependencyError",
    "ModelCapabilities",
    "ModelInfo",
    "ModelPage",
    "ModelUnavailableError",
    "ModelsClient",
    "NotFoundError",
    "OverloadedError",
    "PaginationError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestTimeoutError",
    "RequestTooLargeError",
    "ResponseValidationError",
    "ServiceUnavailableError",
    "UnprocessableEntityError",
    "__version__",
]


# Names that need urllib3 or attrs (the clients, pages, the generated models) are imported on
# first use, not with the package: `import anthropic_models.server`, `.conformance` or the
# command line's `--help` then load no client. Each maps to the module that defines it.
_LAZY = {
    "AsyncModelsClient": "anthropic_models.async_client",
    "ModelsClient": "anthropic_models.client",
    "Cursor": "anthropic_models.pagination",
    "ModelPage": "anthropic_models.pagination",
    **dict.fromkeys(
        (
            "CapabilitySupport",
            "ErrorResponse",
            "Lifecycle",
            "ListModelsResponse",
            "ModelCapabilities",
            "ModelInfo",
        ),
        "anthropic_models_generated.models",
    ),
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'anthropic_models' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
