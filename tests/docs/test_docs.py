"""Every example of README.md, CONTRIBUTING.md and docs/*.md runs, so that none can drift.

The convention, for whoever writes documentation:

* A block fenced as ```python is a complete program. It runs in a fresh interpreter, in an empty
  temporary folder, with no Anthropic or proxy variable in its environment: it needs no API key
  (use made-up ones) and reaches nothing beyond 127.0.0.1 (start the reference server itself,
  with ``anthropic_models.server.serve_in_thread``). A block that defines ``test_`` functions is a
  test module instead, run by pytest (so it may use the ``models_server`` fixture). It passes when
  the program exits 0 with warnings turned into errors (as the suite runs).
* A block fenced as ```console holds commands typed at a shell: every line starting with
  ``$ anthropic-models `` runs, in bash, one line after the other in one empty temporary folder
  (so a later line may read a file an earlier one wrote), against one fresh reference server on
  127.0.0.1, reached through ``$ANTHROPIC_BASE_URL`` and ``$ANTHROPIC_API_KEY`` (a made-up key),
  and must end with the exit status written at the end of the line as ``# exit N`` (0 when the
  line says nothing). Other lines of the block are output, shown to the reader and not compared.
  A console block names no host but 127.0.0.1 or localhost, and runs no other command.
* Anything else (a command that never ends, one needing a real gateway, a configuration file, a
  fragment) is fenced as ```sh, ```text, ```yaml or ```toml, and is not run.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Iterator, NamedTuple

import pytest

from anthropic_models.server import serve_in_thread

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
PAGES = (ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md")))
RUNNABLE = ("python", "console")
COMMAND = "$ anthropic-models "
TIMEOUT = 120.0

_FENCE = re.compile(r"^(```+|~~~+)\s*([\w+-]*)\s*$")
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://([^/\s:'\"]+|\[[^\]]+\])", re.IGNORECASE)
_LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}
_EXIT = re.compile(r"#\s*exit\s+(\d+)\s*$")
_OUTSIDE_VARIABLE = re.compile(r"ANTHROPIC_|SSL_CERT_|(HTTPS?|ALL|NO)_PROXY$|PYTEST_", re.I)
"""Variables of the environment an example must not see: keys, URLs, proxies, CAs, pytest's."""


class Block(NamedTuple):
    """One fenced block of a page: its language, its text and where it starts."""

    page: Path
    line: int
    language: str
    text: str

    @property
    def where(self) -> str:
        """The page and line, as a test id."""
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> Iterator[Block]:
    """Every fenced block of a Markdown page, in order."""
    fence = ""
    language = ""
    start = 0
    body: list[str] = []
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if fence and line.strip() == fence:
            yield Block(page, start, language, "\n".join(body) + "\n")
            fence = ""
        elif fence:
            body.append(line)
        elif _FENCE.match(line.strip()):
            match = _FENCE.match(line.strip())
            assert match is not None
            fence, language, start, body = match.group(1), match.group(2).lower(), number, []
    assert not fence, f"{page.relative_to(ROOT)}:{start}: a fence that is never closed"


ALL_BLOCKS = [block for page in PAGES if page.exists() for block in blocks(page)]
PYTHON = [block for block in ALL_BLOCKS if block.language == "python"]
CONSOLE = [block for block in ALL_BLOCKS if block.language == "console"]
RUNNABLE_CONSOLE = [
    block for block in CONSOLE if any(line.startswith(COMMAND) for line in block.text.splitlines())
]


def _environment() -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not _OUTSIDE_VARIABLE.match(name)}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def test_the_pages_exist_and_hold_examples() -> None:
    """README.md, CONTRIBUTING.md and the docs/ pages exist, and each kind of runnable block occurs."""
    assert (ROOT / "README.md").exists() and (ROOT / "CONTRIBUTING.md").exists()
    assert len(PAGES) > 2, "docs/ holds no page"
    assert PYTHON and RUNNABLE_CONSOLE


def test_the_front_page_stays_short() -> None:
    """README.md is a front page: at most 200 lines, the rest lives in docs/."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200


def test_every_link_to_a_page_of_the_repository_resolves() -> None:
    """Every relative Markdown link of the pages names a file or folder that exists."""
    broken = []
    for page in (page for page in PAGES if page.exists()):
        for target in re.findall(r"\]\(([^)\s#]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" not in target and not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert broken == []


def test_every_file_the_pages_name_exists() -> None:
    """Every `src/`, `generated/`, `tools/`, `tests/` or `bench/` path the pages name exists (a
    placeholder such as NAME excepted)."""
    named = {
        (page.relative_to(ROOT), path)
        for page in PAGES
        if page.exists()
        for path in re.findall(
            r"`((?:src|generated|tools|tests|bench)/[\w./-]*\w)`", page.read_text(encoding="utf-8")
        )
    }
    missing = sorted(
        f"{page}: {path}"
        for page, path in named
        if "*" not in path and "NAME" not in path and not (ROOT / path).exists()
    )
    assert missing == []


def test_the_check_table_lists_every_registered_check_at_its_level() -> None:
    """docs/conformance.md's table of checks names every check of the kit's registry, in run
    order, each at the level the registry gives it."""
    from anthropic_models.conformance import CHECKS

    text = (ROOT / "docs" / "conformance.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z-]+)` \| ([a-z]+) \|", text, re.MULTILINE)
    assert documented == [(name, check.level.value) for name, check in CHECKS.items()]


def test_the_mutant_table_lists_every_mutant_with_its_check_and_level() -> None:
    """docs/conformance.md's table of mutants names every mutant of the kit's tests, in order,
    with the check that catches it and its level."""
    from tests.conformance.mutants import MUTANTS

    text = (ROOT / "docs" / "conformance.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([a-z0-9-]+) \| .* \| `([a-z-]+)` \| ([a-z]+) \|$", text, re.MULTILINE)
    assert rows == [(m.name, m.caught_by, m.level) for m in MUTANTS]


@pytest.mark.parametrize("block", CONSOLE, ids=lambda block: block.where)
def test_console_blocks_run_only_the_command_against_loopback(block: Block) -> None:
    """A console block runs only `anthropic-models` commands and names no host beyond loopback."""
    for line in block.text.splitlines():
        if line.startswith("$ "):
            assert line.startswith(COMMAND), f"{block.where}: {line!r} is not a command we run"
    hosts = {host.lower() for host in _URL.findall(block.text)}
    assert hosts <= _LOOPBACK, f"{block.where}: fence it as ```sh, it reaches {sorted(hosts)}"


@pytest.mark.parametrize("block", PYTHON, ids=lambda block: block.where)
def test_python_example_runs(block: Block, tmp_path: Path) -> None:
    """The Python example runs to its end (exit 0) with warnings as errors, offline, with no API key."""
    program = tmp_path / (
        "test_example.py" if re.search(r"^def test_", block.text, re.M) else "example.py"
    )
    program.write_text(block.text, encoding="utf-8")
    if program.name.startswith("test_"):
        command = [sys.executable, "-W", "error", "-m", "pytest", "-q", "-W", "error"]
        command += ["-p", "no:cacheprovider", str(program)]
    else:
        command = [sys.executable, "-W", "error", str(program)]
    done = subprocess.run(
        command, cwd=tmp_path, env=_environment(), capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 0, f"{block.where}\n{done.stdout}\n{done.stderr}"


@pytest.mark.parametrize("block", RUNNABLE_CONSOLE, ids=lambda block: block.where)
def test_console_commands_exit_as_documented(block: Block, tmp_path: Path) -> None:
    """Each command of the block, run in order against one fresh reference server, ends with the
    exit status the page states, and never prints the key."""
    key = "sk-ant-docs-example"
    failures = []
    with serve_in_thread(api_key=key) as server:
        env = {**_environment(), "ANTHROPIC_BASE_URL": server.url, "ANTHROPIC_API_KEY": key}
        for line in block.text.splitlines():
            if not line.startswith(COMMAND):
                continue
            match = _EXIT.search(line)
            expected = int(match.group(1)) if match else 0
            done = subprocess.run(
                ["bash", "-c", line[2:]],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            )
            if done.returncode != expected or key in done.stdout + done.stderr:
                failures.append(f"{shlex.quote(line[2:])}: exit {done.returncode}\n{done.stderr}")
    assert failures == [], f"{block.where}\n" + "\n".join(failures)
