"""The per-year rates and assessments behind the statutory tables as CSV
(``/review/statutory/per-year-rates.csv``): every number comes from
``marts.indicator_assessments`` as the build wrote it; ``demo=true`` marks a row decided on
demonstration figures."""

from __future__ import annotations

import csv
import io
from dataclasses import fields
from typing import Final

from pipelines.language.i18n import Lang, t
from pipelines.read import Reader
from pipelines.read.rows import IndicatorAssessment
from pipelines.read.verdicts import assessments

COLUMNS: Final = tuple(f.name for f in fields(IndicatorAssessment))
FORMULA_START: Final = ("=", "+", "-", "@")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # A spreadsheet would run these as formulas (docs/researchers.md › Downloads and snapshots).
    return "'" + text if text.startswith(FORMULA_START) and not _number(text) else text


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def rates_csv(reader: Reader, lang: Lang) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, "assessment_label"])
    for row in assessments(reader).values():
        writer.writerow([_cell(getattr(row, c)) for c in COLUMNS]
                        + [t(f"assessment.{row.assessment}", lang)])
    return out.getvalue()
