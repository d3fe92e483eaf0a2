"""Quarterly submissions: template, reading, validation, loading, suppression and demo data.

The build calls :func:`add_demo` (with ``--demo``) and then :func:`publish`.
"""

from pipelines.submissions.demo import add_demo, drop_demo
from pipelines.submissions.publish import publish

__all__ = ["add_demo", "drop_demo", "publish"]
