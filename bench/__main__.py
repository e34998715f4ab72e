"""``python -m bench [--only NAME,...] [--quick] [--rounds N] [--profile]``: run the benchmarks.

Writes ``bench/results/latest.json`` (every sample, the machine, the versions) and
``bench/results/latest.md`` (the table for the README), and prints the table; a ``--quick`` or
``--only`` run writes ``partial.json`` and ``partial.md`` instead. Exits 1 when a
benchmark crashed or a figure is missing, never because of a number. ``--profile`` instead
profiles the hot paths (decode, page walk) into ``bench/results/profile.txt``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import Callable, Optional

from bench import (
    bench_cli,
    bench_concurrency,
    bench_conformance,
    bench_decode,
    bench_footprint,
    bench_import,
    bench_memory,
    bench_server,
    bench_walk,
)
from bench._common import Figure, Settings, machine

BENCHMARKS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (
        bench_import,
        bench_cli,
        bench_footprint,
        bench_decode,
        bench_walk,
        bench_concurrency,
        bench_memory,
        bench_server,
        bench_conformance,
    )
}
RESULTS = Path(__file__).resolve().parent / "results"


def _number(value: Optional[float], unit: str) -> str:
    if value is None:
        return "-"
    if unit == "count":
        return f"{value:.0f}"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def _row(figure: Figure) -> str:
    if figure.missing:
        cells = [figure.benchmark, figure.measure, f"**MISSING**: {figure.missing}"]
        return "| " + " | ".join(cells + [""] * 7) + " |"
    unit = figure.unit
    ratio = f"{figure.ratio:.2f} {figure.ratio_of}" if figure.ratio is not None else ""
    met = {None: "", True: "yes", False: "**no**"}[figure.met]
    cells = [
        figure.benchmark,
        figure.measure,
        f"{_number(figure.median, unit)} {unit}",
        _number(figure.low, unit),
        _number(figure.high, unit),
        str(len(figure.samples)),
        ratio,
        figure.target,
        met,
        figure.note,
    ]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def machine_line(info: dict[str, object]) -> str:
    versions = info["versions"]
    assert isinstance(versions, dict)
    shown = ", ".join(f"{name} {number}" for name, number in versions.items())
    return (
        f"{info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB, {info['platform']}, "
        f"{info['python']}; {shown}"
    )


def markdown(figures: list[Figure], info: dict[str, object], settings: Settings) -> str:
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Machine: {machine_line(info)}.",
        f"Run: {when}, `nox -s bench`, {settings.rounds} rounds"
        + (" (QUICK: reduced sizes, not for the README)" if settings.quick else "")
        + "; median of the rounds, with min and max.",
        "",
        "| Benchmark | Measure | Median | Min | Max | n | Ratio | Target | Met | Note |",
        "|---|---|---:|---:|---:|---:|---|---|---|---|",
        *(_row(figure) for figure in figures),
    ]
    return "\n".join(lines) + "\n"


def _run_one(name: str, settings: Settings) -> tuple[list[Figure], Optional[str], float]:
    started = time.perf_counter()
    settings.log(f"bench: {name} ...")
    run: Callable[[Settings], list[Figure]] = BENCHMARKS[name].run
    try:
        figures = run(settings)
        error = None
    except Exception as exc:
        traceback.print_exc()
        figures = [Figure(name, "(every figure)", "", missing=f"crashed: {exc!r}"[:300])]
        error = repr(exc)
    elapsed = time.perf_counter() - started
    settings.log(f"bench: {name} done in {elapsed:.1f} s")
    return figures, error, elapsed


DOCS_PAGE = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
PAGE_HEAD = """# Benchmarks

**This page is written by `nox -s bench`** (a full run; a `--quick` or `--only` run writes a
partial table under bench/results instead): do not edit it by hand.

`nox -s bench` (Python 3.11, not in the default sessions) runs `bench/`: each benchmark measures
ours and its reference side by side in the same run, median of the rounds with min and max, and
states its target and whether it is met. The figures are ratios measured in one run: absolute times
depend on the machine, named below. Every sample is kept in bench/results/latest.json.

"""


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", help=f"comma-separated subset of: {', '.join(BENCHMARKS)}")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per measure (5, at least 5)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes: a smoke test")
    parser.add_argument("--profile", action="store_true", help="profile the hot paths instead")
    args = parser.parse_args(argv)
    RESULTS.mkdir(exist_ok=True)
    if args.profile:
        from bench import profiling

        return profiling.main(RESULTS / "profile.txt")
    names = list(BENCHMARKS) if not args.only else [n.strip() for n in args.only.split(",")]
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    if args.rounds < 5 and not args.quick:
        parser.error("--rounds must be at least 5 (or use --quick)")
    settings = Settings(rounds=args.rounds, quick=args.quick)
    info = machine()
    settings.log(f"bench: {machine_line(info)}")
    figures: list[Figure] = []
    runs: dict[str, dict[str, object]] = {}
    for name in names:
        found, error, elapsed = _run_one(name, settings)
        figures.extend(found)
        runs[name] = {"seconds": round(elapsed, 1), "error": error}
    table = markdown(figures, info, settings)
    report = {
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "machine": info,
        "settings": {"rounds": settings.rounds, "quick": settings.quick, "benchmarks": names},
        "runs": runs,
        "figures": [figure.to_dict() for figure in figures],
    }
    # Only a full run is the latest; a quick run or a subset must not overwrite it.
    stem = "latest" if names == list(BENCHMARKS) and not settings.quick else "partial"
    (RESULTS / f"{stem}.json").write_text(json.dumps(report, indent=2) + "\n")
    (RESULTS / f"{stem}.md").write_text(table)
    if stem == "latest":
        DOCS_PAGE.write_text(PAGE_HEAD + table, encoding="utf-8")
    print()
    print(table)
    missing = [f"{f.benchmark}: {f.measure}: {f.missing}" for f in figures if f.missing]
    missing += [
        f"{f.benchmark}: {f.measure}: no samples"
        for f in figures
        if not f.missing and not f.samples
    ]
    if missing:
        print("bench: FAILED, figures missing:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    print(f"bench: every figure measured; written to {RESULTS}/{stem}.json and {stem}.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
