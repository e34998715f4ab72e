"""Check what a built wheel and sdist hold: the packages, py.typed, the spec; no tests or caches.

Usage: ``python tools/check_dist.py DIST_DIR`` (the folder ``uv build`` or ``pip wheel`` wrote).
"""

from __future__ import annotations

import re
import sys
import tarfile
import zipfile
from pathlib import Path

WHEEL_REQUIRED = [
    "anthropic_models/__init__.py",
    "anthropic_models/py.typed",
    "anthropic_models/openapi.yaml",
    "anthropic_models/server/builtin_catalog.json",
    "anthropic_models_generated/__init__.py",
    "anthropic_models_generated/py.typed",
    "anthropic_models_generated/models.py",
    "anthropic_models_generated/transport.py",
    "anthropic_models_generated/spec.py",
    "anthropic_models_generated/manifest.py",
]
SDIST_REQUIRED = [
    "openapi.yaml",
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "src/anthropic_models/__init__.py",
    "src/anthropic_models/py.typed",
    "generated/anthropic_models_generated/models.py",
    "generated/anthropic_models_generated/py.typed",
]
FORBIDDEN = re.compile(
    r"(^|/)(tests?|bench|tools|\.nox|\.mypy_cache|\.ruff_cache|\.pytest_cache|__pycache__|\.hypothesis)(/|$)|\.pyc$"
)


def _problems(names: list[str], required: list[str], allowed_top: tuple[str, ...]) -> list[str]:
    found = set(names)
    problems = [f"missing: {name}" for name in required if name not in found]
    problems += [f"unexpected: {name}" for name in names if FORBIDDEN.search(name)]
    problems += [
        f"unexpected top-level entry: {name}" for name in names if not name.startswith(allowed_top)
    ]
    return problems


def check(dist: Path) -> list[str]:
    """The problems with the wheel and the sdist in ``dist`` (empty when both are right)."""
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        return [f"expected one wheel and one sdist in {dist}, found {wheels + sdists}"]
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = wheel.namelist()
    problems = _problems(
        names,
        WHEEL_REQUIRED,
        ("anthropic_models/", "anthropic_models_generated/", "anthropic_models-"),
    )
    with tarfile.open(sdists[0]) as sdist:
        members = [
            m.name.split("/", 1)[1] for m in sdist.getmembers() if "/" in m.name and m.isfile()
        ]
    problems += _problems(
        members,
        SDIST_REQUIRED,
        (
            "src/",
            "generated/",
            "openapi.yaml",
            "pyproject.toml",
            "README.md",
            "LICENSE",
            "PKG-INFO",
            ".gitignore",
        ),
    )
    print(f"{wheels[0].name}: {len(names)} files; {sdists[0].name}: {len(members)} files")
    return problems


if __name__ == "__main__":
    found = check(Path(sys.argv[1]))
    for line in found:
        print(line, file=sys.stderr)
    sys.exit(1 if found else 0)
