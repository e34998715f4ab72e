# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 168a50e10bf3d18fce6240e07caf7cfeb2ae293dd87604e44ba9527fcdae913c
"""openapi.yaml as a Python literal: runtime validation needs no YAML parser."""

from __future__ import annotations

from typing import Any

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "Anthropic Models API",
        "version": "2026-10-21",
        "summary": "List and retrieve the models available to an Anthropic API key.",
        "description": "The Models API tells which models can be used with the Anthropic API, "
        "newest first.\n"
        "\n"
        "This document is the single source of truth of the `anthropic-models` "
        "package: its attrs models,\n"
        "its urllib3 transport and its embedded copy of this document are "
        "generated from it, its reference\n"
        "server implements it, and its conformance kit tests other "
        "implementations against it.\n"
        "\n"
        "Pagination rules (the same for every implementation):\n"
        "\n"
        "* Models are ordered newest first: by `created_at` descending, ties "
        "broken by `id` ascending.\n"
        "* `after_id` and `before_id` are exclusive cursors naming a model `id` "
        "from the list. `after_id`\n"
        "  returns the `limit` models immediately after the cursor; `before_id` "
        "returns the `limit` models\n"
        "  immediately before it, still newest first.\n"
        "* `has_more` tells whether more models exist beyond the page in the "
        "requested direction (after the\n"
        "  page for `after_id` or no cursor, before it for `before_id`).\n"
        "* `first_id` and `last_id` are the ids of the page's first and last "
        "models, `null` on an empty page.\n"
        "* Giving both `after_id` and `before_id`, a cursor that names no listed "
        "model, a `limit` outside\n"
        "  1..1000 or not an integer, or the same query parameter twice is a `400 "
        "invalid_request_error`.\n"
        "  Query parameters this document does not name are ignored.\n",
        "license": {"name": "MIT", "identifier": "MIT"},
    },
    "servers": [{"url": "https://api.anthropic.com", "description": "The Anthropic API."}],
    "security": [{"ApiKeyAuth": []}, {"BearerAuth": []}],
    "tags": [{"name": "Models", "description": "The catalogue of models."}],
    "paths": {
        "/v1/models": {
            "get": {
                "operationId": "list_models",
                "tags": ["Models"],
                "summary": "List models",
                "description": "One page of the models available to the caller, "
                "newest first. Walk forward with\n"
                "`after_id = last_id` while `has_more` is true; "
                "walk backward with `before_id = first_id`.\n",
                "parameters": [
                    {"$ref": "#/components/parameters/AfterId"},
                    {"$ref": "#/components/parameters/BeforeId"},
                    {"$ref": "#/components/parameters/Limit"},
                    {"$ref": "#/components/parameters/AnthropicVersion"},
                    {"$ref": "#/components/parameters/AnthropicBeta"},
                ],
                "responses": {
                    "200": {
                        "description": "One page of models.",
                        "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ListModelsResponse"}
                            }
                        },
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "429": {"$ref": "#/components/responses/RateLimited"},
                    "500": {"$ref": "#/components/responses/InternalError"},
                    "503": {"$ref": "#/components/responses/ServiceUnavailable"},
                    "529": {"$ref": "#/components/responses/Overloaded"},
                },
            }
        },
        "/v1/models/{model_id}": {
            "get": {
                "operationId": "get_model",
                "tags": ["Models"],
                "summary": "Get a model",
                "description": "One model by its id or by an alias "
                "(such as `claude-sonnet-4-5`), which "
                "the server resolves to the\n"
                "model it currently points to. Retired "
                "models are still returned, with "
                "`lifecycle: retired`.\n",
                "parameters": [
                    {"$ref": "#/components/parameters/ModelId"},
                    {"$ref": "#/components/parameters/AnthropicVersion"},
                    {"$ref": "#/components/parameters/AnthropicBeta"},
                ],
                "responses": {
                    "200": {
                        "description": "The model.",
                        "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ModelInfo"}
                            }
                        },
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "429": {"$ref": "#/components/responses/RateLimited"},
                    "500": {"$ref": "#/components/responses/InternalError"},
                    "503": {"$ref": "#/components/responses/ServiceUnavailable"},
                    "529": {"$ref": "#/components/responses/Overloaded"},
                },
            }
        },
    },
    "components": {
        "securitySchemes": {
            "ApiKeyAuth": {
                "type": "apiKey",
                "in": "header",
                "name": "x-api-key",
                "description": "The API key in the `x-api-key` header.",
            },
            "BearerAuth": {
                "type": "http",
                "scheme": "bearer",
                "description": "The API key or an OAuth token "
                "as `Authorization: Bearer "
                "<token>` (the official SDK's "
                "way).",
            },
        },
        "parameters": {
            "AfterId": {
                "name": "after_id",
                "in": "query",
                "required": False,
                "description": "Exclusive cursor: return the models "
                "immediately after the model with this "
                "id (older ones).\n"
                "Must name a model in the list; cannot "
                "be combined with `before_id`.\n",
                "schema": {"type": "string", "minLength": 1},
            },
            "BeforeId": {
                "name": "before_id",
                "in": "query",
                "required": False,
                "description": "Exclusive cursor: return the `limit` "
                "models immediately before the model "
                "with this id (newer\n"
                "ones), newest first. Must name a model "
                "in the list; cannot be combined with "
                "`after_id`.\n",
                "schema": {"type": "string", "minLength": 1},
            },
            "Limit": {
                "name": "limit",
                "in": "query",
                "required": False,
                "description": "Number of models per page.",
                "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 20},
            },
            "AnthropicVersion": {
                "name": "anthropic-version",
                "in": "header",
                "required": False,
                "description": "The API version. An open "
                "string: the seed documentation "
                "shows `2023-06-01`, the "
                "current official\n"
                "SDK sends `2026-10-21`.\n",
                "schema": {
                    "type": "string",
                    "default": "2023-06-01",
                    "examples": ["2023-06-01", "2026-10-21"],
                },
            },
            "AnthropicBeta": {
                "name": "anthropic-beta",
                "in": "header",
                "required": False,
                "description": "Beta features to enable, as a "
                "comma-separated list (for example "
                "`files-api-2025-04-14`).",
                "schema": {
                    "type": "string",
                    "examples": ["files-api-2025-04-14,context-1m-2025-08-07"],
                },
            },
            "ModelId": {
                "name": "model_id",
                "in": "path",
                "required": True,
                "description": "A model id or alias.",
                "schema": {"type": "string", "minLength": 1},
            },
        },
        "headers": {
            "RequestId": {
                "description": "A unique id of this request, to quote when reporting a problem.",
                "required": True,
                "schema": {"type": "string"},
            }
        },
        "responses": {
            "BadRequest": {
                "description": "The request is malformed (`invalid_request_error`).",
                "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}
                },
            },
            "Unauthorized": {
                "description": "The API key is missing or invalid (`authentication_error`).",
                "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}
                },
            },
            "Forbidden": {
                "description": "The API key may not use this resource (`permission_error`).",
                "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}
                },
            },
            "NotFound": {
                "description": "No such model, or no such path (`not_found_error`).",
                "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}
                },
            },
            "RateLimited": {
                "description": "Too many requests "
                "(`rate_limit_error`); `retry-after` "
                "says when to try again.",
                "headers": {
                    "request-id": {"$ref": "#/components/headers/RequestId"},
                    "retry-after": {
                        "description": "Seconds to wait before retrying.",
                        "schema": {"type": "string"},
                    },
                },
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}
                },
            },
            "InternalError": {
                "description": "An unexpected error on the server (`api_error`).",
                "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}
                },
            },
            "ServiceUnavailable": {
                "description": "The API is temporarily "
                "unavailable (`api_error`); "
                "retry with backoff.",
                "headers": {
                    "request-id": {"$ref": "#/components/headers/RequestId"},
                    "retry-after": {
                        "description": "Seconds to wait before retrying.",
                        "schema": {"type": "string"},
                    },
                },
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}
                },
            },
            "Overloaded": {
                "description": "The API is temporarily overloaded "
                "(`overloaded_error`); retry with "
                "backoff.",
                "headers": {
                    "request-id": {"$ref": "#/components/headers/RequestId"},
                    "retry-after": {
                        "description": "Seconds to wait before retrying.",
                        "schema": {"type": "string"},
                    },
                },
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}
                },
            },
        },
        "schemas": {
            "ListModelsResponse": {
                "type": "object",
                "description": "One page of models, newest first.",
                "required": ["data", "first_id", "last_id", "has_more"],
                "properties": {
                    "data": {
                        "type": "array",
                        "description": "The models of this page.",
                        "items": {"$ref": "#/components/schemas/ModelInfo"},
                    },
                    "first_id": {
                        "type": ["string", "null"],
                        "description": "Id "
                        "of "
                        "the "
                        "page's "
                        "first "
                        "model "
                        "(the "
                        "`before_id` "
                        "of "
                        "the "
                        "previous "
                        "page); "
                        "null "
                        "on "
                        "an "
                        "empty "
                        "page.",
                    },
                    "last_id": {
                        "type": ["string", "null"],
                        "description": "Id "
                        "of "
                        "the "
                        "page's "
                        "last "
                        "model "
                        "(the "
                        "`after_id` "
                        "of "
                        "the "
                        "next "
                        "page); "
                        "null "
                        "on "
                        "an "
                        "empty "
                        "page.",
                    },
                    "has_more": {
                        "type": "boolean",
                        "description": "Whether "
                        "more "
                        "models "
                        "exist "
                        "beyond "
                        "this "
                        "page "
                        "in "
                        "the "
                        "requested "
                        "direction.",
                    },
                },
            },
            "ModelInfo": {
                "type": "object",
                "description": "A model. Fields beyond the required four "
                "are optional and may be null; servers "
                "add fields over\n"
                "time, and clients must ignore the ones "
                "they do not know.\n",
                "required": ["id", "type", "created_at", "display_name"],
                "properties": {
                    "id": {"type": "string", "description": "Unique model identifier."},
                    "type": {
                        "type": "string",
                        "const": "model",
                        "description": "Object type; always `model`.",
                    },
                    "created_at": {
                        "type": "string",
                        "format": "date-time",
                        "description": "RFC 3339 "
                        "release "
                        "time; may "
                        "be the "
                        "epoch if "
                        "the "
                        "release "
                        "date is "
                        "unknown.",
                    },
                    "display_name": {
                        "type": "string",
                        "description": "A human-readable name for the model.",
                    },
                    "lifecycle": {"$ref": "#/components/schemas/Lifecycle"},
                    "deprecated_at": {
                        "type": ["string", "null"],
                        "format": "date-time",
                        "description": "When "
                        "the "
                        "model "
                        "was "
                        "deprecated; "
                        "set for "
                        "deprecated "
                        "and "
                        "retired "
                        "models.",
                    },
                    "retires_at": {
                        "type": ["string", "null"],
                        "format": "date-time",
                        "description": "Scheduled "
                        "retirement. "
                        "A past "
                        "date on a "
                        "deprecated "
                        "model "
                        "means it "
                        "is "
                        "overdue; "
                        "`lifecycle` "
                        "is\n"
                        "the "
                        "signal.\n",
                    },
                    "line": {
                        "type": ["string", "null"],
                        "description": "The model line, "
                        "such as `haiku`, "
                        "`sonnet` or "
                        "`opus` (an open "
                        "set; do not "
                        "infer it from "
                        "the id).",
                    },
                    "max_input_tokens": {
                        "type": ["integer", "null"],
                        "minimum": 0,
                        "description": "The context window, in tokens.",
                    },
                    "max_tokens": {
                        "type": ["integer", "null"],
                        "minimum": 0,
                        "description": "The "
                        "largest "
                        "accepted "
                        "value of "
                        "the "
                        "`max_tokens` "
                        "request "
                        "parameter.",
                    },
                    "capabilities": {
                        "description": "What the model can do; null when unknown.",
                        "anyOf": [
                            {"$ref": "#/components/schemas/ModelCapabilities"},
                            {"type": "null"},
                        ],
                    },
                },
            },
            "Lifecycle": {
                "type": "string",
                "enum": ["active", "deprecated", "retired"],
                "description": "Where a model stands. `active`: open to "
                "everyone. `deprecated`: callable for "
                "existing users, closed\n"
                "to new adopters, headed for retirement. "
                "`retired`: no longer callable, kept in "
                "the catalogue as a record.\n",
            },
            "CapabilitySupport": {
                "type": "object",
                "description": "Whether the model supports a feature.",
                "required": ["supported"],
                "properties": {
                    "supported": {
                        "type": "boolean",
                        "description": "True when the feature is supported.",
                    }
                },
            },
            "EffortCapability": {
                "type": "object",
                "description": "Support for the `effort` parameter, and for each of its levels.",
                "required": ["supported"],
                "properties": {
                    "supported": {
                        "type": "boolean",
                        "description": "True when the `effort` parameter is supported.",
                    },
                    "low": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "medium": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "high": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "max": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "xhigh": {"$ref": "#/components/schemas/CapabilitySupport"},
                },
            },
            "ThinkingCapability": {
                "type": "object",
                "description": "Support for extended thinking, and for each thinking type.",
                "required": ["supported"],
                "properties": {
                    "supported": {
                        "type": "boolean",
                        "description": "True when extended thinking is supported.",
                    },
                    "types": {
                        "type": "object",
                        "description": "Support "
                        "for "
                        "each "
                        "thinking "
                        "type "
                        "(such "
                        "as "
                        "`enabled` "
                        "or "
                        "`adaptive`), "
                        "by "
                        "name.",
                        "additionalProperties": {"$ref": "#/components/schemas/CapabilitySupport"},
                    },
                },
            },
            "ServerToolsCapability": {
                "type": "object",
                "description": "Support for server-side tools.",
                "required": ["supported"],
                "properties": {
                    "supported": {
                        "type": "boolean",
                        "description": "True when server tools are supported.",
                    },
                    "web_search": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "code_execution": {"$ref": "#/components/schemas/CapabilitySupport"},
                },
            },
            "ContextManagementCapability": {
                "type": "object",
                "description": "Support for context management, and for each of its strategies.",
                "required": ["supported"],
                "properties": {
                    "supported": {
                        "type": "boolean",
                        "description": "True when context management is supported.",
                    },
                    "clear_thinking_20251015": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "clear_tool_uses_20250919": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "compact_20260112": {"$ref": "#/components/schemas/CapabilitySupport"},
                },
            },
            "ModelCapabilities": {
                "type": "object",
                "description": "What the model can do. New "
                "capabilities appear over time; "
                "clients ignore unknown ones.",
                "properties": {
                    "batch": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "citations": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "code_execution": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "image_input": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "pdf_input": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "structured_outputs": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "effort": {"$ref": "#/components/schemas/EffortCapability"},
                    "thinking": {"$ref": "#/components/schemas/ThinkingCapability"},
                    "server_tools": {"$ref": "#/components/schemas/ServerToolsCapability"},
                    "context_management": {
                        "$ref": "#/components/schemas/ContextManagementCapability"
                    },
                },
            },
            "ErrorResponse": {
                "type": "object",
                "description": "Every error response has this shape.",
                "required": ["type", "error"],
                "properties": {
                    "type": {"type": "string", "const": "error", "description": "Always `error`."},
                    "error": {"$ref": "#/components/schemas/ErrorDetail"},
                },
            },
            "ErrorDetail": {
                "type": "object",
                "description": "What went wrong.",
                "required": ["type", "message"],
                "properties": {
                    "type": {
                        "type": "string",
                        "description": "The error "
                        "type, an open "
                        "string. "
                        "Documented "
                        "values: "
                        "`invalid_request_error` "
                        "(400),\n"
                        "`authentication_error` "
                        "(401), "
                        "`billing_error`, "
                        "`permission_error` "
                        "(403), "
                        "`not_found_error`\n"
                        "(404), "
                        "`request_too_large` "
                        "(413), "
                        "`rate_limit_error` "
                        "(429), "
                        "`api_error` "
                        "(500),\n"
                        "`timeout_error`, "
                        "`overloaded_error` "
                        "(529). Older "
                        "documentation "
                        "also shows "
                        "`invalid_request`,\n"
                        "`rate_limit_exceeded` "
                        "and "
                        "`server_error`.\n",
                        "examples": [
                            "invalid_request_error",
                            "not_found_error",
                            "rate_limit_error",
                        ],
                    },
                    "message": {
                        "type": "string",
                        "description": "A human-readable description of the error.",
                    },
                },
            },
        },
    },
}
