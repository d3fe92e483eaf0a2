"""Pipelines that load the strategy's published figures, targets, deliverables, quarterly
submissions and public context series into DuckDB."""
