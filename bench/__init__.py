"""The benchmark suite, run by ``nox -s bench`` (or ``python -m bench`` in a venv holding the
``bench`` dependency group and the package with its ``validation`` extra).

Each benchmark measures ours and its reference (a floor, the official SDK, Schemathesis) side by
side in the same run, repeats every measure, and returns :class:`~bench._common.Figure` rows;
``python -m bench`` writes them to ``bench/results/latest.json`` and ``latest.md`` and prints the
table. A benchmark never fails on a number; a missing figure or a crash makes the run exit 1.
"""
