"""Dash Pages: one module per page, each with ``layout(lang="en", **query)``."""
