"""The collector pause around a large decode: scoped, restored on every path, never leaked."""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Iterator
from typing import Any, Union

import pytest

from anthropic_models import _codec
from anthropic_models.errors import ResponseValidationError
from anthropic_models_generated import models
from tests.conftest import load_fixture


def _page(at_least: int) -> bytes:
    """A valid list page of today's shape, its models repeated until it has ``at_least`` bytes."""
    page: dict[str, Any] = load_fixture("current_list_response.json")
    one = json.dumps(page["data"][0]).encode()
    page["data"] = page["data"] * (at_least // len(one) + 1)
    return json.dumps(page).encode()


LARGE = _page(_codec.PAUSE_GC_FROM)
SMALL = json.dumps(load_fixture("current_list_response.json")).encode()


@pytest.fixture
def enabled() -> Iterator[None]:
    """The collector enabled during the test, and as it was afterwards."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the collector was enabled each time a body was parsed."""
    states: list[bool] = []
    parse = _codec.loads

    def spy(body: Union[bytes, str]) -> Any:
        states.append(gc.isenabled())
        return parse(body)

    monkeypatch.setattr(_codec, "loads", spy)
    return states


def test_sizes_straddle_the_threshold() -> None:
    """The bodies used here are on either side of the pause's threshold."""
    assert len(SMALL) < _codec.PAUSE_GC_FROM <= len(LARGE)


def test_a_large_body_decodes_paused_then_the_collector_runs_again(
    enabled: None, seen: list[bool]
) -> None:
    """A page of at least PAUSE_GC_FROM bytes is parsed with the collector off, on again after."""
    page = _codec.decode(LARGE, models.ListModelsResponse)
    assert len(page.data) > 1
    assert seen == [False]
    assert gc.isenabled()


def test_a_small_body_leaves_the_collector_alone(enabled: None, seen: list[bool]) -> None:
    """A body under the threshold (one model, an error) is decoded with the collector untouched."""
    _codec.decode(SMALL, models.ListModelsResponse)
    assert seen == [True]


@pytest.mark.parametrize(
    "body",
    [LARGE[:-1], LARGE.replace(b'"lifecycle"', b'"lifecycle_"')],
    ids=["not JSON", "not the model"],
)
def test_a_failing_large_decode_restores_the_collector_and_keeps_its_error(
    enabled: None, monkeypatch: pytest.MonkeyPatch, body: bytes
) -> None:
    """A large body that fails raises exactly the error it raises unpaused, collector back on."""
    with pytest.raises(ResponseValidationError) as paused:
        _codec.decode(body, models.ListModelsResponse)
    assert gc.isenabled()
    monkeypatch.setattr(_codec, "PAUSE_GC_FROM", len(body) + 1)
    with pytest.raises(ResponseValidationError) as unpaused:
        _codec.decode(body, models.ListModelsResponse)
    assert (str(paused.value), paused.value.path) == (str(unpaused.value), unpaused.value.path)


def test_a_disabled_collector_stays_disabled(seen: list[bool]) -> None:
    """A program that runs with gc.disable() finds it still disabled after a large decode."""
    was = gc.isenabled()
    gc.disable()
    try:
        _codec.decode(LARGE, models.ListModelsResponse)
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
    assert seen == [False]


def test_overlapping_decodes_keep_the_pause_until_the_last_one_ends(
    enabled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two threads decoding at once: still paused when the first ends, enabled after the second."""
    both_inside = threading.Barrier(2, timeout=30)
    release_second = threading.Event()
    parse = _codec.loads

    def held(body: Union[bytes, str]) -> Any:
        both_inside.wait()
        if threading.current_thread().name == "second":
            assert release_second.wait(timeout=30)
        return parse(body)

    monkeypatch.setattr(_codec, "loads", held)
    threads = {
        name: threading.Thread(
            target=_codec.decode, args=(LARGE, models.ListModelsResponse), name=name
        )
        for name in ("first", "second")
    }
    for thread in threads.values():
        thread.start()
    threads["first"].join(timeout=30)
    paused_after_first = not gc.isenabled()
    release_second.set()
    threads["second"].join(timeout=30)
    assert not any(thread.is_alive() for thread in threads.values())
    assert paused_after_first
    assert gc.isenabled()
