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
from anthropic_models.client import ModelsClient
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
from anthropic_models.pagination import Cursor, ModelPage

if _TYPE_CHECKING:
    from anthropic_models.async_client import AsyncModelsClient
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


def __getattr__(name: str) -> object:
    # The async client imports asyncio: loaded on first use, not with the package.
    if name == "AsyncModelsClient":
        from anthropic_models.async_client import AsyncModelsClient

        return AsyncModelsClient
    raise AttributeError(f"module 'anthropic_models' has no attribute {name!r}")
