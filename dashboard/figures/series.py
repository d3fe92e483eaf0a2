"""From one indicator's observations to the rows a chart and its table show. Pure: frames in,
frames out, no database.

One frame (:func:`charted_rows`) feeds both the chart and its table, so the table is exactly
the charted data. A series is indicator × geography × source (``series_source``: one
published source, or all quarterly submissions of one kind) × kind of measure; editions of
a source are never joined into one line.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import pandas as pd

from pipelines.marts.status_rule import Observation, Target, cumulate

ALL: Final[str] = "all"
# kind: "reported" (as published or submitted), "period" (a per-quarter count of a
# cumulative indicator), "cumulated" (the running sum of those counts, computed here).
KIND_REPORTED: Final[str] = "reported"
KIND_PERIOD: Final[str] = "period"
KIND_CUMULATED: Final[str] = "cumulated"
SUBMISSIONS_PREFIX: Final[str] = "submissions:"


def geography_options(obs: pd.DataFrame) -> list[str]:
    """The allow-list for ``?geography=``: "all" and each geography with a total."""
    totals = obs[obs["breakdown"] == "total"]
    return [ALL, *sorted(totals["geography"].unique(), key=_geography_order)]


def _geography_order(geography: str) -> tuple[int, str]:
    rank = {"canada": 0, "ontario": 1}
    return rank.get(geography, 2), geography


def default_geography(obs: pd.DataFrame) -> str:
    """Ontario when regions are also reported (a busy chart otherwise), else all."""
    options = geography_options(obs)
    return "ontario" if len(options) > 3 and "ontario" in options else ALL


def _is_quarterly_count(row: pd.Series, measure: str) -> bool:
    # Submissions report each quarter's count; for a cumulative indicator they must be summed
    # before they can be compared with a cumulative total or target.
    return measure == "cumulative" and str(row["series_source"]).startswith(SUBMISSIONS_PREFIX)


def charted_rows(
    obs: pd.DataFrame, geography: str, measure: str, target: Target | None
) -> pd.DataFrame:
    """The totals to chart (and tabulate) for ``geography`` ("all" for every one), with
    ``series_key``, ``kind`` and ``x`` (the period's end; None when the source states none)."""
    rows = obs[obs["breakdown"] == "total"].copy()
    if geography != ALL:
        rows = rows[rows["geography"] == geography]
    if rows.empty:
        return _with_chart_columns(rows)
    quarterly = rows.apply(lambda r: _is_quarterly_count(r, measure), axis=1).astype(bool)
    rows["kind"] = [KIND_PERIOD if q else KIND_REPORTED for q in quarterly]
    cumulated = [
        _running_totals(group, target)
        for _, group in rows[quarterly].groupby(["geography", "series_source"], sort=False)
    ]
    rows = pd.concat([rows, *cumulated], ignore_index=True) if cumulated else rows
    return _with_chart_columns(rows)


def _with_chart_columns(rows: pd.DataFrame) -> pd.DataFrame:
    rows = rows.copy()
    if "kind" not in rows:
        rows["kind"] = pd.Series(dtype=object)
    rows["series_key"] = (
        rows["geography"].astype(str)
        + "|"
        + rows["series_source"].astype(str)
        + "|"
        + rows["kind"].astype(str)
    )
    rows["x"] = rows["period_end"]
    return rows.reset_index(drop=True)


def _running_totals(group: pd.DataFrame, target: Target | None) -> pd.DataFrame:
    """One cumulative row per quarter end: the sum of every count since the start (the
    target's start, else the first count), with the qualifier :func:`cumulate` gives."""
    group = group.sort_values("period_end")
    starts = [d for d in group["period_start"] if d is not None]
    if not starts:
        return group.iloc[0:0]
    start: date = target.period_start if target else min(starts)
    parts = [_observation(r) for _, r in group.iterrows()]
    out = []
    for i, (_, row) in enumerate(group.iterrows()):
        try:
            total = cumulate(parts[: i + 1], start, row["period_end"])
        except ValueError:
            # Overlapping or straddling counts cannot be summed honestly: chart none.
            return group.iloc[0:0]
        if total is None:
            continue
        summed = group.iloc[: i + 1]
        out.append(
            {
                **row.to_dict(),
                "observation_id": f"{row['observation_id']}-cumulated",
                "period_start": start,
                "period_basis": "as_of",
                "value": total.value,
                "qualifier": total.qualifier,
                "suppressed": False,
                "revision": bool(summed["revision"].any()),
                "status": "demo" if (summed["status"] == "demo").any() else row["status"],
                "kind": KIND_CUMULATED,
            }
        )
    return pd.DataFrame(out)


def _observation(row: pd.Series) -> Observation:
    value = row["value"]
    return Observation(
        period_start=row["period_start"],
        period_end=row["period_end"],
        value=None if bool(row["suppressed"]) or pd.isna(value) else float(value),
        qualifier=str(row["qualifier"]),
    )


def placed(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows with a period end: the ones that go on the time axis."""
    return rows[rows["x"].notna()]


def unplaced(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows whose source gives no end date: table and labelled reference line only."""
    return rows[rows["x"].isna()]


def progress_observations(rows: pd.DataFrame, geography: str = "ontario") -> list[Observation]:
    """The series the progress method reads: one geography's totals, to-date values for a
    cumulative indicator (never the per-quarter counts next to them)."""
    chosen = rows[(rows["geography"] == geography) & (rows["kind"] != KIND_PERIOD)]
    return [_observation(r) for _, r in placed(chosen).iterrows()]
