"""The exception tree and its status mapping."""

from __future__ import annotations

import pickle

import pytest

import anthropic_models
from anthropic_models import errors


@pytest.mark.parametrize(
    ("status", "name"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (413, "RequestTooLargeError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (502, "InternalServerError"),
        (503, "ServiceUnavailableError"),
        (504, "GatewayTimeoutError"),
        (402, "PaymentRequiredError"),
        (408, "RequestTimeoutError"),
        (529, "OverloadedError"),
        (418, "APIStatusError"),
        (302, "APIStatusError"),
    ],
)
def test_status_maps_to_one_class(status: int, name: str) -> None:
    """Each documented status has its class; others fall back by range."""
    assert errors.status_error_class(status).__name__ == name


def test_every_error_is_an_anthropic_models_error() -> None:
    """One root: except AnthropicModelsError catches everything the package raises."""
    for name in errors.__all__:
        obj = getattr(errors, name)
        if isinstance(obj, type):
            assert issubclass(obj, errors.AnthropicModelsError), name


def test_overloaded_is_a_server_error() -> None:
    """529 is caught by except InternalServerError, like every 5xx."""
    assert issubclass(errors.OverloadedError, errors.InternalServerError)


def test_status_error_carries_its_facts_and_pickles() -> None:
    """status_code, request_id, error_type, message and body survive str() and pickling."""
    error = errors.NotFoundError(
        "model 'x' not found",
        status_code=404,
        request_id="req_1",
        error_type="not_found_error",
        body={"type": "error"},
    )
    assert str(error) == "404 not_found_error: model 'x' not found (request-id req_1)"
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is errors.NotFoundError
    assert (again.status_code, again.request_id, again.error_type, again.body) == (
        404,
        "req_1",
        "not_found_error",
        {"type": "error"},
    )
    assert str(again) == str(error)


def test_model_unavailable_pickles() -> None:
    """ModelUnavailableError keeps the model id and the reason."""
    error = pickle.loads(pickle.dumps(errors.ModelUnavailableError("m", "retired")))
    assert (error.model_id, error.reason) == ("m", "retired")


def test_invalid_argument_is_also_a_value_error() -> None:
    """Code that catches ValueError for bad arguments keeps working."""
    assert issubclass(errors.InvalidArgumentError, ValueError)


def test_all_matches_public_names() -> None:
    """__all__ lists exactly the public names of the errors module and of the package."""
    for module in (errors, anthropic_models):
        public = {
            name
            for name, value in vars(module).items()
            if not name.startswith("_")
            and getattr(value, "__module__", module.__name__).startswith("anthropic_models")
            and not isinstance(value, type(errors))
        }
        public.discard("annotations")
        assert public <= set(module.__all__), public - set(module.__all__)
        assert all(hasattr(module, name) for name in module.__all__)


def test_response_validation_error_pickles() -> None:
    """ResponseValidationError keeps its path and reason through pickling."""
    error = pickle.loads(pickle.dumps(errors.ResponseValidationError("bad", path="$.data")))
    assert (error.path, error.reason, str(error)) == ("$.data", "bad", "$.data: bad")


def test_each_status_has_the_official_sdks_class() -> None:
    """The class per status is the installed SDK's (its ERROR_CLASSES), so except clauses port over."""
    sdk = pytest.importorskip("anthropic._error_classes")
    by_status = {status: cls for (status, code), cls in sdk.ERROR_CLASSES.items() if code is None}
    assert by_status  # the test compares something real
    for status, cls in by_status.items():
        assert errors.status_error_class(status) is getattr(errors, cls.__name__), status
