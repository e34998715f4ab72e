"""A small, code-generated client for the Anthropic Models API, with its reference server and
conformance kit.

>>> import anthropic_models
>>> anthropic_models.ModelInfo.__name__
'ModelInfo'
"""

from __future__ import annotations

from anthropic_models.errors import (
    AnthropicModelsError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    MissingDependencyError,
    ModelUnavailableError,
    NotFoundError,
    OverloadedError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    RequestTooLargeError,
    ResponseValidationError,
    UnprocessableEntityError,
)
from anthropic_models_generated.models import (
    CapabilitySupport,
    ErrorResponse,
    Lifecycle,
    ListModelsResponse,
    ModelCapabilities,
    ModelInfo,
)

__version__ = "0.1.0"

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AnthropicModelsError",
    "AuthenticationError",
    "BadRequestError",
    "CapabilitySupport",
    "ConflictError",
    "ErrorResponse",
    "InternalServerError",
    "InvalidArgumentError",
    "Lifecycle",
    "ListModelsResponse",
    "MissingDependencyError",
    "ModelCapabilities",
    "ModelInfo",
    "ModelUnavailableError",
    "NotFoundError",
    "OverloadedError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestTooLargeError",
    "ResponseValidationError",
    "UnprocessableEntityError",
    "__version__",
]
