"""Sessions: check-generated, spec, lint, typecheck, suites (tests on every supported Python,
min-deps and schemathesis, side by side) and package (the default list); generate, bench,
conformance, peers and sdk-drift on demand. ``nox`` alone runs the default list; ``nox -s NAME``
one session.

Interpreters come from pyenv when it has them (``~/.pyenv/versions/3.X*/bin`` is put on PATH), so
no ``pyenv global`` is needed. A missing interpreter is skipped with a warning locally and is an
error on CI (``CI=true``): nothing passes silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nox
from nox.command import CommandFailed

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PYTHONS = nox.project.python_versions(PYPROJECT)
GENERATOR_PYTHON = "3.11"
LOWEST_DEPS = ["urllib3==1.26.0", "attrs==21.3.0"]
CHECKED = ["src", "generated", "tests", "tools", "bench", "noxfile.py"]
# The suite in parallel processes, one per core (pytest-xdist); a test is sent to whichever worker
# is free, so the slow ones do not pile up on one. ``nox -s tests -- -n 0`` runs it in one process.
PARALLEL = ["-n", "auto", "--dist", "worksteal"]
# uv installs without compiling to bytecode; with PYTHONDONTWRITEBYTECODE set (as on this machine),
# every pytest process and every subprocess a test starts would compile its imports again.
COMPILED = {"UV_COMPILE_BYTECODE": "1"}

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["check-generated", "spec", "lint", "typecheck", "suites", "package"]


def _expose_pyenv_interpreters() -> None:
    versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = [str(path) for path in sorted(versions.glob("3.*/bin")) if path.is_dir()]
    if found:
        os.environ["PATH"] = os.pathsep.join([*found, os.environ.get("PATH", "")])


_expose_pyenv_interpreters()


def _install(session: nox.Session, *groups: str, package: str | None = ".") -> None:
    """Install the named dependency groups of pyproject.toml, and the package (non-editable)."""
    requirements = [
        req for group in groups for req in nox.project.dependency_groups(PYPROJECT, group)
    ]
    if requirements:
        session.install(*requirements, env=COMPILED)
    if package:
        session.install(package, env=COMPILED)


@nox.session(python=GENERATOR_PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from openapi.yaml with the pinned generator and formatter."""
    _install(session, "generate", package=None)
    session.run("python", "tools/generate.py")


@nox.session(name="check-generated", python=GENERATOR_PYTHON)
def check_generated(session: nox.Session) -> None:
    """Fail, with a diff, when generated/ differs from a fresh generation; test that check, and
    the evolution suite (spec variants generated, type-checked with mypy and exercised)."""
    _install(session, "generate", "test", "mypy")
    session.run("python", "tools/generate.py", "--check")
    session.run("pytest", "tests/generation", *session.posargs)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The test suite: unit tests, integration tests against the reference server; a process a core."""
    _install(session, "test", package=".[validation]")
    session.run("pytest", "--ignore=tests/generation", *PARALLEL, *session.posargs)


@nox.session(python=False)
def suites(session: nox.Session) -> None:
    """The suites that run the code, side by side: the tests on every Python, min-deps and
    Schemathesis, each in its own nox process (``nox -s tests-3.11`` runs one alone).

    One process per core, plus one to use the time a suite spends waiting on sockets: on two
    cores three suites, each in one pytest process, cost less than one after another with a
    pytest-xdist worker per core. With more cores than suites, each suite gets the spare cores
    as xdist workers. ``nox -s suites -- ARGS`` passes ARGS to every pytest run.
    """
    names = [*(f"tests-{python}" for python in PYTHONS), "min-deps", "schemathesis"]
    cores = os.cpu_count() or 1
    at_once = min(len(names), cores + 1)
    workers = cores // at_once
    pytest_args = ["-n", str(workers) if workers > 1 else "0", *session.posargs]
    logs = Path(session.create_tmp())
    waiting = list(names)
    running: dict[str, tuple[subprocess.Popen[bytes], float]] = {}
    failed = []
    while waiting or running:
        while waiting and len(running) < at_once:
            name = waiting.pop(0)
            args = pytest_args if name != "schemathesis" else []
            with (logs / f"{name}.log").open("wb") as log:
                command = [sys.executable, "-m", "nox", "-s", name, "--", *args]
                child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
            running[name] = (child, time.monotonic())
        time.sleep(0.2)
        for name, (child, started) in list(running.items()):
            if child.poll() is None:
                continue
            del running[name]
            text = (logs / f"{name}.log").read_text(encoding="utf-8", errors="replace")
            lines = [line for line in text.splitlines() if line.strip()]
            seconds = time.monotonic() - started
            if child.returncode:
                failed.append(name)
                print(text, flush=True)
            outcome = "FAILED" if child.returncode else "passed"
            session.log(f"{name}: {outcome} in {seconds:.0f} s ({_summary(lines)})")
    if failed:
        session.error(f"failed: {', '.join(failed)} (their output is above)")


def _summary(lines: list[str]) -> str:
    """The last line of a suite's output that counts passed or failed tests, else its last line."""
    for line in reversed(lines):
        if " passed" in line or " failed" in line:
            return line.strip("= ")
    return lines[-1] if lines else "no output"


@nox.session(name="min-deps", python=PYTHONS[0])
def min_deps(session: nox.Session) -> None:
    """The tests with the lowest declared urllib3 and attrs, without openapi-core; a process a core."""
    # Without openapi-core (validation must fail clearly), and without hypothesis, which needs a
    # newer attrs than the lowest we support (its property tests skip here and run everywhere else).
    test_only = [
        req
        for req in nox.project.dependency_groups(PYPROJECT, "test")
        if not req.startswith(("openapi-core", "hypothesis"))
    ]
    session.install(*test_only, *LOWEST_DEPS, env=COMPILED)
    session.install("--no-deps", ".", env=COMPILED)
    session.run(
        "python", "-c", "import urllib3, attrs; print(urllib3.__version__, attrs.__version__)"
    )
    session.run("pytest", "--ignore=tests/generation", *PARALLEL, *session.posargs)


@nox.session(python=GENERATOR_PYTHON)
def package(session: nox.Session) -> None:
    """Build the wheel and the sdist; check they hold the packages, py.typed and the spec, no tests."""
    _install(session, package=None)
    dist = Path(session.create_tmp()) / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("uv", "build", "--quiet", "--out-dir", str(dist), ".", external=True)
    session.run("python", "tools/check_dist.py", str(dist))


@nox.session(python=GENERATOR_PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over every Python file of the repository."""
    _install(session, "lint", package=None)
    session.run("ruff", "check", *CHECKED)
    session.run("ruff", "format", "--check", *CHECKED)


@nox.session(python=GENERATOR_PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict over src, generated and tests (as Python 3.9), tools and this noxfile."""
    _install(session, "typecheck", package=".[validation]")
    session.run("mypy")
    # The generator and nox run on the generator's Python only (nox itself needs 3.10+).
    session.run("mypy", "--python-version", GENERATOR_PYTHON, "noxfile.py", "tools")


@nox.session(python=GENERATOR_PYTHON)
def spec(session: nox.Session) -> None:
    """openapi.yaml is a valid OpenAPI 3.1 document."""
    _install(session, "spec", package=None)
    session.run(
        "python",
        "-c",
        "import yaml, openapi_spec_validator as v;"
        "v.validate(yaml.safe_load(open('openapi.yaml', 'rb')));"
        "print('openapi.yaml is valid OpenAPI', yaml.safe_load(open('openapi.yaml'))['openapi'])",
    )


@nox.session(python=GENERATOR_PYTHON)
def schemathesis(session: nox.Session) -> None:
    """Schemathesis, every check, against the reference server (validating itself) on a free port."""
    _install(session, "schemathesis", package=".[validation]")
    key = "sk-ant-schemathesis"
    command = ["-m", "anthropic_models.server", "--port", "0", "--api-key", key, "--validate"]
    python = str(Path(session.bin) / "python")
    with subprocess.Popen([python, *command], stdout=subprocess.PIPE, text=True) as server:
        try:
            line = server.stdout.readline() if server.stdout else ""
            if not line.startswith("Listening on "):
                session.error(f"the reference server did not start: {line!r}")
            session.run(
                *("st", "--config-file", "tests/schemathesis.toml", "run", "openapi.yaml"),
                *("--url", line.split()[-1], "--header", f"x-api-key: {key}"),
                *("--checks", "all", "--max-examples", "300", "--seed", "20261021"),
                # Two workers (the operations side by side) on two cores: the same cases are generated.
                *("--workers", "2"),
                *session.posargs,
            )
        finally:
            server.terminate()
            server.wait(timeout=30)


@nox.session(python=GENERATOR_PYTHON)
def conformance(session: nox.Session) -> None:
    """The conformance kit: ``nox -s conformance -- BASE_URL [options]``.

    Without a BASE_URL it tests the reference server, started in-process (offline). The key comes
    from ``--api-key``/``--auth-token`` or ``$ANTHROPIC_API_KEY``/``$ANTHROPIC_AUTH_TOKEN``.
    """
    _install(session, package=".[validation]")
    args = list(session.posargs)
    if not any(arg.startswith(("http://", "https://")) for arg in args):
        args.insert(0, "--reference")
    session.run("python", "-m", "anthropic_models.conformance", *args)


@nox.session(name="compare-schemathesis", python=GENERATOR_PYTHON)
def compare_schemathesis(session: nox.Session) -> None:
    """The kit and Schemathesis on the same mutants: which each catches, and how long it takes."""
    _install(session, "schemathesis", package=".[validation]")
    session.run("python", "bench/compare_schemathesis.py", *session.posargs)


@nox.session(python=GENERATOR_PYTHON)
def peers(session: nox.Session) -> None:
    """The kit and Schemathesis against real peers: Prism (npm, installed into a temporary folder)
    serving openapi.yaml, static and dynamic (not in the default list; needs node and npm).

    ``nox -s peers -- --output FILE --max-examples N``: writes the table of what each tool found.
    """
    if shutil.which("npm") is None:
        session.error("the peers session needs node and npm on PATH (Prism is an npm package)")
    _install(session, "schemathesis", package=".[validation]")
    session.run("python", "tests/conformance/peers.py", *session.posargs)


@nox.session(python=GENERATOR_PYTHON)
def bench(session: nox.Session) -> None:
    """The benchmarks of bench/ against their floors and the official SDK (not in the default list)."""
    _install(session, "bench", package=".[validation]")
    # Rebuild the package: a reused venv must benchmark the code as it is now, not a cached build.
    session.install("--force-reinstall", "--no-deps", ".")
    session.run("python", "-m", "bench", *session.posargs)


@nox.session(name="sdk-drift", python=GENERATOR_PYTHON)
def sdk_drift(session: nox.Session) -> None:
    """What the newest official SDK (PyPI, no pin) knows that openapi.yaml and the built-in
    catalogue do not (not in the default list; see tools/sdk_drift.py for how to follow a release).

    Exits as the report does: 0 no drift, 1 drift, 2 the SDK could not be installed or read.
    """
    pyyaml = [req for req in nox.project.dependency_groups(PYPROJECT, "spec") if "PyYAML" in req]
    try:
        session.install("--upgrade", "anthropic")
    except CommandFailed:
        print("sdk-drift: could not install the official SDK (anthropic) from the package index")
        raise SystemExit(2) from None
    session.install(*pyyaml, ".")
    python = str(Path(session.bin) / "python")
    code = subprocess.run([python, "tools/sdk_drift.py", *session.posargs], check=False).returncode
    if code:
        raise SystemExit(code)
