"""Benchmarks on SYNTHETIC data, held to the budgets in :mod:`benchmarks.budgets`.

``make bench`` (or ``python -m benchmarks``) runs them all and writes one JSON file per
benchmark under ``benchmarks/results/``; each also runs alone (``python -m benchmarks.<name>``).
They are not run by ``make test`` (slow, and they measure rather than assert);
``tests/serving/test_benchmarks_smoke.py`` runs each at a tiny scale so they keep working. See
docs/benchmarks.md.
"""
