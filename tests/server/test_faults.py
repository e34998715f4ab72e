"""Fault injection: latency, a seeded failure rate, and the x-mock-* control headers."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from anthropic_models.server import ModelsApp
from anthropic_models.server.faults import RANDOM_FAULT_STATUSES
from tests.server.wsgi import KEY, call, small_catalog


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every time.sleep of the app, recorded instead of slept."""
    calls: list[float] = []
    monkeypatch.setattr("anthropic_models.server.app.time.sleep", calls.append)
    return calls


def faulty(**options: Any) -> ModelsApp:
    """An app over the small catalogue with these fault options."""
    return ModelsApp(small_catalog(), api_key=KEY, **options)


def test_control_headers_are_ignored_unless_faults_are_enabled() -> None:
    """A faithful server (faults=False) does not react to x-mock-* headers."""
    app = faulty()
    headers = {"x-mock-status": "529", "x-mock-fail-times": "5", "x-mock-key": "k"}
    assert call(app, headers=headers).status == 200
    assert call(app, headers={"x-mock-status": "not a number"}).status == 200


@pytest.mark.parametrize(
    ("status", "error_type", "retry_after"),
    [
        (529, "overloaded_error", "0"),
        (503, "api_error", "0"),
        (429, "rate_limit_error", "0"),
        (500, "api_error", "0"),
        (504, "timeout_error", "0"),
        (409, "conflict_error", "0"),
        (402, "billing_error", None),
        (400, "invalid_request_error", None),
        (403, "permission_error", None),
        (404, "not_found_error", None),
        (413, "request_too_large", None),
        (418, "invalid_request_error", None),
        (599, "api_error", "0"),  # every 5xx is retryable: the client's policy (the SDK's)
    ],
)
def test_x_mock_status_forces_a_status_with_its_error_body(
    status: int, error_type: str, retry_after: Any
) -> None:
    """x-mock-status answers that status, the spec's error body of its type, retry-after if retryable."""
    answer = call(faulty(faults=True), "/v1/models/m-a", headers={"x-mock-status": str(status)})
    assert answer.status == status
    assert answer.error_type == error_type
    assert "injected by the reference server" in answer.json()["error"]["message"]
    assert answer.headers.get("retry-after") == retry_after
    assert answer.headers["request-id"].startswith("req_")
    assert answer.json()["request_id"] == answer.headers["request-id"]


def test_x_mock_retry_after_sets_the_header() -> None:
    """x-mock-retry-after is the retry-after of the injected failure."""
    headers = {"x-mock-status": "429", "x-mock-retry-after": "7"}
    answer = call(faulty(faults=True), headers=headers)
    assert (answer.status, answer.headers["retry-after"]) == (429, "7")


def test_retry_after_option_is_the_default() -> None:
    """ModelsApp(retry_after=N) sets the retry-after of injected retryable failures."""
    answer = call(faulty(faults=True, retry_after=2), headers={"x-mock-status": "529"})
    assert answer.headers["retry-after"] == "2"


def test_fail_times_fails_the_first_n_requests_of_a_key() -> None:
    """x-mock-fail-times: N with x-mock-key: K fails N requests of K, then lets them through."""
    app = faulty(faults=True)
    headers = {"x-mock-fail-times": "2", "x-mock-key": "test-1"}
    statuses = [call(app, headers=headers).status for _ in range(4)]
    assert statuses == [529, 529, 200, 200]
    other = {"x-mock-fail-times": "1", "x-mock-key": "test-2", "x-mock-status": "429"}
    assert [call(app, headers=other).status for _ in range(2)] == [429, 200]
    message = call(app, headers={"x-mock-fail-times": "1", "x-mock-key": "k3"}).json()
    assert "failure 1 of 1 for x-mock-key 'k3'" in message["error"]["message"]


def test_fail_times_zero_never_fails() -> None:
    """x-mock-fail-times: 0 lets every request through."""
    assert (
        call(faulty(faults=True), headers={"x-mock-fail-times": "0", "x-mock-key": "z"}).status
        == 200
    )


@pytest.mark.parametrize(
    ("headers", "fragment"),
    [
        ({"x-mock-status": "200"}, "x-mock-status: expected an integer from 400 to 599"),
        ({"x-mock-status": "abc"}, "x-mock-status: expected an integer"),
        ({"x-mock-status": "-500"}, "x-mock-status"),
        ({"x-mock-retry-after": "1.5", "x-mock-status": "429"}, "x-mock-retry-after"),
        ({"x-mock-delay-ms": "60001"}, "x-mock-delay-ms: expected an integer from 0 to 60000"),
        ({"x-mock-fail-times": "x", "x-mock-key": "k"}, "x-mock-fail-times"),
        ({"x-mock-fail-times": "1"}, "x-mock-fail-times: needs an x-mock-key"),
        ({"x-mock-fail-times": "1", "x-mock-key": " "}, "needs an x-mock-key"),
    ],
)
def test_bad_control_values_are_400(headers: dict[str, str], fragment: str) -> None:
    """A control header that cannot be obeyed is a 400 invalid_request_error naming it."""
    answer = call(faulty(faults=True), headers=headers)
    assert answer.status == 400
    assert answer.error_type == "invalid_request_error"
    assert fragment in answer.json()["error"]["message"]


def test_faults_come_after_routing_and_auth() -> None:
    """A forced status does not hide a 404 path, a 405 or a 401: faults act on authenticated calls."""
    app = faulty(faults=True, fail_rate=1.0)
    headers = {"x-mock-status": "529"}
    assert call(app, "/nope", headers=headers).status == 404
    assert call(app, method="POST", headers=headers).status == 405
    assert call(app, key=None, headers=headers).status == 401
    assert call(app, key="wrong", headers=headers).status == 401


def test_x_mock_delay_ms_waits(slept: list[float]) -> None:
    """x-mock-delay-ms waits that long before answering."""
    assert call(faulty(faults=True), headers={"x-mock-delay-ms": "250"}).status == 200
    assert slept == [0.25]


def test_latency_ms_delays_every_request(slept: list[float]) -> None:
    """latency_ms waits before every answer, errors included."""
    app = faulty(latency_ms=40)
    call(app)
    call(app, "/nope", key=None)
    assert slept == [0.04, 0.04]


def test_fail_rate_one_fails_everything_with_the_three_statuses() -> None:
    """fail_rate=1 fails every request, with 429, 503 and 529 and retry-after: 0."""
    app = faulty(fail_rate=1.0, seed=5)
    answers = [call(app) for _ in range(300)]
    assert {a.status for a in answers} == set(RANDOM_FAULT_STATUSES)
    assert all(a.headers["retry-after"] == "0" for a in answers)
    types = {a.status: a.error_type for a in answers}
    assert types == {429: "rate_limit_error", 503: "api_error", 529: "overloaded_error"}


def test_fail_rate_is_seeded_and_proportional() -> None:
    """The same seed gives the same failures in the same order; about P of requests fail."""
    app_a, app_b = faulty(fail_rate=0.3, seed=42), faulty(fail_rate=0.3, seed=42)
    run_a = [call(app_a).status for _ in range(1000)]
    run_b = [call(app_b).status for _ in range(1000)]
    assert run_a == run_b
    failures = Counter(status for status in run_a if status != 200)
    assert 230 <= sum(failures.values()) <= 370
    assert set(failures) == set(RANDOM_FAULT_STATUSES)


def test_fail_rate_zero_never_fails() -> None:
    """fail_rate=0 (the default) injects nothing."""
    app = faulty(fail_rate=0.0, seed=1)
    assert {call(app).status for _ in range(200)} == {200}


def test_fail_times_counters_are_bounded() -> None:
    """Old x-mock-key counters are forgotten beyond ten thousand keys."""
    app = faulty(faults=True)
    first = {"x-mock-fail-times": "1", "x-mock-key": "key-0"}
    assert call(app, headers=first).status == 529
    for number in range(1, 10_001):
        call(app, headers={"x-mock-fail-times": "0", "x-mock-key": f"key-{number}"})
    assert call(app, headers=first).status == 529  # forgotten, so it fails afresh


def test_x_mock_error_code_adds_details() -> None:
    """x-mock-error-code puts details.error_code in the injected error body."""
    headers = {"x-mock-status": "400", "x-mock-error-code": "organization_on_hold"}
    answer = call(faulty(faults=True), headers=headers)
    assert answer.status == 400
    assert answer.json()["error"]["details"] == {"error_code": "organization_on_hold"}
    plain = call(faulty(faults=True), headers={"x-mock-status": "400"})
    assert "details" not in plain.json()["error"]


@pytest.mark.parametrize("code", ["", "Upper", "a-b", "x" * 65, "é"])
def test_a_bad_x_mock_error_code_is_400(code: str) -> None:
    """An error code outside 1 to 64 of a-z, 0-9 and _ is refused, naming the header."""
    headers = {"x-mock-status": "400", "x-mock-error-code": code}
    answer = call(faulty(faults=True), headers=headers)
    assert answer.status == 400
    assert "x-mock-error-code: expected" in answer.json()["error"]["message"]
