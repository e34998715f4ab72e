"""Installed footprint: what ``pip install anthropic-models`` brings in, against ``anthropic``.

The package is built into a wheel from this checkout; each subject is installed into a fresh
virtual environment (uv, bytecode compiled as pip does) and its site-packages counted: the
distributions (``*.dist-info``) and the bytes of every file, less what the empty venv holds. The
first install of each fills uv's cache; the timed rounds then install offline from that cache.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._common import ROOT, BenchError, Figure, Settings, compare, version

NAME = "footprint"


def uv_binary() -> str:
    """The uv of the bench dependency group, else the one on PATH."""
    try:
        return str(importlib.import_module("uv").find_uv_bin())
    except (ImportError, FileNotFoundError):
        found = shutil.which("uv")
        if found is None:
            raise BenchError("uv is needed: pip install uv") from None
        return found


def _uv(*args: str) -> None:
    done = subprocess.run(
        [uv_binary(), *args], capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode != 0:
        raise BenchError(f"uv {' '.join(args)} failed: {done.stderr.strip()[-800:]}")


def _site_packages(venv: Path) -> Path:
    found = sorted(venv.glob("lib/python*/site-packages"))
    if not found:
        raise BenchError(f"no site-packages in {venv}")
    return found[0]


def _count(site: Path) -> tuple[set[str], int]:
    dists = {path.name for path in site.glob("*.dist-info")}
    size = sum(
        path.stat().st_size for path in site.rglob("*") if path.is_file() and not path.is_symlink()
    )
    return dists, size


def _install(where: Path, requirement: str, *, offline: bool) -> tuple[float, set[str], int]:
    """(install seconds, new distributions, new bytes) of one install into a fresh venv."""
    if where.exists():
        shutil.rmtree(where)
    _uv("venv", "--quiet", "--python", sys.executable, str(where))
    site = _site_packages(where)
    empty_dists, empty_size = _count(site)
    python = str(where / "bin" / "python")
    options = ["--offline"] if offline else []
    started = time.perf_counter()
    _uv(
        "pip", "install", "--quiet", "--compile-bytecode", *options, "--python", python, requirement
    )
    seconds = time.perf_counter() - started
    dists, size = _count(site)
    shutil.rmtree(where)
    return seconds, dists - empty_dists, size - empty_size


def run(settings: Settings) -> list[Figure]:
    sdk_pin = f"anthropic=={version('anthropic')}"
    if "not installed" in sdk_pin:
        raise BenchError("the official SDK is not installed: install the bench dependency group")
    with tempfile.TemporaryDirectory(prefix="bench-footprint-") as tmp:
        _uv("build", "--quiet", "--wheel", "--out-dir", f"{tmp}/dist", str(ROOT))
        wheels = sorted(Path(tmp, "dist").glob("anthropic_models-*.whl"))
        if len(wheels) != 1:
            raise BenchError(f"expected one wheel of anthropic-models, found {wheels}")
        subjects = {"ours": str(wheels[0]), "sdk": sdk_pin}
        labels = {"ours": "anthropic-models (local wheel)", "sdk": sdk_pin}
        dists = {key: Figure(NAME, f"{labels[key]}: distributions", "count") for key in subjects}
        sizes = {key: Figure(NAME, f"{labels[key]}: site-packages", "MB") for key in subjects}
        times = {
            key: Figure(NAME, f"{labels[key]}: install time (uv, warm cache)", "s")
            for key in subjects
        }
        names: dict[str, set[str]] = {}
        for key, requirement in subjects.items():  # fills uv's cache: not timed
            _install(Path(tmp, key), requirement, offline=False)
        for _ in range(settings.rounds):
            for key, requirement in subjects.items():
                seconds, found, size = _install(Path(tmp, key), requirement, offline=True)
                if names.setdefault(key, found) != found:
                    raise BenchError(f"{labels[key]} installed different distributions")
                dists[key].samples.append(len(found))
                sizes[key].samples.append(size / 1e6)
                times[key].samples.append(seconds)
    for figures in (dists, sizes, times):
        compare(figures["sdk"], figures["ours"], "x ours (SDK / ours)")
    for key, found in names.items():
        dists[key].note = ", ".join(sorted(name.split("-")[0] for name in found))
    sizes["ours"].note = "MB = 10^6 bytes of files, bytecode included (as pip compiles it)"
    return [*dists.values(), *sizes.values(), *times.values()]
