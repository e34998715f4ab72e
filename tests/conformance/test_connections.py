"""Trustworthy verdicts over real connections: one retry on a dropped connection, a dead target stops."""

from __future__ import annotations

import http.client
import json
import socket
from typing import Any
from urllib.parse import urlsplit

import pytest
from urllib3.exceptions import MaxRetryError, NewConnectionError, ProtocolError

from anthropic_models.conformance import CHECKS, Status, Target, run_conformance
from anthropic_models.conformance.target import NoAnswer, dropped_before_answer
from anthropic_models_generated.transport import BodyInterrupted
from tests.conformance.hostile import HostileTarget, answer
from tests.conformance.independent import IndependentApp, make_models
from tests.conformance.sockets import MisbehavingServer
from tests.fakes import FakePool, FakeResponse
from tests.server.wsgi import call

KEY = "sk-ant-connections-" + "n" * 24
PAGE = b'{"data":[],"first_id":null,"last_id":null,"has_more":false}'


def app() -> IndependentApp:
    """A correct target."""
    return IndependentApp(make_models(20), api_key=KEY)


def aborted() -> ProtocolError:
    """What urllib3 raises when a kept-alive connection was closed before any answer."""
    return ProtocolError(
        "Connection aborted.", http.client.RemoteDisconnected("closed without response")
    )


@pytest.mark.integration
def test_a_gateway_closing_kept_alive_connections_after_errors_still_passes() -> None:
    """Each request that meets a connection closed after an error is retried once, and says so."""
    with MisbehavingServer(app(), drop_after_error=True) as server:
        report = run_conformance(server.url, api_key=KEY, strict=True, timeout=5)
    assert server.dropped > 0
    assert report.exit_code == 0, report.to_text()
    assert report.retried == server.dropped
    noted = [r for r in report.results if r.retried]
    assert noted and all(
        "retried once on a fresh connection" in n for r in noted for n in r.retried
    )
    assert "sent twice after a dropped connection" in report.to_text().splitlines()[0]
    assert json.loads(report.to_json())["retried"] == report.retried


@pytest.mark.integration
def test_a_target_resetting_a_request_every_time_fails_that_check_only() -> None:
    """A request reset on the retry too fails its check (no answer); the run goes on."""
    target = app()
    first = target.models[0]["id"]
    with MisbehavingServer(target, reset=lambda t: t == f"/v1/models/{first}") as server:
        report = run_conformance(
            server.url, api_key=KEY, only=["get-model", "not-found"], timeout=5
        )
    result = report.result("get-model")
    assert result.status is Status.FAILED
    assert result.reason.startswith("no answer (hygiene: a dropped request)")
    assert "and before it, on another connection" in result.reason
    assert result.retried and result.evidence.endswith("-> no answer")
    assert report.result("not-found").status is Status.PASSED
    assert report.stopped is None and report.exit_code == 1


@pytest.mark.integration
def test_a_target_that_dies_stops_the_run_and_names_the_requests() -> None:
    """A target dying on a hostile request: the failure names the last answered and first unanswered
    requests; the checks after it are not run (not failed), still listed in run order."""
    with MisbehavingServer(app(), die=lambda t: "after_id=%00" in t) as server:
        report = run_conformance(server.url, api_key=KEY, timeout=5)
    robustness = report.result("robustness")
    assert robustness.status is Status.FAILED
    assert robustness.reason.startswith("the target stopped answering")
    assert "the last request answered was GET /v1/models?before_id=" in robustness.reason
    assert "the first without an answer was GET /v1/models?after_id=%00" in robustness.reason
    names = [r.name for r in report.results]
    assert names == ["discovery", *CHECKS]
    after = names[names.index("robustness") + 1 :]
    assert after and all(report.result(n).status is Status.NOT_RUN for n in after)
    assert report.failed_names == {"robustness"}
    assert report.exit_code == 1
    assert "the run stopped: the target stopped answering during robustness" in report.verdict


def _fake(answers: list[Any], **options: Any) -> tuple[Target, FakePool]:
    pool = FakePool(answers=answers)
    return Target("http://fake.test", api_key=KEY, pool=pool, **options), pool


def _ok() -> FakeResponse:
    return FakeResponse(200, PAGE, {"content-type": "application/json", "request-id": "r"})


def test_a_dropped_connection_is_retried_once_and_recorded() -> None:
    """A connection closed before any answer is retried once on a fresh connection, and noted."""
    target, pool = _fake([MaxRetryError(None, "/v1/models", aborted()), _ok()])  # type: ignore[arg-type]
    exchange = target.list_models(limit=1)
    assert exchange.status == 200 and exchange.retried is not None
    assert "RemoteDisconnected" in exchange.retried
    assert (target.sent, len(pool.sent), len(target.retries)) == (2, 2, 1)
    assert str(target.retries[0]).startswith("GET /v1/models?limit=1 (x-api-key) retried once")


def test_a_second_drop_is_no_answer_naming_both() -> None:
    """A target that drops the retry too gets NoAnswer, whose reason names both attempts."""
    target, _ = _fake([aborted(), ConnectionResetError(104, "reset")])
    with pytest.raises(NoAnswer, match=r"reset.*and before it, on another connection"):
        target.list_models()


@pytest.mark.parametrize(
    "error",
    [
        NewConnectionError(None, "refused"),  # type: ignore[arg-type]
        BodyInterrupted("body interrupted (reset)"),
        TimeoutError("timed out"),
    ],
    ids=["refused", "body-cut", "timeout"],
)
def test_other_errors_are_not_retried(error: Exception) -> None:
    """A refused connection, a timeout or an answer cut after it started is not sent again."""
    target, pool = _fake([error, _ok()])
    with pytest.raises(NoAnswer):
        target.list_models()
    assert (target.sent, len(pool.sent)) == (1, 1)
    assert not dropped_before_answer(error)


def test_a_retry_needs_budget() -> None:
    """With no request left in the budget, a dropped connection is not retried."""
    target, pool = _fake([aborted(), _ok()], max_requests=1)
    with pytest.raises(NoAnswer):
        target.list_models()
    assert len(pool.sent) == 1


def test_a_retry_within_a_wrapped_error_is_recognised() -> None:
    """A reset wrapped by urllib3 (MaxRetryError, ProtocolError) is a drop; one raised while
    handling another (an unrelated context) is not."""
    wrapped = MaxRetryError(None, "/v1/models", ProtocolError("aborted", ConnectionResetError()))  # type: ignore[arg-type]
    assert dropped_before_answer(wrapped)

    def refuse_while_handling_a_reset() -> None:
        try:
            raise ConnectionResetError("earlier")
        except ConnectionResetError:
            raise NewConnectionError(None, "refused") from None  # type: ignore[arg-type]

    with pytest.raises(NewConnectionError) as raised:
        refuse_while_handling_a_reset()
    assert raised.value.__context__ is not None
    assert not dropped_before_answer(raised.value)


def test_the_retry_goes_out_on_fresh_connections() -> None:
    """Before the retry the target's own pool drops its idle connections."""
    cleared: list[bool] = []

    class Pool(FakePool):
        def clear(self) -> None:
            cleared.append(True)

    pool = Pool(answers=[aborted(), _ok()])
    target = Target("http://fake.test", api_key=KEY, pool=pool)
    target.list_models()
    assert cleared == [True]


def _recording_proxy(seen: list[str]) -> HostileTarget:
    """A forward proxy on 127.0.0.1 that records each absolute request target and answers it as
    the independent implementation would."""
    app = IndependentApp(make_models(6), api_key=KEY)

    def script(target: HostileTarget, conn: socket.socket, path: str, h: dict[str, str]) -> None:
        seen.append(path)
        parts = urlsplit(path)
        got = call(
            app, parts.path + (f"?{parts.query}" if parts.query else ""), key=None, headers=h
        )
        answer(conn, got.status, got.body, **{"request-id": "req_proxy"})

    return HostileTarget(script)


@pytest.mark.integration
@pytest.mark.parametrize("how", ["environment", "option"])
def test_the_kit_goes_through_the_proxy_the_client_would_use(
    how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """proxy= sends every request through the proxy, password never shown; HTTP_PROXY does not
    apply to a loopback target (the client's rule: a key for loopback never reaches a proxy)."""
    seen: list[str] = []
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    with _recording_proxy(seen) as proxy, MisbehavingServer(app()) as server:
        proxy_url = proxy.url.replace("http://", "http://user:proxy-pass-123@")
        options: dict[str, Any] = {"only": ["order"], "timeout": 5}
        if how == "environment":
            monkeypatch.setenv("HTTP_PROXY", proxy_url)
        else:
            options["proxy"] = proxy_url
        report = run_conformance(server.url, api_key=KEY, **options)
        assert report.exit_code == 0, report.to_text()
        assert "proxy-pass-123" not in report.to_json()
        if how == "environment":
            assert seen == []  # 127.0.0.1 bypasses a proxy taken from the environment
        else:
            assert seen and all(path.startswith(server.url + "/v1/models") for path in seen)
