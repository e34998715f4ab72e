"""Authentication: no key and a made-up key are refused with 401; both schemes are accepted;
malformed credentials are the client's error, never a crash."""

from __future__ import annotations

from typing import Union

from anthropic_models.conformance.pages import read_error, read_page, said
from anthropic_models.conformance.registry import Context, Failure, Inconclusive, Level, Skip, check
from anthropic_models.conformance.target import MADE_UP_KEY, Credential, Exchange, NoAnswer

_SECURITY = (
    "API contract: the key as `x-api-key` (documented) or `Authorization: Bearer` (what the "
    "official SDK sends)"
)
_UNAUTHORIZED = "a missing or invalid key is a 401 `authentication_error`"

LONG_KEY_BYTES = 8 * 1024
_DISAGREEING = "x-api-key and Bearer disagreeing"

_MADE_UP = (
    Credential("x-api-key", MADE_UP_KEY, "made-up x-api-key"),
    Credential("bearer", MADE_UP_KEY, "made-up bearer"),
)


def _some_model(ctx: Context) -> str:
    """A model id to retrieve: the first listed one, or a well-known id without a catalogue."""
    try:
        ids = ctx.catalogue.ids
    except (Skip, Inconclusive):
        ids = ()
    return ids[0] if ids else "claude-sonnet-4-5"


@check(
    "auth-missing",
    f"{_SECURITY}; {_UNAUTHORIZED}",
    level=Level.CONTRACT,
    rules=("#/components/securitySchemes", "#/components/responses/Unauthorized"),
    needs_catalogue=False,
)
def auth_missing(ctx: Context) -> str:
    """A request without credentials gets 401 ``authentication_error`` (not 400, not 200)."""
    none = Credential("none")
    for exchange in (
        ctx.target.list_models(credential=none),
        ctx.target.get_model(_some_model(ctx), credential=none),
    ):
        if 200 <= exchange.status < 300:
            raise Failure(
                f"no credentials gave {exchange.status}: the target lets anyone in", exchange
            )
        if exchange.status == 400:
            raise Failure(
                "no credentials gave 400, expected 401: a missing key is an authentication_error, "
                "not a bad request",
                exchange,
            )
        read_error(exchange, 401)
    return "no credentials gave 401 authentication_error on both operations"


def _made_up_answers(ctx: Context) -> list[Exchange]:
    """The answers to the made-up key in both schemes, asked once per run."""
    answers: list[Exchange] = ctx.memo(
        "made-up",
        lambda: [ctx.target.list_models(limit=1, credential=made_up) for made_up in _MADE_UP],
    )
    return answers


def _accepts_any_key(ctx: Context) -> bool:
    return any(200 <= exchange.status < 300 for exchange in _made_up_answers(ctx))


@check(
    "auth-any-key",
    f"{_SECURITY}; {_UNAUTHORIZED}. A target that accepts any key lets anyone in (the real API "
    "refuses made-up keys; a mock that accepts any key by design can skip this check)",
    level=Level.CONTRACT,
    rules=("#/components/securitySchemes", "#/components/responses/Unauthorized"),
    needs_catalogue=False,
)
def auth_any_key(ctx: Context) -> str:
    """A made-up key is refused: a target that accepts it accepts any key."""
    for exchange in _made_up_answers(ctx):
        if 200 <= exchange.status < 300:
            raise Failure(
                f"accepts any key: a {exchange.request.auth} got {exchange.status}", exchange
            )
    return "a made-up key was refused in both schemes"


@check(
    "auth-wrong-key",
    f"{_SECURITY}; {_UNAUTHORIZED}",
    level=Level.CONTRACT,
    rules=("#/components/securitySchemes", "#/components/responses/Unauthorized"),
    needs_catalogue=False,
)
def auth_wrong_key(ctx: Context) -> str:
    """A refused made-up key is refused with 401 ``authentication_error`` (not 400, 403 or 5xx)."""
    answers = _made_up_answers(ctx)
    if all(200 <= exchange.status < 300 for exchange in answers):
        raise Skip("the target accepts any key (see auth-any-key)")
    for exchange in answers:
        if not 200 <= exchange.status < 300:
            read_error(exchange, 401)
    return "a made-up key gave 401 authentication_error in both schemes"


@check(
    "auth-schemes",
    _SECURITY,
    level=Level.CONTRACT,
    safe=True,
    rules=("#/components/securitySchemes",),
    needs_catalogue=False,
)
def auth_schemes(ctx: Context) -> str:
    """The key is accepted both as ``x-api-key`` and as ``Authorization: Bearer``."""
    target = ctx.target
    credentials: list[Credential] = []
    if target.api_key:
        credentials += [
            Credential("x-api-key", target.api_key),
            Credential("bearer", target.api_key),
        ]
    if target.auth_token:
        credentials.append(Credential("bearer", target.auth_token, "bearer token"))
    for credential in credentials:
        exchange = target.list_models(limit=1, credential=credential)
        if exchange.status != 200:
            raise Failure(
                f"the {credential.name} scheme is refused ({exchange.status}{said(exchange)}); "
                "the spec accepts x-api-key and Authorization: Bearer",
                exchange,
            )
        read_page(exchange)
    names = ", ".join(credential.name for credential in credentials)
    if not target.api_key:
        return f"accepted: {names} (x-api-key not tried: an OAuth token need not work there)"
    return f"accepted: {names}"


def _hostile_credentials(ctx: Context) -> list[Credential]:
    target = ctx.target
    key = target.api_key or target.auth_token or MADE_UP_KEY
    mixed: tuple[tuple[str, Union[str, bytes]], ...]
    if target.api_key:
        mixed = (("x-api-key", key), ("authorization", f"Bearer {MADE_UP_KEY}"))
    else:
        mixed = (("x-api-key", MADE_UP_KEY), ("authorization", f"Bearer {key}"))
    non_ascii = "sk-ant-cl\u00e9-\u200b-\u6a21\u578b-0000".encode()
    long_key = "sk-ant-" + "k" * (LONG_KEY_BYTES - len("sk-ant-"))
    return [
        # The one place the kit sends an empty Bearer: a real gateway answered it with a 500.
        Credential("raw", label="an empty Bearer", raw=(("authorization", "Bearer "),)),
        Credential("raw", label="an empty x-api-key", raw=(("x-api-key", ""),)),
        Credential("raw", label=_DISAGREEING, raw=mixed),
        Credential("raw", label="a non-ASCII key (UTF-8 bytes)", raw=(("x-api-key", non_ascii),)),
        Credential("raw", label="an 8 KB key", raw=(("x-api-key", long_key),)),
    ]


@check(
    "auth-hostile",
    "HTTP robustness: a malformed credential (empty Bearer, empty x-api-key, two disagreeing "
    "headers, a non-ASCII key, an 8 KB key) is the client's error: never a 5xx or a dropped "
    "connection, an error answer has the error body, and an empty credential lets nobody in. "
    "Which of two disagreeing credentials wins is not documented: either answer is accepted",
    level=Level.HYGIENE,
    needs_catalogue=False,
)
def auth_hostile(ctx: Context) -> str:
    """Malformed credentials never give a 5xx; every case is evaluated and reported."""
    statuses: list[str] = []
    problems: list[tuple[str, Exchange]] = []
    # A target that accepts any key (a mock by design) may accept any non-empty one too: then only
    # the empty credentials must be refused, and nothing may crash it.
    any_key = _accepts_any_key(ctx)
    for credential in _hostile_credentials(ctx):
        empty = credential.name.startswith("an empty")
        try:
            exchange = ctx.target.get_raw("/v1/models", [("limit", "1")], credential=credential)
        except NoAnswer as exc:
            raise NoAnswer(exc.request, f"{credential.name}: {exc.reason}") from None
        statuses.append(f"{credential.name}: {exchange.status}")
        if exchange.status >= 500:
            problems.append(
                (
                    f"{credential.name} crashed the target ({exchange.status}{said(exchange)})",
                    exchange,
                )
            )
        elif 200 <= exchange.status < 300:
            if empty:
                problems.append((f"{credential.name} was let in ({exchange.status})", exchange))
            elif credential.name == _DISAGREEING:
                statuses[-1] += " (one of the two headers won: not documented, not a finding)"
            elif any_key:
                statuses[-1] += " (the target accepts any key)"
            else:
                problems.append(
                    (f"{credential.name} gave {exchange.status}, expected 401 (or 400)", exchange)
                )
        else:
            try:
                read_error(exchange)
            except Failure as failure:
                problems.append((f"{credential.name}: {failure.reason}", exchange))
    if problems:
        raise Failure(
            f"{len(problems)} of {len(statuses)} malformed credentials: "
            + "; ".join(problem for problem, _ in problems),
            problems[0][1],
        )
    return "; ".join(statuses)
