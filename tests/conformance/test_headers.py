"""Extra headers, hostile credentials, and what a report may show: no secret, no raw control character."""

from __future__ import annotations

import json
from typing import Any, Optional

import pytest

from anthropic_models.conformance import Status, Target, run_conformance
from anthropic_models.conformance.report import CheckResult, Report, escape_controls
from anthropic_models.conformance.target import Credential, extra_headers, is_secret_header
from tests.conformance.independent import IndependentApp, make_models
from tests.conformance.wsgi_pool import wsgi_pool
from tests.fakes import FakeResponse, Sent

KEY = "sk-ant-headers-" + "h" * 24
PROXY_KEY = "pk-gateway-" + "g" * 24
URL = "http://gateway.test"


class ProxyGate(IndependentApp):
    """A gateway that needs its own ``x-proxy-key`` beside the API key, and echoes it in errors."""

    def answer(self, environ: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        sent = environ.get("HTTP_X_PROXY_KEY")
        if sent != PROXY_KEY:
            return 401, self.error("authentication_error", f"bad proxy key {sent!r}")
        status, body = super().answer(environ)
        if status >= 400:
            body["error"]["message"] += f" (proxy key {sent})"
        return status, body


def app() -> IndependentApp:
    """A correct target."""
    return IndependentApp(make_models(20), api_key=KEY)


def test_a_gateway_needing_its_own_header_is_tested_and_its_value_never_shown() -> None:
    """headers= reaches every request (no-credential ones too); a secret value is in no report."""
    pool = wsgi_pool(ProxyGate(make_models(20), api_key=KEY))
    report = run_conformance(
        URL, api_key=KEY, pool=pool, headers=[("X-Proxy-Key", PROXY_KEY), ("x-tenant", "acme")]
    )
    assert report.exit_code == 0, report.to_text()
    assert all(sent.headers.get("X-Proxy-Key") == PROXY_KEY for sent in pool.sent)
    assert all(sent.headers.get("x-tenant") == "acme" for sent in pool.sent)
    assert report.headers == (("X-Proxy-Key", "[REDACTED]"), ("x-tenant", "acme"))
    for text in (report.to_text(), report.to_json(), report.to_junit_xml()):
        assert PROXY_KEY not in text and KEY not in text
    assert "with X-Proxy-Key: [REDACTED], x-tenant: acme" in report.to_text().splitlines()[0]


def test_without_its_header_the_gateway_is_untestable() -> None:
    """The same gateway without the header refuses the first request: exit 2, nothing else run."""
    report = run_conformance(
        URL, api_key=KEY, pool=wsgi_pool(ProxyGate(make_models(5), api_key=KEY))
    )
    assert report.exit_code == 2


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"x-api-key": "k"}, "is a credential"),
        ({"Authorization": "Bearer k"}, "is a credential"),
        ({"bad name": "v"}, "not a valid header name"),
        ({"x-a": "line\r\nbreak"}, "line break or NUL"),
        ({"x-a": "\u6a21\u578b"}, "not Latin-1"),
        ([("x-a", "1"), ("X-A", "2")], "given twice"),
        ({"Host": "evil.test"}, "set by HTTP itself"),
    ],
)
def test_a_bad_header_is_refused_before_anything_is_sent(headers: Any, message: str) -> None:
    """A header the kit cannot send honestly is a ValueError naming it; nothing is sent."""
    pool = wsgi_pool(app())
    with pytest.raises(ValueError, match=message):
        run_conformance(URL, api_key=KEY, pool=pool, headers=headers)
    assert pool.sent == []


def test_a_secret_header_value_is_kept_out_of_the_error_too() -> None:
    """The error about a secret-named header's bad value does not repeat the value."""
    with pytest.raises(ValueError, match="REDACTED") as raised:
        extra_headers({"x-auth-token": "tok-\n-secret"})
    assert "secret" not in str(raised.value)


def test_secret_names() -> None:
    """Names with key, token, secret, password or cookie, and authorization, are secret."""
    secret = ["X-Proxy-Key", "x-auth-token", "x-client-secret", "Proxy-Authorization", "Cookie"]
    assert all(is_secret_header(name) for name in secret)
    assert not any(is_secret_header(name) for name in ("x-tenant", "anthropic-beta", "accept"))


def _empty_bearers(pool_sent: list[Sent]) -> list[Sent]:
    return [
        sent
        for sent in pool_sent
        if str(sent.headers.get("authorization", "x")).strip().lower() == "bearer"
    ]


def test_an_empty_bearer_is_sent_only_by_the_credential_robustness_check() -> None:
    """A whole run sends one empty ``Authorization: Bearer ``, from auth-hostile; without it, none."""
    pool = wsgi_pool(app())
    report = run_conformance(URL, auth_token=KEY, pool=pool)
    assert report.result("auth-hostile").status is Status.PASSED
    assert len(_empty_bearers(pool.sent)) == 1
    pool = wsgi_pool(app())
    run_conformance(URL, auth_token=KEY, pool=pool, skip=["auth-hostile"])
    assert _empty_bearers(pool.sent) == []
    with pytest.raises(ValueError, match="needs a token"):
        Credential("bearer", "").headers()


class CrashesOn(IndependentApp):
    """Answers 500 (or drops nothing, but crashes) on one kind of malformed credential."""

    def __init__(self, crash_on: str) -> None:
        super().__init__(make_models(10), api_key=KEY)
        self.crash_on = crash_on

    def answer(self, environ: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        raw = environ.get("HTTP_X_API_KEY", "-")  # in-process, bytes arrive as they were sent
        key = raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)
        bearer = str(environ.get("HTTP_AUTHORIZATION", "-"))
        crashed = {
            "empty-bearer": bearer.strip() == "Bearer",
            "empty-key": key == "",
            "disagreeing": key != "-" and bearer != "-",
            "non-ascii": not key.isascii(),
            "long": len(key) > 4096,
        }[self.crash_on]
        if crashed:
            return 500, self.error("api_error", "internal error")
        return super().answer(environ)


@pytest.mark.parametrize("case", ["empty-bearer", "empty-key", "disagreeing", "non-ascii", "long"])
def test_each_hostile_credential_that_crashes_the_target_fails_hygiene(case: str) -> None:
    """An empty Bearer, empty key, two disagreeing keys, a non-ASCII or 8 KB key: never a 5xx."""
    report = run_conformance(
        URL, api_key=KEY, pool=wsgi_pool(CrashesOn(case)), only=["auth-hostile"]
    )
    result = report.result("auth-hostile")
    assert result.status is Status.FAILED, report.to_text()
    assert result.level == "hygiene" and "crashed the target (500" in result.reason
    assert report.exit_code == 1


@pytest.mark.parametrize(("status", "fails"), [(403, False), (200, True)])
def test_a_hostile_credential_is_judged_on_hygiene_only(status: int, fails: bool) -> None:
    """An empty key answered 403 with the error body is reported, not a hygiene failure (hygiene:
    no 5xx, no dropped connection, the error shape); an empty key let in (200) fails."""

    def tamper(sent: Sent) -> Optional[FakeResponse]:
        if sent.headers.get("x-api-key") == "":
            if status == 200:
                return FakeResponse(200, PAGE, {"request-id": "r"})
            body = {"type": "error", "error": {"type": "permission_error", "message": "no"}}
            return FakeResponse(status, json.dumps(body).encode(), {"request-id": "r"})
        return None

    report = run_conformance(
        URL, api_key=KEY, pool=wsgi_pool(app(), tamper=tamper), only=["auth-hostile"]
    )
    result = report.result("auth-hostile")
    assert "an empty x-api-key" in result.reason and str(status) in result.reason
    assert (result.status is Status.FAILED) is fails, result.reason


PAGE = b'{"data":[],"first_id":null,"last_id":null,"has_more":false}'

ESCAPE = "\x1b]0;pwned\x07\x1b[2J"


class HostileText(IndependentApp):
    """Error messages carry terminal escape sequences."""

    @staticmethod
    def error(kind: str, message: str) -> dict[str, Any]:
        return {"type": "error", "error": {"type": kind, "message": f"{message} {ESCAPE}"}}


def test_the_text_report_escapes_control_characters_and_json_keeps_them() -> None:
    """ESC and BEL from the target are shown escaped in the text; JSON holds them exactly."""
    app = HostileText(make_models(20), api_key=KEY, choices=None)
    app.choices = type(app.choices)(unknown_cursor="404")
    report = run_conformance(URL, api_key=KEY, pool=wsgi_pool(app), only=["cursor-unknown"])
    reason = report.result("cursor-unknown").reason
    assert ESCAPE in reason
    text = report.to_text()
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in text
    assert ESCAPE in json.loads(report.to_json())["checks"][1]["reason"]


def test_escape_controls_covers_bidi_and_zero_width_and_keeps_ordinary_text() -> None:
    """Bidi overrides, zero-width marks and C1 controls are escaped; accents and CJK stay."""
    assert escape_controls("a\u202eb\u200bc\x9bd") == "a\\u202eb\\u200bc\\x9bd"
    assert escape_controls("mod\u00e8le \u6a21\u578b") == "mod\u00e8le \u6a21\u578b"
    result = CheckResult(name="x", status=Status.FAILED, reason="id \x1b[31m", rule="r")
    report = Report("http://t\x1b", "x-api-key", (result,))
    assert "\x1b" not in report.to_text()
    assert "\x1b" not in Report("http://t", "k", (), untestable="bad \x07").to_text()


def test_target_refuses_a_header_in_the_constructor_too() -> None:
    """Target checks the headers itself (the pytest helper and run_conformance share it)."""
    with pytest.raises(ValueError, match="is a credential"):
        Target(URL, api_key=KEY, headers={"X-Api-Key": "k"})
