"""The retry policy's rules, one by one (the SDK's: statuses, x-should-retry, waits)."""

from __future__ import annotations

import email.utils
import time
from typing import Optional

import pytest
from urllib3.exceptions import MaxRetryError
from urllib3.util.retry import Retry

from anthropic_models import _http
from tests.fakes import FakeResponse


def response(status: int, **headers: str) -> FakeResponse:
    """A response with these headers (names with '_' become '-')."""
    return FakeResponse(status, b"", {k.replace("_", "-"): v for k, v in headers.items()})


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504, 529])
def test_retried_statuses(status: int) -> None:
    """408, 409, 429 and every 5xx are retried."""
    assert _http.should_retry(response(status))


@pytest.mark.parametrize("status", [400, 401, 403, 404, 413, 422])
def test_not_retried_statuses(status: int) -> None:
    """Client errors other than 408, 409 and 429 are final."""
    assert not _http.should_retry(response(status))


def test_x_should_retry_overrides_the_status() -> None:
    """x-should-retry: true retries a 400; false stops a 503."""
    assert _http.should_retry(response(400, x_should_retry="true"))
    assert not _http.should_retry(response(503, x_should_retry="false"))


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry_after_ms": "1500"}, 1.5),
        ({"retry_after": "2"}, 2.0),
        ({"retry_after": "0.25"}, 0.25),
        ({"retry_after_ms": "250", "retry_after": "9"}, 0.25),
        ({"retry_after": "61"}, None),
        ({"retry_after": "0"}, None),
        ({"retry_after": "-3"}, None),
        ({"retry_after": "soon"}, None),
        ({"retry_after_ms": "x"}, None),
        ({}, None),
    ],
)
def test_retry_after_headers(headers: dict[str, str], expected: Optional[float]) -> None:
    """retry-after-ms wins over retry-after; only waits in (0, 60] s are honoured."""
    assert _http.retry_after(response(503, **headers)) == expected


def test_retry_after_as_an_http_date() -> None:
    """retry-after may be an HTTP date: the wait is the time until then."""
    when = email.utils.formatdate(time.time() + 10, usegmt=True)
    wait = _http.retry_after(response(429, retry_after=when))
    assert wait is not None and 8 <= wait <= 10


def test_backoff_doubles_from_half_a_second_to_eight_with_jitter() -> None:
    """Without retry-after the waits are 0.5, 1, 2, 4, 8, 8 s, each less up to 25 %."""
    retry: Retry = _http.make_retry(10)
    for expected in [0.5, 1, 2, 4, 8, 8]:
        retry = retry.increment("GET", "/", error=ConnectionResetError())
        waits = [retry.get_backoff_time() for _ in range(200)]
        assert all(0.75 * expected <= w <= expected for w in waits)
        assert max(waits) - min(waits) > 0  # jittered


def test_sleep_uses_retry_after_else_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wait before a retry is the server's retry-after when given, else the backoff."""
    waits: list[float] = []
    monkeypatch.setattr(_http, "_sleep", waits.append)
    retry = _http.make_retry(2).increment("GET", "/", error=ConnectionResetError())
    retry.sleep(response(503, retry_after="3"))  # type: ignore[arg-type]
    retry.sleep(response(503))  # type: ignore[arg-type]
    retry.sleep()
    assert waits[0] == 3.0
    assert 0.375 <= waits[1] <= 0.5 and 0.375 <= waits[2] <= 0.5


def test_a_final_response_is_handed_back_not_retried() -> None:
    """A 404 (or x-should-retry: false) ends the retries at once."""
    retry = _http.make_retry(2)
    assert retry.is_retry("GET", 404)
    with pytest.raises(MaxRetryError):
        retry.increment("GET", "/", response=response(404))
    with pytest.raises(MaxRetryError):
        retry.increment("GET", "/", response=response(503, x_should_retry="false"))


def test_max_retries_zero_disables_retries() -> None:
    """With max_retries=0 no status is retried and the first error is final."""
    retry = _http.make_retry(0)
    assert not retry.is_retry("GET", 503)
    with pytest.raises(MaxRetryError):
        retry.increment("GET", "/", error=ConnectionResetError())


def test_the_budget_is_max_retries() -> None:
    """Two retries allowed: the third failure is final."""
    retry: Retry = _http.make_retry(2)
    retry = retry.increment("GET", "/", response=response(503))  # type: ignore[arg-type]
    retry = retry.increment("GET", "/", response=response(503))  # type: ignore[arg-type]
    with pytest.raises(MaxRetryError):
        retry.increment("GET", "/", response=response(503))  # type: ignore[arg-type]
