"""Timeouts, waits and header names at their limits, no sockets:
refused up front with a typed error naming the largest accepted value, or honoured."""

from __future__ import annotations

import json
from typing import Any

import pytest
from urllib3 import Timeout

from anthropic_models import ModelsClient, _retry, errors
from anthropic_models._http import MAX_WAIT, make_timeout, read_timeout
from anthropic_models._retry import RetryPolicy
from tests.fakes import FakePool, FakeResponse

BASE = "https://api.example.test"
PAGE = json.dumps({"data": [], "first_id": None, "last_id": None, "has_more": False}).encode()


def client(**options: Any) -> ModelsClient:
    """A client on a fake pool answering one empty page."""
    return ModelsClient(
        api_key="k", base_url=BASE, pool=FakePool([FakeResponse(200, PAGE)]), **options
    )


@pytest.mark.parametrize("timeout", [1e10, 10**400, MAX_WAIT * 2, float("inf"), -1, 0])
def test_a_timeout_beyond_the_maximum_is_refused_naming_it(timeout: object) -> None:
    """timeout=1e10 and beyond: InvalidArgumentError with the largest accepted value, no overflow."""
    with pytest.raises(errors.InvalidArgumentError, match=f"up to {MAX_WAIT:.0f}"):
        client(timeout=timeout)
    with pytest.raises(errors.InvalidArgumentError, match=f"up to {MAX_WAIT:.0f}"):
        client().list_models(timeout=timeout)  # type: ignore[arg-type]


@pytest.mark.parametrize("wait", [10**400, 1e300, MAX_WAIT + 1])
def test_a_max_retry_wait_beyond_the_maximum_is_refused(wait: object) -> None:
    """max_retry_wait=10**400 or 1e300: refused up front, the message naming the maximum."""
    with pytest.raises(
        errors.InvalidArgumentError, match=f"max_retry_wait .* up to {MAX_WAIT:.0f}"
    ):
        client(max_retry_wait=wait)


def test_the_maximum_itself_is_accepted() -> None:
    """MAX_WAIT is a valid timeout and a valid max_retry_wait."""
    made = client(timeout=MAX_WAIT, max_retry_wait=MAX_WAIT)
    assert made.timeout.connect_timeout == MAX_WAIT


def test_a_huge_cache_ttl_is_a_typed_error_not_an_overflow() -> None:
    """cache_ttl=10**400 is an InvalidArgumentError (it was an OverflowError)."""
    with pytest.raises(errors.InvalidArgumentError, match="cache_ttl"):
        client(cache_ttl=10**400)


def test_an_absurd_retry_after_stops_without_overflow(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 503 asking for retry-after 1e200 with max_retry_wait at its most: no sleep, the error."""
    waits: list[float] = []
    monkeypatch.setattr(_retry, "_sleep", waits.append)
    pool = FakePool([FakeResponse(503, b"{}", {"retry-after": "1e200"}), FakeResponse(200, PAGE)])
    made = ModelsClient(api_key="k", base_url=BASE, pool=pool, max_retry_wait=MAX_WAIT)
    with pytest.raises(errors.APIStatusError) as info:
        made.list_models()
    assert info.value.retry_after == 1e200 and waits == []


def test_a_retry_after_date_past_any_clock_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """retry-after in the year 10**20 is no date (it was an OverflowError): the usual backoff."""
    waits: list[float] = []
    monkeypatch.setattr(_retry, "_sleep", waits.append)
    far = "Fri, 31 Dec 99999999999999999999 23:59:59 GMT"
    pool = FakePool([FakeResponse(503, b"{}", {"retry-after": far}), FakeResponse(200, PAGE)])
    ModelsClient(api_key="k", base_url=BASE, pool=pool).list_models()
    assert len(waits) == 1 and 0 < waits[0] <= _retry.INITIAL_RETRY_DELAY


def test_a_policy_built_by_hand_never_asks_for_an_impossible_sleep() -> None:
    """RetryPolicy(max_retry_wait=1e300) with retry-after 1e200 stops instead of sleeping 1e200 s."""
    decision = RetryPolicy(max_retry_wait=1e300).decide(
        0, status=503, headers={"retry-after": "1e200"}
    )
    assert not decision.retry and decision.retry_after == 1e200


def test_a_total_timeout_works() -> None:
    """Timeout(total=3): the call is sent with connect and read bounded by 3 (it used to fail)."""
    pool = FakePool([FakeResponse(200, PAGE)])
    ModelsClient(api_key="k", base_url=BASE, pool=pool, timeout=Timeout(total=3)).list_models()
    sent = pool.sent[0].options["timeout"]
    assert (sent.connect_timeout, read_timeout(sent), sent.total) == (3, 3, 3)


@pytest.mark.parametrize(
    ("timeout", "expected"),
    [
        (Timeout(total=3, read=10), (3, 3, 3)),
        (Timeout(connect=2, read=10, total=5), (2, 5, 5)),
        (Timeout(connect=2, read=10), (2, 10, None)),
    ],
)
def test_total_bounds_connect_and_read(timeout: Timeout, expected: tuple[Any, ...]) -> None:
    """make_timeout takes the smaller of each bound and total."""
    made = make_timeout(timeout)
    assert (made.connect_timeout, read_timeout(made), made.total) == expected


@pytest.mark.parametrize(
    "timeout",
    [Timeout(connect=None, read=None), Timeout(connect=5), Timeout(read=5), Timeout()],
)
def test_a_timeout_that_waits_forever_is_refused(timeout: Timeout) -> None:
    """A Timeout leaving connect or read unbounded is refused: never wait forever."""
    with pytest.raises(errors.InvalidArgumentError, match="unbounded"):
        client(timeout=timeout)


@pytest.mark.parametrize(
    "name", ["x-clé", "bad name", "x:y", "", "x\r\ny", "\udcff", "x(y)", "é" * 300]
)
def test_an_invalid_header_name_is_a_typed_error_without_the_value(name: str) -> None:
    """extra_headers with a name that is no token: InvalidArgumentError, the secret value unseen."""
    with pytest.raises(errors.InvalidArgumentError, match=r"header name|non-empty") as info:
        client().list_models(extra_headers={name: "sk-secret-value"})
    assert "sk-secret-value" not in str(info.value)
    assert len(str(info.value)) < 300


def test_a_valid_token_header_name_is_sent() -> None:
    """Every token character is allowed in a name."""
    pool = FakePool([FakeResponse(200, PAGE)])
    ModelsClient(api_key="k", base_url=BASE, pool=pool).list_models(
        extra_headers={"X-Odd!#$%&'*+.^_`|~1": "v"}
    )
    assert pool.sent[0].headers["x-odd!#$%&'*+.^_`|~1"] == "v"
