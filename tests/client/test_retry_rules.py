"""The retry policy: one decision function and its table, and the client's one loop around it."""

from __future__ import annotations

import email.utils
import json
from typing import Optional

import pytest
from urllib3.exceptions import NewConnectionError, ProtocolError

from anthropic_models import ModelsClient, _retry, errors
from anthropic_models._retry import Decision, RetryPolicy, retry_after
from tests.fakes import FakePool, FakeResponse

NO_JITTER = RetryPolicy(max_retries=2, max_retry_wait=60.0, random=lambda: 0.0)


@pytest.mark.parametrize(
    ("attempt", "status", "headers", "expected"),
    [
        # Retried statuses, with the backoff when the server names no wait.
        (0, 408, {}, Decision(retry=True, wait=0.5)),
        (0, 409, {}, Decision(retry=True, wait=0.5)),
        (0, 429, {}, Decision(retry=True, wait=0.5)),
        (1, 500, {}, Decision(retry=True, wait=1.0)),
        (0, 502, {}, Decision(retry=True, wait=0.5)),
        (0, 503, {}, Decision(retry=True, wait=0.5)),
        (0, 504, {}, Decision(retry=True, wait=0.5)),
        (0, 529, {}, Decision(retry=True, wait=0.5)),
        # Not retried.
        (0, 400, {}, Decision(retry=False)),
        (0, 401, {}, Decision(retry=False)),
        (0, 402, {}, Decision(retry=False)),
        (0, 403, {}, Decision(retry=False)),
        (0, 404, {}, Decision(retry=False)),
        (0, 422, {}, Decision(retry=False)),
        # x-should-retry overrides the status, both ways.
        (0, 400, {"x-should-retry": "true"}, Decision(retry=True, wait=0.5)),
        (0, 503, {"x-should-retry": "false"}, Decision(retry=False)),
        # The server's wait is honoured up to max_retry_wait...
        (0, 429, {"retry-after": "2"}, Decision(retry=True, wait=2.0, retry_after=2.0)),
        (0, 429, {"retry-after": "60"}, Decision(retry=True, wait=60.0, retry_after=60.0)),
        (0, 503, {"retry-after-ms": "250"}, Decision(retry=True, wait=0.25, retry_after=0.25)),
        # ...and a longer one stops at once instead of hammering with a short backoff.
        (0, 429, {"retry-after": "61"}, Decision(retry=False, retry_after=61.0)),
        (0, 529, {"retry-after-ms": "3600000"}, Decision(retry=False, retry_after=3600.0)),
        # A wait that is not positive, or not a number, falls back to the backoff.
        (0, 503, {"retry-after": "0"}, Decision(retry=True, wait=0.5)),
        (0, 503, {"retry-after": "-3"}, Decision(retry=True, wait=0.5)),
        (0, 503, {"retry-after": "soon"}, Decision(retry=True, wait=0.5)),
        (0, 503, {"retry-after": "nan"}, Decision(retry=True, wait=0.5)),
        # Out of retries: stop, still telling the caller what the server asked for.
        (2, 503, {}, Decision(retry=False)),
        (2, 429, {"retry-after": "5"}, Decision(retry=False, retry_after=5.0)),
        # The backoff doubles up to 8 s.
        (2, 500, {}, Decision(retry=False)),
    ],
)
def test_decisions_after_an_answer(
    attempt: int, status: int, headers: dict[str, str], expected: Decision
) -> None:
    """Each status and header combination gets the decision of the policy's table."""
    assert NO_JITTER.decide(attempt, status=status, headers=headers) == expected


@pytest.mark.parametrize(
    ("attempt", "expected"),
    [
        (0, Decision(retry=True, wait=0.5)),
        (1, Decision(retry=True, wait=1.0)),
        (2, Decision(False)),
    ],
)
def test_decisions_after_a_failure(attempt: int, expected: Decision) -> None:
    """A refused, reset or timed-out attempt is retried with the backoff while retries remain."""
    assert NO_JITTER.decide(attempt, failed=True) == expected


def test_backoff_doubles_up_to_eight_seconds_less_jitter() -> None:
    """0.5 s doubling to at most 8 s, and up to 25 % less with jitter."""
    policy = RetryPolicy(max_retries=10, random=lambda: 0.0)
    assert [policy.backoff(n) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    jittered = RetryPolicy(max_retries=10, random=lambda: 1.0)
    assert jittered.backoff(0) == 0.375


def test_retry_after_as_an_http_date() -> None:
    """retry-after may be an HTTP date: the wait is the time until then."""
    when = email.utils.formatdate(1_000_030, usegmt=True)
    assert retry_after({"retry-after": when}, now=lambda: 1_000_000.0) == pytest.approx(30.0)


# -- the client's loop around the policy ------------------------------------------------------------

BODY = json.dumps({"data": [], "first_id": None, "last_id": None, "has_more": False}).encode()


def answer(status: int, **headers: str) -> FakeResponse:
    """A response with a status, the error shape for errors, and these headers."""
    body = (
        BODY
        if status < 400
        else json.dumps({"type": "error", "error": {"type": "x", "message": "m"}}).encode()
    )
    return FakeResponse(status, body, {k.replace("_", "-"): v for k, v in headers.items()})


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits between attempts, recorded instead of slept."""
    recorded: list[float] = []
    monkeypatch.setattr(_retry, "_sleep", recorded.append)
    return recorded


def client(pool: FakePool, **options: object) -> ModelsClient:
    """A client on the fake pool."""
    return ModelsClient(api_key="sk-test-key", base_url="https://h.test", pool=pool, **options)  # type: ignore[arg-type]


def test_the_loop_retries_a_status_then_succeeds(waits: list[float]) -> None:
    """A 503 then a 200: two requests, one wait of the server's choosing."""
    pool = FakePool([answer(503, retry_after="1.5"), answer(200)])
    assert client(pool).list_models().has_more is False
    assert len(pool.sent) == 2 and waits == [1.5]


def test_the_loop_retries_failures_and_body_errors(waits: list[float]) -> None:
    """A refused connection, then a body cut short, then a whole answer: three attempts."""
    cut = FakeResponse(200, BODY, {}, fail_after=ProtocolError("reset"), chunk=4)
    cut.body = BODY[:10]
    refused = NewConnectionError(None, "refused")  # type: ignore[arg-type]
    pool = FakePool([refused, cut, answer(200)])
    assert client(pool).list_models().first_id is None
    assert len(pool.sent) == 3 and len(waits) == 2


def test_a_wait_longer_than_max_retry_wait_raises_at_once(waits: list[float]) -> None:
    """retry-after 120 with max_retry_wait 60: one request, no sleep, retry_after on the error."""
    pool = FakePool([answer(429, retry_after="120")])
    with pytest.raises(errors.RateLimitError) as info:
        client(pool).list_models()
    assert info.value.retry_after == 120.0
    assert "wait 120 s" in str(info.value)
    assert len(pool.sent) == 1 and waits == []


def test_max_retry_wait_is_an_option(waits: list[float]) -> None:
    """With max_retry_wait=300 the same 120 s wait is slept and the call retried."""
    pool = FakePool([answer(429, retry_after="120"), answer(200)])
    client(pool, max_retry_wait=300).list_models()
    assert waits == [120.0]


def test_retries_run_out_into_the_status_error(waits: list[float]) -> None:
    """max_retries=2 makes three attempts, then raises the last status's error."""
    pool = FakePool([answer(529), answer(529), answer(529)])
    with pytest.raises(errors.OverloadedError):
        client(pool).list_models()
    assert len(pool.sent) == 3 and len(waits) == 2


def test_urllib3_is_told_not_to_retry(waits: list[float]) -> None:
    """The loop is the only one: every attempt goes to urllib3 with retries=False."""
    pool = FakePool([answer(200)])
    client(pool).list_models()
    assert pool.sent[0].options["retries"] is False


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), "60", True])
def test_max_retry_wait_must_be_a_positive_finite_number(bad: Optional[object]) -> None:
    """A max_retry_wait that is not a positive finite number is refused at construction."""
    with pytest.raises(errors.InvalidArgumentError, match="max_retry_wait"):
        client(FakePool([]), max_retry_wait=bad)
