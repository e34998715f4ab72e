"""``--lifecycle`` and ``--workspace-id``: read from the spec, sent to the server, never filtered
on the client; the default view leaves retired models out."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from anthropic_models.cli import build_parser
from anthropic_models_generated import transport
from tests.cli.fake_api import CATALOGUE, FakeAPI, Run

STAGES: tuple[str, ...] = transport.LIST_MODELS.parameter("lifecycle").enum or ()


def _sent_stages(api: FakeAPI) -> list[list[str]]:
    return [parse_qs(urlsplit(sent.url).query).get("lifecycle[]", []) for sent in api.sent]


def test_the_choices_are_the_spec_enum_and_all() -> None:
    """--lifecycle takes the spec's stages or `all`, repeated; anything else is refused."""
    parser = build_parser()
    args = parser.parse_args(["list", "--lifecycle", "retired", "--lifecycle", STAGES[0]])
    assert args.lifecycle == ["retired", STAGES[0]]
    assert parser.parse_args(["list", "--lifecycle", "all"]).lifecycle == ["all"]
    assert parser.parse_args(["list"]).lifecycle is None


def test_an_unknown_stage_is_one_line_naming_the_choices(run: Run, api: FakeAPI) -> None:
    """A stage not in the spec is refused before sending, listing what is allowed."""
    status, out, err = run("list", "--lifecycle", "sunset")
    assert status == 2 and out == "" and api.sent == []
    assert len(err.splitlines()) == 1
    assert "--lifecycle: must be one of active, deprecated, retired, not 'sunset'" in err
    assert all(stage in err for stage in (*STAGES, "(or all)"))


def test_without_lifecycle_nothing_is_sent_and_retired_models_stay_out(
    run: Run, api: FakeAPI
) -> None:
    """The default view is the server's: no lifecycle[] on the wire, no retired model shown."""
    status, out, _ = run("list", "--all", "--json")
    assert status == 0 and _sent_stages(api) == [[]]
    assert "retired" not in {m["lifecycle"] for m in json.loads(out)}


@pytest.mark.parametrize(
    ("given", "sent"),
    [
        (["retired"], ["retired"]),
        (["retired", "active", "retired"], ["active", "retired"]),
        (["all"], list(STAGES)),
        (["deprecated", "all"], list(STAGES)),
    ],
)
def test_stages_are_sent_to_the_server(
    run: Run, api: FakeAPI, given: list[str], sent: list[str]
) -> None:
    """The stages go to the server as lifecycle[] (in the spec's order, once each)."""
    argv = ["list", "--all", "--json"]
    for stage in given:
        argv += ["--lifecycle", stage]
    status, out, _ = run(*argv)
    assert status == 0 and _sent_stages(api) == [sent]
    assert [m["id"] for m in json.loads(out)] == [
        m["id"] for m in CATALOGUE if m["lifecycle"] in sent
    ]


def test_the_filter_is_kept_across_pages(run: Run, api: FakeAPI) -> None:
    """A one-page list under a filter says how to get the next page under the same filter."""
    status, out, _ = run("list", "--limit", "1", "--lifecycle", "retired", "--lifecycle", "active")
    assert status == 0
    assert out.splitlines()[-1] == (
        "(more: anthropic-models list --limit 1 --lifecycle active --lifecycle retired "
        "--after-id claude-new)"
    )


def test_line_and_capability_search_the_requested_stages(run: Run, api: FakeAPI) -> None:
    """--line with --lifecycle asks the server for those stages and filters the line."""
    status, out, _ = run("list", "--line", "opus", "--lifecycle", "all", "--json")
    assert status == 0 and all(stages == list(STAGES) for stages in _sent_stages(api))
    assert [m["id"] for m in json.loads(out)] == ["claude-mid", "claude-old"]


def test_workspace_id_is_sent_on_every_request(run: Run, api: FakeAPI) -> None:
    """--workspace-id becomes the anthropic-workspace-id header of each request."""
    assert run("list", "--workspace-id", "wrkspc_01")[0] == 0
    assert run("get", "claude-new", "--workspace-id", "wrkspc_01")[0] == 0
    assert [sent.headers.get("anthropic-workspace-id") for sent in api.sent] == ["wrkspc_01"] * 2
