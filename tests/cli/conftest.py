"""The command line in-process against the fake API: the ``api`` and ``run`` fixtures."""

from __future__ import annotations

import functools

import pytest

from anthropic_models import cli
from anthropic_models.cli import _commands
from anthropic_models.client import ModelsClient
from tests.cli.fake_api import KEY, FakeAPI, Run


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> FakeAPI:
    """The fake API, answering every client the CLI makes."""
    fake = FakeAPI()
    monkeypatch.setattr(_commands, "ModelsClient", functools.partial(ModelsClient, pool=fake.pool))
    monkeypatch.setenv("ANTHROPIC_API_KEY", KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.delenv("ANTHROPIC_AUTH_TOKEN", raising=False)
    return fake


@pytest.fixture
def run(api: FakeAPI, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the CLI in-process; returns (status, stdout, stderr), checking no key leaked."""

    def invoke(*argv: str) -> tuple[int, str, str]:
        status = cli.main(list(argv))
        out, err = capsys.readouterr()
        assert KEY not in out + err
        assert "Traceback" not in err
        return status, out, err

    return invoke
