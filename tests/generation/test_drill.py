"""The drill: a spec change made in openapi.yaml alone reaches every surface, no hand edit.

The change (``drill/change.yaml``, an overlay on today's openapi.yaml): a new optional string
query parameter on the list operation, two new optional model properties whose JSON names are a
Python keyword and a hyphenated word, and a lower ``limit`` maximum. The package is regenerated
from it into a temporary folder; the hand-written ``src/`` is used as it is. A fresh interpreter
then checks, against the reference server on 127.0.0.1 serving a catalogue with the new
properties: the typed sync and asyncio signatures, the request on the wire, the command line's
option, decoding and encoding under the JSON names (client and server), and the bound on client
and server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.generation.test_evolution import PACKAGE, generate, write_variant

pytestmark = pytest.mark.integration

CHECK = r"""
import asyncio, contextlib, inspect, io, json, sys, typing
import urllib3

import anthropic_models_generated
from anthropic_models import AsyncModelsClient, ModelsClient, _codec, errors
from anthropic_models.cli import main
from anthropic_models.server import Catalogue, serve_in_thread
from anthropic_models_generated import operations

assert anthropic_models_generated.__file__.startswith(sys.argv[1]), "the regenerated package"
param = operations.LIST_MODELS.parameter("channel_family")
limit = operations.LIST_MODELS.parameter("limit")
assert limit.maximum == 500

# 1. typed signatures, identical on both clients
for cls in (ModelsClient, AsyncModelsClient):
    for name in ("list_models", "iter_models"):
        hints = typing.get_type_hints(getattr(cls, name))
        assert hints["channel_family"] == typing.Optional[str], (cls, name, hints)

model = {
    "id": "m-new", "type": "model", "created_at": "2026-01-01T00:00:00Z",
    "display_name": "New", "lifecycle": "active", "class": "frontier", "release-channel": "beta",
}
with open(sys.argv[2], "w", encoding="utf-8") as file:
    json.dump({"models": [model], "aliases": {}}, file)
catalogue = Catalogue.from_json_file(sys.argv[2])

seen = []


class Recording(urllib3.PoolManager):
    def urlopen(self, method, url, *args, **kw):
        seen.append(url)
        return super().urlopen(method, url, *args, **kw)


with serve_in_thread(catalogue, api_key="sk-drill-key") as server:
    client = ModelsClient(api_key="sk-drill-key", base_url=server.url, pool=Recording())
    # 2. the request on the wire
    page = client.list_models(channel_family="beta")
    assert "channel_family=beta" in seen[-1], seen
    # 3. decoding under the JSON names, encoding back to them (client side)
    (found,) = page.data
    assert (found.class_, found.release_channel) == ("frontier", "beta")
    encoded = json.loads(_codec.encode(found))
    assert encoded["class"] == "frontier" and encoded["release-channel"] == "beta", encoded
    # ... and on the server: the model as served keeps its JSON names
    raw = urllib3.request("GET", server.url + "/v1/models/m-new", headers={"x-api-key": "sk-drill-key"})
    served = json.loads(raw.data)
    assert served["class"] == "frontier" and served["release-channel"] == "beta", served
    # 4. the bound, on the client and on the server
    try:
        client.list_models(limit=501)
    except errors.InvalidArgumentError as exc:
        assert "500" in str(exc)
    else:
        raise AssertionError("limit=501 was sent")
    refused = urllib3.request("GET", server.url + "/v1/models?limit=501", headers={"x-api-key": "sk-drill-key"})
    assert refused.status == 400, refused.data
    # 5. the asyncio client
    async def walk():
        async with AsyncModelsClient(api_key="sk-drill-key", base_url=server.url) as aclient:
            return [m.id async for m in aclient.iter_models(channel_family="beta")]
    assert asyncio.run(walk()) == ["m-new"]
    # 6. the command line: the option exists, is sent, and the bound is the spec's
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["list", "--base-url", server.url, "--api-key", "sk-drill-key",
                       "--channel-family", "beta", "--json"])
    assert status == 0, out.getvalue()
    assert json.loads(out.getvalue())["data"][0]["release-channel"] == "beta"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            main(["list", "--base-url", server.url, "--limit", "501"])
        except SystemExit as exc:
            assert exc.code == 2, exc.code
    assert "500" in err.getvalue(), err.getvalue()
print(json.dumps("ok"))
"""


def test_a_spec_change_reaches_every_surface_with_no_hand_edit(tmp_path: Path) -> None:
    """New parameter, keyword and hyphenated properties, lower bound: regenerate, and all follow."""
    spec = write_variant("change", "drill", tmp_path)
    result = generate(spec, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT / "src")])}
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(CHECK),
            str(tmp_path / PACKAGE),
            str(tmp_path / "catalogue.json"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert json.loads(run.stdout.splitlines()[-1]) == "ok"
