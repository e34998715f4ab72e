"""The peers script without Prism: its kit runner, its reading of a stopped peer, its table, and the
spec's error examples that an example-serving mock answers with."""

from __future__ import annotations

from pathlib import Path

import pytest

from anthropic_models.conformance.pages import ERROR_TYPES
from anthropic_models_generated.spec import SPEC
from tests.conformance import peers
from tests.conformance.independent import DIFFERENT, IndependentApp, make_models
from tests.conformance.sockets import MisbehavingServer


def test_every_documented_error_has_its_own_example_type() -> None:
    """Each error response of each operation has an example whose error.type is its status's."""
    rows = peers.documented_errors()
    statuses = {
        int(status)
        for item in SPEC["paths"].values()
        for status in item["get"]["responses"]
        if int(status) >= 400
    }
    assert {status for _, _, status, _ in rows} == statuses
    assert len(rows) == 2 * len(statuses)
    for operation, _, status, example in rows:
        assert example in ERROR_TYPES[status], (operation, status, example)
    by_status = {status: example for _, _, status, example in rows}
    assert len(set(by_status.values())) >= len(statuses) - 1  # 500 and 503 are both api_error


@pytest.mark.integration
def test_the_kit_runner_reads_a_peer_that_dies_and_one_that_differs(tmp_path: Path) -> None:
    """run_kit reports the counts and findings of a real run; a peer that dies names the check."""
    dying = IndependentApp(make_models(15), api_key=peers.KEY)
    with MisbehavingServer(
        dying, die=lambda target: target.lower().startswith("/v1/models/%ff")
    ) as server:
        run = peers.run_kit(server.url, "dying", tmp_path)
    assert run.crashed is None and run.exit_code == 1
    assert peers.stopping_check(run) == "robustness"
    assert "not run" in run.counts
    different = IndependentApp(make_models(15), api_key=peers.KEY, choices=DIFFERENT)
    with MisbehavingServer(different) as server:
        run = peers.run_kit(server.url, "different", tmp_path)
    assert (run.exit_code, run.crashed) == (0, None)
    assert run.findings and all(f.startswith("warned ") for f in run.findings)
    text = peers.table([run], [("list_models", 404, "404 not_found_error", True)], 1.0)
    assert "| conformance kit | different | " in text
    assert "warn (spec): " in text
    assert "1 of 1 answered with their own `error.type`" in text


def test_a_crash_is_told_apart_from_a_verdict() -> None:
    """A tool that exits outside its documented statuses is shown as CRASHED in the table."""
    crashed = peers.Run("conformance kit", "peer", 0.5, 120, "-", (), crashed="Traceback ...")
    assert "**CRASHED**: Traceback" in peers.table([crashed], [], 1.0)
