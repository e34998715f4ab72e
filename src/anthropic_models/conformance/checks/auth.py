"""Authentication: no key and a made-up key are refused with 401; both schemes are accepted."""

from __future__ import annotations

from anthropic_models.conformance.pages import read_error, read_page, said
from anthropic_models.conformance.registry import Context, Failure, Skip, check
from anthropic_models.conformance.target import MADE_UP_KEY, Credential, Exchange

_SECURITY = (
    "openapi.yaml, security: ApiKeyAuth (`x-api-key`) or BearerAuth (`Authorization: Bearer`)"
)
_UNAUTHORIZED = (
    'responses.Unauthorized: "The API key is missing or invalid (`authentication_error`)"'
)

_MADE_UP = (
    Credential("x-api-key", MADE_UP_KEY, "made-up x-api-key"),
    Credential("bearer", MADE_UP_KEY, "made-up bearer"),
)


def _some_model(ctx: Context) -> str:
    """A model id to retrieve: the first listed one, or a well-known id without a catalogue."""
    try:
        ids = ctx.catalogue.ids
    except Skip:
        ids = ()
    return ids[0] if ids else "claude-sonnet-4-5"


@check("auth-missing", f"{_SECURITY}; {_UNAUTHORIZED}", needs_catalogue=False)
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
    return [ctx.target.list_models(limit=1, credential=made_up) for made_up in _MADE_UP]


@check(
    "auth-any-key",
    f"{_SECURITY}; {_UNAUTHORIZED}. A target that accepts any key lets anyone in (the real API "
    "refuses made-up keys; a mock that accepts any key by design can skip this check)",
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


@check("auth-wrong-key", f"{_SECURITY}; {_UNAUTHORIZED}", needs_catalogue=False)
def auth_wrong_key(ctx: Context) -> str:
    """A refused made-up key is refused with 401 ``authentication_error`` (not 400, 403 or 5xx)."""
    answers = _made_up_answers(ctx)
    if all(200 <= exchange.status < 300 for exchange in answers):
        raise Skip("the target accepts any key (see auth-any-key)")
    for exchange in answers:
        if not 200 <= exchange.status < 300:
            read_error(exchange, 401)
    return "a made-up key gave 401 authentication_error in both schemes"


@check("auth-schemes", _SECURITY, needs_catalogue=False)
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
