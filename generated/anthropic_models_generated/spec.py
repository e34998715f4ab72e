# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 cb1e4d2b8113abd0c568db79b106b5961afaf376d1c50e6452560ca4dee26471
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
        "The contract (what the Anthropic API documents, and what a conformance "
        "verdict may require):\n"
        "\n"
        '* Models are listed newest first ("more recently released models are '
        'listed first"). [C-order]\n'
        "* `limit` is 1..1000, default 20. [C-limit] `after_id` and `before_id` "
        "are exclusive cursors:\n"
        "  `after_id` returns the page immediately after the named model, "
        "`before_id` the page immediately\n"
        "  before it, still newest first. [C-cursors]\n"
        "* A page has `data`, `first_id` and `last_id` (its first and last "
        "models' ids) and `has_more`\n"
        "  (whether more models exist beyond the page in the requested "
        "direction). [C-page] Walk forward\n"
        "  with `after_id = last_id`, backward with `before_id = first_id`, while "
        "`has_more` is true.\n"
        "  [C-walk]\n"
        "* `lifecycle[]` filters the list to models in any of up to 3 given "
        "stages (`active`, `deprecated`,\n"
        "  `retired`). [C-lifecycle-filter] **Without it the list holds the "
        "`active` and `deprecated`\n"
        "  models; `retired` models appear only when `retired` is asked for.** "
        "[C-default-view] Retrieve\n"
        "  returns any model, retired ones included. [C-retrieve-any]\n"
        '* Errors have the shape `{"type": "error", "error": {"type", "message", '
        '"details"?}, "request_id"?}`.\n'
        "  [C-error-shape]\n"
        "\n"
        "What this document decides where the API is silent (our reference server "
        "follows these; another\n"
        "implementation may choose differently and still conform):\n"
        "\n"
        "* Ties in `created_at` are ordered by `id` ascending. [D-ties]\n"
        "* Cursors are positions in the newest-first order of the whole "
        "catalogue: a cursor may name any\n"
        "  listed model, including one that the `lifecycle` filter leaves out of "
        "the current view (a retired\n"
        "  model under the default view); the page then holds the models of the "
        "view after (or before)\n"
        "  that position. [D-cursor-positions] A cursor that names no model at "
        "all is a\n"
        "  `400 invalid_request_error`. [D-cursor-unknown]\n"
        "* The plain form `lifecycle=retired` means the same as "
        "`lifecycle[]=retired`; both forms may be\n"
        "  mixed. Each value is one stage (`active,retired` is an unknown stage, "
        "not two). Giving a stage\n"
        "  twice counts once; more than 3 values, an empty value or an unknown "
        "stage is a `400`.\n"
        "  [D-lifecycle-forms]\n"
        "* Giving both `after_id` and `before_id` [D-cursor-conflict], a `limit` "
        "outside 1..1000 or not an\n"
        "  integer [D-limit-invalid], or the same scalar query parameter twice "
        "[D-repeated-params] is a\n"
        "  `400 invalid_request_error`. Query parameters this document does not "
        "name are ignored.\n"
        "  [D-unknown-params]\n"
        "* An empty page has `first_id` and `last_id` null (the SDK types them as "
        "optional).\n"
        "  [D-empty-page-ids]\n"
        "\n"
        "Each rule above carries an identifier (`C-...` in the contract, `D-...` "
        "among the decisions):\n"
        "the conformance kit's checks name the rules they test by it, and its "
        "level follows the list.\n",
        "license": {"name": "MIT", "identifier": "MIT"},
    },
    "x-api-error-types": {409: "conflict_error", 413: "request_too_large"},
    "servers": [{"url": "https://api.anthropic.com", "description": "The Anthropic API."}],
    "security": [{"ApiKeyAuth": []}, {"BearerAuth": []}],
    "tags": [{"name": "Models", "description": "The catalogue of models."}],
    "paths": {
        "/v1/models": {
            "get": {
                "operationId": "list_models",
                "x-python-iterator": "iter_models",
                "x-python-item": "ModelInfo",
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
                    {"$ref": "#/components/parameters/Lifecycle"},
                    {"$ref": "#/components/parameters/AnthropicVersion"},
                    {"$ref": "#/components/parameters/AnthropicBeta"},
                    {"$ref": "#/components/parameters/AnthropicWorkspaceId"},
                ],
                "responses": {
                    "200": {
                        "description": "One page of models.",
                        "headers": {
                            "request-id": {"$ref": "#/components/headers/RequestId"},
                            "anthropic-workspace-id": {"$ref": "#/components/headers/WorkspaceId"},
                        },
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ListModelsResponse"}
                            }
                        },
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "402": {"$ref": "#/components/responses/PaymentRequired"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "429": {"$ref": "#/components/responses/RateLimited"},
                    "500": {"$ref": "#/components/responses/InternalError"},
                    "503": {"$ref": "#/components/responses/ServiceUnavailable"},
                    "504": {"$ref": "#/components/responses/GatewayTimeout"},
                    "529": {"$ref": "#/components/responses/Overloaded"},
                },
            }
        },
        "/v1/models/{model_id}": {
            "get": {
                "operationId": "get_model",
                "x-python-method": "retrieve",
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
                    {"$ref": "#/components/parameters/AnthropicWorkspaceId"},
                ],
                "responses": {
                    "200": {
                        "description": "The model.",
                        "headers": {
                            "request-id": {"$ref": "#/components/headers/RequestId"},
                            "anthropic-workspace-id": {"$ref": "#/components/headers/WorkspaceId"},
                        },
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ModelInfo"}
                            }
                        },
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "402": {"$ref": "#/components/responses/PaymentRequired"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "429": {"$ref": "#/components/responses/RateLimited"},
                    "500": {"$ref": "#/components/responses/InternalError"},
                    "503": {"$ref": "#/components/responses/ServiceUnavailable"},
                    "504": {"$ref": "#/components/responses/GatewayTimeout"},
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
            "Lifecycle": {
                "name": "lifecycle[]",
                "in": "query",
                "required": False,
                "description": "Filter the list to models in any of "
                "the given lifecycle stages, each "
                "value one stage, as the\n"
                "official SDK sends it: "
                "`lifecycle[]=active&lifecycle[]=retired`. "
                "Up to 3 values. When omitted,\n"
                "the list holds the `active` and "
                "`deprecated` models; `retired` models "
                "appear only when `retired`\n"
                "is asked for. An unknown stage, or "
                "more than 3 values, is a `400 "
                "invalid_request_error`.\n",
                "style": "form",
                "explode": True,
                "schema": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 3,
                    "items": {"$ref": "#/components/schemas/Lifecycle"},
                },
            },
            "AnthropicVersion": {
                "name": "anthropic-version",
                "in": "header",
                "required": False,
                "x-client-option": True,
                "description": "The API version. An open "
                "string: the seed documentation "
                "shows `2023-06-01`, the "
                "current official\n"
                "SDK sends `2026-10-21` (the "
                "default of this package's "
                "client).\n",
                "schema": {
                    "type": "string",
                    "default": "2026-10-21",
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
            "AnthropicWorkspaceId": {
                "name": "anthropic-workspace-id",
                "in": "header",
                "required": False,
                "x-python-name": "workspace_id",
                "description": "The Workspace to act in "
                "(for example "
                "`wrkspc_011CZkZaBF1tNoB5wlCeusgy`). "
                "Only needed for\n"
                "credentials that can act "
                "on more than one "
                "Workspace; a credential of "
                "one Workspace may omit "
                "it,\n"
                "and if sent it must match "
                "that Workspace. This "
                "document decides that a "
                "value is visible ASCII\n"
                "(the API shows ids such as "
                "`wrkspc_...`); anything "
                "else is a `400 "
                "invalid_request_error`.\n",
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "pattern": "^[!-~]+$",
                    "examples": ["wrkspc_011CZkZaBF1tNoB5wlCeusgy"],
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
            },
            "WorkspaceId": {
                "description": "The Workspace the request acted in, when the server says so.",
                "required": False,
                "schema": {"type": "string"},
            },
            "RetryAfter": {
                "description": "Seconds (or an HTTP date) to wait before retrying.",
                "required": False,
                "schema": {"type": "string"},
            },
        },
        "responses": {
            "BadRequest": {
                "description": "The request is malformed (`invalid_request_error`).",
                "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/ErrorResponse"},
                        "example": {
                            "type": "error",
                            "error": {
                                "type": "invalid_request_error",
                                "message": "limit must be an integer from 1 to 1000",
                            },
                            "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                        },
                    }
                },
            },
            "Unauthorized": {
                "description": "The API key is missing or invalid (`authentication_error`).",
                "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/ErrorResponse"},
                        "example": {
                            "type": "error",
                            "error": {
                                "type": "authentication_error",
                                "message": "invalid x-api-key",
                            },
                            "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                        },
                    }
                },
            },
            "PaymentRequired": {
                "description": "The organization cannot be billed (`billing_error`).",
                "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/ErrorResponse"},
                        "example": {
                            "type": "error",
                            "error": {
                                "type": "billing_error",
                                "message": "Your "
                                "credit "
                                "balance "
                                "is "
                                "too "
                                "low "
                                "to "
                                "access "
                                "the "
                                "Anthropic "
                                "API.",
                            },
                            "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                        },
                    }
                },
            },
            "Forbidden": {
                "description": "The API key may not use this resource (`permission_error`).",
                "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/ErrorResponse"},
                        "example": {
                            "type": "error",
                            "error": {
                                "type": "permission_error",
                                "message": "Your "
                                "API "
                                "key "
                                "does "
                                "not "
                                "have "
                                "permission "
                                "to "
                                "use "
                                "the "
                                "specified "
                                "resource.",
                            },
                            "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                        },
                    }
                },
            },
            "NotFound": {
                "description": "No such model, or no such path (`not_found_error`).",
                "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/ErrorResponse"},
                        "example": {
                            "type": "error",
                            "error": {"type": "not_found_error", "message": "model: claude-nope"},
                            "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                        },
                    }
                },
            },
            "RateLimited": {
                "description": "Too many requests; `retry-after` "
                "says when to try again "
                "(`rate_limit_error`).",
                "headers": {
                    "request-id": {"$ref": "#/components/headers/RequestId"},
                    "retry-after": {"$ref": "#/components/headers/RetryAfter"},
                },
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/ErrorResponse"},
                        "example": {
                            "type": "error",
                            "error": {
                                "type": "rate_limit_error",
                                "message": "Number of requests has exceeded your rate limit.",
                            },
                            "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                        },
                    }
                },
            },
            "InternalError": {
                "description": "An unexpected error on the server (`api_error`).",
                "headers": {"request-id": {"$ref": "#/components/headers/RequestId"}},
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/ErrorResponse"},
                        "example": {
                            "type": "error",
                            "error": {"type": "api_error", "message": "Internal server error"},
                            "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                        },
                    }
                },
            },
            "ServiceUnavailable": {
                "description": "The API is temporarily "
                "unavailable; retry with "
                "backoff (`api_error`).",
                "headers": {
                    "request-id": {"$ref": "#/components/headers/RequestId"},
                    "retry-after": {"$ref": "#/components/headers/RetryAfter"},
                },
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/ErrorResponse"},
                        "example": {
                            "type": "error",
                            "error": {"type": "api_error", "message": "Service unavailable"},
                            "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                        },
                    }
                },
            },
            "GatewayTimeout": {
                "description": "The request timed out before it "
                "could be processed; retry with "
                "backoff (`timeout_error`).",
                "headers": {
                    "request-id": {"$ref": "#/components/headers/RequestId"},
                    "retry-after": {"$ref": "#/components/headers/RetryAfter"},
                },
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/ErrorResponse"},
                        "example": {
                            "type": "error",
                            "error": {"type": "timeout_error", "message": "Request timed out"},
                            "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                        },
                    }
                },
            },
            "Overloaded": {
                "description": "The API is temporarily overloaded; "
                "retry with backoff "
                "(`overloaded_error`).",
                "headers": {
                    "request-id": {"$ref": "#/components/headers/RequestId"},
                    "retry-after": {"$ref": "#/components/headers/RetryAfter"},
                },
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/ErrorResponse"},
                        "example": {
                            "type": "error",
                            "error": {"type": "overloaded_error", "message": "Overloaded"},
                            "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                        },
                    }
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
                "description": "A model. Fields beyond the required five "
                "are optional and may be null; servers "
                "add fields over\n"
                "time, and clients must ignore the ones "
                "they do not know.\n",
                "required": ["id", "type", "created_at", "display_name", "lifecycle"],
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
                        "description": "The "
                        "model's "
                        "most "
                        "recent "
                        "deprecation; "
                        "set for "
                        "deprecated "
                        "and "
                        "retired "
                        "models, "
                        "null "
                        "while "
                        "the\n"
                        "model "
                        "is "
                        "active.\n",
                    },
                    "retires_at": {
                        "type": ["string", "null"],
                        "format": "date-time",
                        "description": "Scheduled "
                        "retirement, "
                        "which can "
                        "be revised "
                        "until it "
                        "happens; "
                        "null while "
                        "the model "
                        "is active\n"
                        "or while "
                        "no "
                        "retirement "
                        "is "
                        "scheduled. "
                        "A past "
                        "date on a "
                        "deprecated "
                        "model "
                        "means "
                        "retirement "
                        "is\n"
                        "overdue, "
                        "not that "
                        "it has "
                        "happened: "
                        "`lifecycle` "
                        "is the "
                        "signal.\n",
                    },
                    "line": {
                        "type": ["string", "null"],
                        "description": "The model line: "
                        "known values are "
                        "`haiku`, "
                        "`sonnet`, "
                        "`opus`, `fable` "
                        "and `mythos`, "
                        "and more\n"
                        "lines may be "
                        "added (an open "
                        "set). Null when "
                        "the model "
                        "belongs to no "
                        "line; do not "
                        "infer it\n"
                        "from the id.\n",
                        "examples": ["haiku", "sonnet", "opus", "fable", "mythos"],
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
                    "allowed_fallback_models": {
                        "description": "Beta "
                        "(sent "
                        "with "
                        "an "
                        "`anthropic-beta` "
                        "header): "
                        "ids "
                        "of "
                        "the "
                        "models "
                        "a "
                        "request "
                        "may "
                        "fall "
                        "back "
                        "to.\n"
                        "Optional; "
                        "absent "
                        "from "
                        "the "
                        "stable "
                        "API's "
                        "answers.\n",
                        "type": ["array", "null"],
                        "items": {"type": "string"},
                    },
                },
            },
            "Lifecycle": {
                "type": "string",
                "enum": ["active", "deprecated", "retired"],
                "description": "Where a model stands. `active`: usable, "
                "open to new adopters, no retirement "
                "scheduled.\n"
                "`deprecated`: callable for organizations "
                "with existing access, closed to new "
                "adopters, headed\n"
                "for retirement. `retired`: no longer "
                "usable (inference naming it fails), kept "
                "in the catalogue as\n"
                "the record of its retirement.\n",
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
                "required": ["supported", "low", "medium", "high", "max"],
                "properties": {
                    "supported": {
                        "type": "boolean",
                        "description": "True when the `effort` parameter is supported.",
                    },
                    "low": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "medium": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "high": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "max": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "xhigh": {
                        "description": "Support "
                        "for the "
                        "`xhigh` "
                        "level; "
                        "absent "
                        "or null "
                        "on older "
                        "servers.",
                        "anyOf": [
                            {"$ref": "#/components/schemas/CapabilitySupport"},
                            {"type": "null"},
                        ],
                    },
                },
            },
            "ThinkingTypes": {
                "type": "object",
                "description": "Which `thinking.type` values the "
                "model accepts; read each on its own "
                "(`enabled` can be false\n"
                "while `disabled` is true).\n",
                "required": ["adaptive", "between_tools", "disabled", "enabled"],
                "properties": {
                    "adaptive": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "between_tools": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "disabled": {"$ref": "#/components/schemas/CapabilitySupport"},
                    "enabled": {"$ref": "#/components/schemas/CapabilitySupport"},
                },
            },
            "ThinkingCapability": {
                "type": "object",
                "description": "Support for extended thinking, and for each thinking type.",
                "required": ["supported", "types"],
                "properties": {
                    "supported": {
                        "type": "boolean",
                        "description": "True when extended thinking is supported.",
                    },
                    "types": {"$ref": "#/components/schemas/ThinkingTypes"},
                },
            },
            "ServerToolsCapability": {
                "type": "object",
                "description": "Support for the web search and code execution server tools.",
                "required": ["supported", "web_search", "code_execution"],
                "properties": {
                    "supported": {
                        "type": "boolean",
                        "description": "True when the model supports at least one of the tools.",
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
                    "clear_thinking_20251015": {
                        "anyOf": [
                            {"$ref": "#/components/schemas/CapabilitySupport"},
                            {"type": "null"},
                        ]
                    },
                    "clear_tool_uses_20250919": {
                        "anyOf": [
                            {"$ref": "#/components/schemas/CapabilitySupport"},
                            {"type": "null"},
                        ]
                    },
                    "compact_20260112": {
                        "anyOf": [
                            {"$ref": "#/components/schemas/CapabilitySupport"},
                            {"type": "null"},
                        ]
                    },
                },
            },
            "CompactionCapability": {
                "type": "object",
                "description": "Beta. Support for the "
                "top-level `compaction` "
                "request parameter, and for "
                "each type.",
                "required": ["supported", "summarize"],
                "properties": {
                    "supported": {
                        "type": "boolean",
                        "description": "True when compaction is supported.",
                    },
                    "summarize": {"$ref": "#/components/schemas/CapabilitySupport"},
                },
            },
            "ModelCapabilities": {
                "type": "object",
                "description": "What the model can do. Every key "
                "below but `compaction` is always "
                "present; new capabilities\n"
                "appear over time, and clients "
                "ignore the ones they do not "
                "know.\n",
                "required": [
                    "batch",
                    "citations",
                    "code_execution",
                    "image_input",
                    "pdf_input",
                    "structured_outputs",
                    "effort",
                    "thinking",
                    "server_tools",
                    "context_management",
                ],
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
                    "compaction": {
                        "description": "Beta "
                        "(sent "
                        "with "
                        "an "
                        "`anthropic-beta` "
                        "header); "
                        "absent "
                        "from "
                        "the "
                        "stable "
                        "API's "
                        "answers.",
                        "anyOf": [
                            {"$ref": "#/components/schemas/CompactionCapability"},
                            {"type": "null"},
                        ],
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
                    "request_id": {
                        "type": ["string", "null"],
                        "description": "The request's id, the same as the `request-id` header.",
                    },
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
                        "Current "
                        "values: "
                        "`invalid_request_error` "
                        "(400),\n"
                        "`authentication_error` "
                        "(401), "
                        "`billing_error` "
                        "(402), "
                        "`permission_error` "
                        "(403),\n"
                        "`not_found_error` "
                        "(404), "
                        "`conflict_error` "
                        "(409), "
                        "`rate_limit_error` "
                        "(429), "
                        "`api_error` "
                        "(500,\n"
                        "503), "
                        "`timeout_error` "
                        "(504), "
                        "`overloaded_error` "
                        "(529); other "
                        "endpoints add "
                        "`memory_*` "
                        "types.\n",
                        "examples": [
                            "invalid_request_error",
                            "not_found_error",
                            "rate_limit_error",
                        ],
                    },
                    "message": {
                        "type": "string",
                        "description": "A "
                        "human-readable "
                        "description "
                        "of the "
                        "error; its "
                        "wording can "
                        "change (do "
                        "not match "
                        "on it).",
                    },
                    "details": {
                        "description": "Machine-readable details, for some errors only.",
                        "anyOf": [{"$ref": "#/components/schemas/ErrorDetails"}, {"type": "null"}],
                    },
                },
            },
            "ErrorDetails": {
                "type": "object",
                "description": "An open object naming the precise "
                "error in `error_code` (for example "
                "`organization_on_hold`,\n"
                "which may carry an `appeal_url`); "
                "other keys depend on the code.\n",
                "required": ["error_code"],
                "properties": {
                    "error_code": {
                        "type": "string",
                        "description": "The precise error, such as `organization_on_hold`.",
                        "examples": ["organization_on_hold", "claude_code_key_creator_not_member"],
                    }
                },
                "additionalProperties": True,
            },
        },
    },
}
