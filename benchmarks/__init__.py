"""Benchmark scripts: each prints a table of measured figures. Not run by ``make test``
(they are slow and measure, not assert); ``tests/serving/test_benchmarks_smoke.py`` runs
each at a tiny scale so they keep working. See README, "Production serving and performance".
"""
