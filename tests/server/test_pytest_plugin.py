"""The pytest plugin: the models_server fixtures, as this suite and as a user's suite sees them."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import urllib3

from anthropic_models.errors import CatalogError
from anthropic_models.pytest_plugin import ServerFactory
from anthropic_models.server import Catalogue, ModelsApp, RunningServer
from tests.catalogue_facts import an_alias

pytestmark = pytest.mark.integration


def test_models_server_runs_the_builtin_catalogue_with_a_fresh_key(
    models_server: RunningServer,
) -> None:
    """The fixture yields a running server on loopback, the built-in catalogue and a generated key."""
    assert models_server.running
    assert models_server.url.startswith("http://127.0.0.1:")
    assert models_server.catalog.ids == Catalogue.builtin().ids
    assert models_server.api_key is not None
    assert models_server.api_key.startswith("sk-ant-test-")
    alias, target = an_alias("active", "deprecated")
    with urllib3.PoolManager(retries=False) as pool:
        response = pool.request(
            "GET",
            models_server.url + f"/v1/models/{alias}",
            headers={"authorization": f"Bearer {models_server.api_key}"},
        )
    assert response.status == 200
    assert json.loads(response.data)["id"] == target


@pytest.mark.parametrize("models_server", [{"faults": True, "api_key": "sk-fixed"}], indirect=True)
def test_models_server_takes_options_from_an_indirect_param(models_server: RunningServer) -> None:
    """An indirect parameter passes options to the app: here fault controls and a chosen key."""
    assert models_server.api_key == "sk-fixed"
    with urllib3.PoolManager(retries=False) as pool:
        response = pool.request(
            "GET",
            models_server.url + "/v1/models",
            headers={"x-api-key": "sk-fixed", "x-mock-status": "429"},
        )
    assert response.status == 429


def test_the_factory_starts_several_servers_and_stops_them(
    models_server_factory: ServerFactory,
) -> None:
    """models_server_factory starts servers with their own catalogues and keys."""
    small = models_server_factory(Catalogue.synthetic(3))
    other = models_server_factory(api_key="sk-other")
    assert len(small.catalog) == 3
    assert small.api_key != other.api_key
    assert small.port != other.port
    assert other.api_key == "sk-other"


_USER_TEST = '''
    import json
    import urllib3

    def test_lists_the_catalogue(models_server):
        """What a user writes: no import of the plugin, the fixture just works."""
        with urllib3.PoolManager() as pool:
            response = pool.request(
                "GET", models_server.url + "/v1/models?limit=5",
                headers={"x-api-key": models_server.api_key},
            )
        assert response.status == 200
        assert len(json.loads(response.data)["data"]) == 5

    def test_the_server_is_stopped_afterwards(models_server_factory):
        """Servers from the factory are stopped when the test ends."""
        global STARTED
        STARTED = models_server_factory()

    def test_check_the_previous_server(models_server):
        """The previous test's server no longer runs."""
        assert not STARTED.running
'''


def test_a_user_suite_gets_the_fixtures_from_the_entry_point(tmp_path: Path) -> None:
    """Installed, the package registers the plugin: a plain test file uses models_server."""
    (tmp_path / "test_user.py").write_text(textwrap.dedent(_USER_TEST), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-W",
            "error",
            "-p",
            "no:cacheprovider",
            str(tmp_path),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


def test_importing_the_package_does_not_import_pytest() -> None:
    """import anthropic_models (and its server) leaves pytest and the plugin unloaded."""
    code = (
        "import sys, anthropic_models, anthropic_models.server; "
        "print(sorted(m for m in ('pytest', 'anthropic_models.pytest_plugin') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.fixture
def catalogue_file(tmp_path: Path) -> Path:
    """A JSON catalogue of five synthetic models on disk."""
    path = tmp_path / "catalog.json"
    path.write_bytes(Catalogue.synthetic(5).dumps())
    return path


@pytest.mark.parametrize("as_text", [True, False], ids=["str", "Path"])
def test_the_factory_takes_a_catalogue_path(
    models_server_factory: ServerFactory, catalogue_file: Path, as_text: bool
) -> None:
    """A path (str or Path) is read at start: the server serves that catalogue, no 500s."""
    server = models_server_factory(str(catalogue_file) if as_text else catalogue_file)
    assert server.catalog.ids == Catalogue.synthetic(5).ids
    with urllib3.PoolManager(retries=False) as pool:
        response = pool.request(
            "GET",
            server.url + "/v1/models?lifecycle[]=active&lifecycle[]=deprecated&lifecycle[]=retired",
            headers={"x-api-key": server.api_key or ""},
        )
    assert response.status == 200
    assert len(json.loads(response.data)["data"]) == 5


BUILTIN_FILE = str(resources.files("anthropic_models.server").joinpath("builtin_catalog.json"))


@pytest.mark.parametrize("models_server", [{"catalog": BUILTIN_FILE}], indirect=True)
def test_models_server_takes_a_catalogue_path(models_server: RunningServer) -> None:
    """models_server with catalog= a path string (here the built-in file) serves it."""
    assert models_server.catalog.ids == Catalogue.builtin().ids


def test_a_bad_catalogue_path_fails_at_start(
    models_server_factory: ServerFactory, tmp_path: Path
) -> None:
    """A missing or invalid file is a CatalogError when the server starts, never a 500 later."""
    with pytest.raises(CatalogError, match="cannot read the catalogue"):
        models_server_factory(tmp_path / "absent.json")
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "x"}]', encoding="utf-8")
    with pytest.raises(CatalogError, match="missing required field"):
        models_server_factory(str(bad))


@pytest.mark.parametrize("catalog", [b"catalog.json", 3, ["models"], {"models": []}])
def test_a_catalogue_of_another_type_is_a_type_error_at_start(
    models_server_factory: ServerFactory, catalog: Any
) -> None:
    """bytes, numbers, lists or dicts are refused with a TypeError before anything listens."""
    with pytest.raises(TypeError, match="catalog: expected a Catalogue, a path"):
        models_server_factory(catalog)
    with pytest.raises(TypeError, match="catalog: expected a Catalogue, a path"):
        ModelsApp(catalog)
