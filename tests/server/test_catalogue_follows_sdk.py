"""The built-in catalogue follows the installed official SDK (Python >= 3.10, with the SDK).

Every fact here is read from the SDK (its ``Model`` literal, ``DEPRECATED_MODELS``) and from the
catalogue: following an SDK release that retires a model changes the catalogue data, not a test.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from datetime import date, datetime, timezone
from importlib import resources
from types import ModuleType

import pytest

from anthropic_models.server.catalog import Catalogue
from anthropic_models.server.catalog_names import view_names
from anthropic_models_generated.models import Lifecycle
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import sdk_drift

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 10), reason="the SDK needs Python 3.10 or later"
)

anthropic: ModuleType = pytest.importorskip("anthropic")

CATALOG = Catalogue.builtin()
SDK_NAMES = sdk_drift.model_names(anthropic)
SDK_DEPRECATED = sdk_drift.deprecated_names(anthropic)


def _sdk_date(text: str) -> date:
    """``January 22nd, 2027`` (the SDK's DEPRECATED_MODELS values) as a date."""
    return datetime.strptime(re.sub(r"(\d)(st|nd|rd|th)", r"\1", text), "%B %d, %Y").date()


def test_the_default_view_holds_exactly_the_sdk_models() -> None:
    """The default view's ids and their aliases are exactly the ids the SDK's Model literal names."""
    assert view_names(CATALOG) == SDK_NAMES


def test_every_name_the_sdk_knows_is_retrievable_in_the_default_view() -> None:
    """Each SDK id or alias resolves to a model of the default view, active or deprecated."""
    default = set(CATALOG.view_ids())
    for name in SDK_NAMES:
        assert CATALOG.resolve(name) in default, name


def test_deprecated_exactly_where_the_sdk_says_with_its_retirement_date() -> None:
    """The deprecated view is the SDK's DEPRECATED_MODELS, each retiring on the SDK's date."""
    assert view_names(CATALOG, ["deprecated"]) == SDK_DEPRECATED
    retirement = importlib.import_module("anthropic._data.deprecated_models").DEPRECATED_MODELS
    for name in SDK_DEPRECATED:
        model = CATALOG.get(name)
        assert model is not None and model.lifecycle is Lifecycle.deprecated, name
        assert model.deprecated_at is not None and model.retires_at is not None, name
        assert model.retires_at.date() == _sdk_date(retirement[name]), name
        assert model.deprecated_at < model.retires_at, name


def test_the_other_sdk_models_are_active_without_dates() -> None:
    """An SDK model that is not deprecated is active, with no deprecation or retirement date."""
    for name in SDK_NAMES - SDK_DEPRECATED:
        model = CATALOG.get(name)
        assert model is not None and model.lifecycle is Lifecycle.active, name
        assert (model.deprecated_at, model.retires_at) == (None, None), name


def test_every_model_the_sdk_does_not_name_is_retired_in_the_past() -> None:
    """A catalogue model the SDK no longer names is retired, deprecated before it retired, both past."""
    now = datetime.now(timezone.utc)
    older = [model for model in CATALOG.models if model.id not in SDK_NAMES]
    assert older, "the catalogue keeps retired models as the record of their retirement"
    assert [model.id for model in older] == list(CATALOG.view_ids(["retired"]))
    for model in older:
        assert model.lifecycle is Lifecycle.retired, model.id
        assert model.deprecated_at is not None and model.retires_at is not None, model.id
        assert model.deprecated_at < model.retires_at < now, model.id


def test_an_alias_of_a_retired_model_resolves_to_it() -> None:
    """Aliases the SDK no longer names still resolve, to a retired model."""
    gone = {alias: target for alias, target in CATALOG.aliases.items() if alias not in SDK_NAMES}
    assert gone
    for alias, target in gone.items():
        model = CATALOG.get(alias)
        assert model is not None and model.id == target, alias
        assert model.lifecycle is Lifecycle.retired, alias


def test_the_catalogue_note_names_the_sdk_it_follows_and_what_is_illustrative() -> None:
    """The file's note names the installed SDK's version and marks the invented values."""
    raw = resources.files("anthropic_models.server").joinpath("builtin_catalog.json").read_bytes()
    note = json.loads(raw)["note"]
    assert f"SDK {anthropic.__version__}" in note
    assert "ILLUSTRATIVE" in note


def test_sdk_drift_reports_no_drift_against_the_installed_sdk() -> None:
    """tools/sdk_drift.py finds nothing the installed SDK knows that the spec or catalogue lacks."""
    yaml = pytest.importorskip("yaml")
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    ours = sdk_drift.our_facts(spec, view_names(CATALOG), view_names(CATALOG, ["deprecated"]))
    assert sdk_drift.compare(sdk_drift.sdk_facts(anthropic), ours) == []
