"""Typed rows of the read layer: one frozen dataclass per query shape. Field names are the
query's column names (the loader checks they match), so a page reads ``row.value_to_date``,
never a guessed frame column."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Pillar:
    pillar_id: str
    name_en: str
    name_fr: str
    outcome_en: str
    outcome_fr: str
    sort_order: int
    locator: str
    edition_en: str | None
    edition_fr: str | None


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    pillar_id: str | None
    topic: str
    name_en: str
    name_fr: str
    unit: str
    measure: str
    interpretation: str
    reporting_note: bool
    headline: bool
    sort_order: int
    definition_en: str
    definition_fr: str
    unit_kind: str
    unit_en: str
    unit_fr: str
    pillar_en: str | None
    pillar_fr: str | None


@dataclass(frozen=True)
class Figure:
    """The latest published or submitted total of an indicator, written out in full."""

    indicator_id: str
    pillar_id: str | None
    name_en: str
    name_fr: str
    interpretation: str
    measure: str
    reporting_note: bool
    value: float | None
    qualifier: str
    unit_kind: str
    unit_en: str
    unit_fr: str
    period_start: date | None
    period_end: date | None
    period_basis: str
    locator: str
    status: str
    geography: str
    geography_en: str
    geography_fr: str
    publisher_en: str | None
    publisher_fr: str | None
    edition_en: str | None
    edition_fr: str | None
    url: str | None
    source_language: str | None


@dataclass(frozen=True)
class Progress:
    """One ``marts.progress`` row (an indicator at one quarter) with the indicator's names."""

    indicator_id: str
    as_of_quarter: str
    quarter_start: date
    quarter_end: date
    is_latest: bool
    to_date_kind: str
    period_start: date | None
    period_end: date | None
    value_to_date: float | None
    value_to_date_qualifier: str | None
    value_to_date_status: str | None
    value_this_quarter: float | None
    value_this_quarter_qualifier: str | None
    this_quarter_state: str
    value_previous_quarter: float | None
    value_same_quarter_last_year: float | None
    change_previous_quarter: float | None
    change_previous_quarter_pct: float | None
    change_same_quarter_last_year: float | None
    change_same_quarter_last_year_pct: float | None
    change_is_approximate: bool
    fiscal_year_to_date: float | None
    fiscal_year_to_date_qualifier: str | None
    target_kind: str | None
    target_value: float | None
    target_period_start: date | None
    target_period_end: date | None
    baseline_value: float | None
    baseline_is_assumed: bool
    expected_to_date: float | None
    ratio: float | None
    share_elapsed: float | None
    assessed_at: date | None
    status: str
    status_reason: str | None
    status_previous: str | None
    status_changed: bool
    basis: str
    basis_fr: str
    method: str
    pillar_id: str | None
    name_en: str
    name_fr: str
    measure: str
    interpretation: str
    reporting_note: bool
    headline: bool
    sort_order: int
    unit_kind: str
    unit_en: str
    unit_fr: str


@dataclass(frozen=True)
class Method:
    """The published method's thresholds and its worked example (``marts.progress_method``)."""

    method: str
    on_track_threshold: float
    needs_acceleration_threshold: float
    example_target: float
    example_baseline: float
    example_period_start: date
    example_period_end: date
    example_as_of: date
    example_achieved: float
    example_days_elapsed: int
    example_days_in_period: int
    example_share_elapsed: float
    example_expected: float
    example_ratio: float
    example_status: str


@dataclass(frozen=True)
class Observation:
    """One observation of an indicator page, with its source."""

    observation_id: str
    indicator_id: str
    geography: str
    geography_en: str
    geography_fr: str
    breakdown: str
    period_start: date | None
    period_end: date | None
    period_basis: str
    value: float | None
    value_high: float | None  # the top of a printed range ("45–50")
    value_basis: str  # printed | derived
    qualifier: str
    unit: str
    unit_kind: str
    source_id: str
    locator: str
    status: str
    suppressed: bool
    revision: bool
    series_id: str | None
    note_en: str | None
    note_fr: str | None
    title: str | None
    publisher: str | None
    publisher_fr: str | None
    published: str | None
    url: str | None
    source_language: str | None
    source_kind: str
    edition_en: str | None
    edition_fr: str | None
    series_source: str


@dataclass(frozen=True)
class SubmissionSummary:
    series_source: str
    figures: int
    latest: date | None


@dataclass(frozen=True)
class TargetInfo:
    indicator_id: str
    target_kind: str
    target_value: float
    period_start: date
    period_end: date
    baseline_value: float | None
    baseline_period_start: date | None
    baseline_period_end: date | None
    source_id: str
    locator: str
    note_en: str | None
    note_fr: str | None
    publisher: str | None
    publisher_fr: str | None
    edition_en: str | None
    edition_fr: str | None
    title: str | None
    source_language: str | None


@dataclass(frozen=True)
class Milestone:
    milestone_id: str
    pillar_id: str
    kind: str
    text_en: str
    text_fr: str
    status: str
    status_date: date | None
    note: str | None
    locator: str


@dataclass(frozen=True)
class Count:
    status: str
    n: int


@dataclass(frozen=True)
class Source:
    source_id: str
    title: str
    publisher: str
    publisher_fr: str
    language: str
    published: str | None
    published_about: bool
    url: str | None
    sha256: str
    kind: str
    edition_en: str
    edition_fr: str


@dataclass(frozen=True)
class Strategy:
    strategy_id: str
    name_en: str
    name_fr: str
    period_start: date
    period_end: date
    period_basis: str
    review_interval_years: int | None
    locator: str
    note_en: str | None
    note_fr: str | None
    source_id: str


@dataclass(frozen=True)
class SiteStatus:
    built_at: str | None
    inputs_sha256: str | None
    has_demo: bool
    last_submission: datetime | None


@dataclass(frozen=True)
class KeyValue:
    key: str
    value: str


@dataclass(frozen=True)
class Geography:
    geography_id: str
    name_en: str
    name_fr: str
    level: str
    parent_id: str | None


@dataclass(frozen=True)
class Found:
    found: bool


@dataclass(frozen=True)
class QuarterLabel:
    quarter: str


@dataclass(frozen=True)
class QuarterLoad:
    quarter: str
    load_id: int
    loaded_at: datetime


@dataclass(frozen=True)
class Revision:
    indicator_id: str
    geography: str
    breakdown: str
    quarter: str
    load_id: int
    loaded_at: datetime
    old_value: float | None
    new_value: float | None
    demo: bool


@dataclass(frozen=True)
class MissingSubmission:
    indicator_id: str
    quarter: str


@dataclass(frozen=True)
class LoadId:
    load_id: int


@dataclass(frozen=True)
class TargetSource:
    title: str
    publisher: str
    publisher_fr: str
    published: str


@dataclass(frozen=True)
class Unit:
    unit: str
    name_en: str
    name_fr: str
    kind: str
    is_people: bool


@dataclass(frozen=True)
class Comparison:
    """Why one change of the quarterly review has a number or not (marts.quarter_comparisons)."""

    indicator_id: str
    comparison: str  # previous_quarter | same_quarter_last_year
    compared_quarter: str
    reason: str  # pipelines.vocabulary.COMPARISON_REASONS


@dataclass(frozen=True)
class MilestoneQuarter:
    """A deliverable at the end of one quarter (marts.milestone_quarters) with its words."""

    milestone_id: str
    pillar_id: str
    kind: str
    text_en: str
    text_fr: str
    as_of_quarter: str
    quarter_end: date
    status: str
    status_as_of: date
    due_date: date | None
    state: str
    status_previous: str
    state_previous: str
    status_changed: bool
    fell_overdue: bool
    note: str | None
    recorded_by: str
    source: str


@dataclass(frozen=True)
class MilestoneHistory:
    """One dated status of a deliverable (marts.milestone_status), oldest first."""

    milestone_id: str
    status: str
    as_of: date
    note: str | None
    evidence_url: str | None
    recorded_by: str
    source: str
    due_date: date | None
    sequence: int
    is_latest: bool


@dataclass(frozen=True)
class MilestoneLink:
    """A deliverable and an indicator it should move (marts.milestone_indicators)."""

    milestone_id: str
    pillar_id: str
    text_en: str
    text_fr: str
    status: str
    status_date: date | None
    indicator_id: str
    indicator_en: str
    indicator_fr: str
    basis: str
    rationale_en: str
    rationale_fr: str
    locator: str | None


@dataclass(frozen=True)
class StateCount:
    """Deliverables of a pillar in one review state at the latest quarter."""

    pillar_id: str
    state: str
    n: int


@dataclass(frozen=True)
class SeriesValue:
    """One published total of an indicator's series (indicator_figures.sql)."""

    indicator_id: str
    name_en: str
    name_fr: str
    geography: str
    period_start: date | None
    period_end: date | None
    period_basis: str
    value: float
    qualifier: str
    unit_kind: str
    interpretation: str
    reporting_note: bool
    source_id: str
    edition_en: str | None
    edition_fr: str | None


@dataclass(frozen=True)
class DataVersion:
    data_version: str | None
    inputs_sha256: str | None
    built_at: str | None
    snapshot_label: str | None
    last_load_id: int | None
    loads: int


@dataclass(frozen=True)
class PillarVerdictRow:
    """One ``marts.pillar_verdicts`` row: a pillar's verdict and the counts behind it."""

    pillar_id: str
    verdict: str
    reason: str | None
    as_of_quarter: str | None
    indicators: int
    indicators_judged: int
    indicators_good: int
    indicators_bad: int
    indicators_no_change: int
    indicators_reported: int
    indicators_not_assessable: int
    deliverables: int
    deliverables_done: int
    deliverables_in_progress: int
    deliverables_planned: int
    deliverables_late: int
    deliverables_not_reported: int
    deliverables_reading: str
    demo: bool
    method: str


@dataclass(frozen=True)
class IndicatorAssessment:
    """One ``marts.indicator_assessments`` row: the baseline and latest figure side by side,
    their per-year rates (or why none), and the assessment decided from them."""

    indicator_id: str
    pillar_id: str | None
    assessment: str
    reason: str | None
    direction: str | None
    change: float | None
    comparable: str
    refusal: str | None
    baseline_value: float | None
    baseline_qualifier: str | None
    baseline_period_start: date | None
    baseline_period_end: date | None
    baseline_per_year: float | None
    baseline_per_year_qualifier: str | None
    baseline_years: float | None
    latest_value: float | None
    latest_qualifier: str | None
    latest_period_start: date | None
    latest_period_end: date | None
    latest_per_year: float | None
    latest_per_year_qualifier: str | None
    latest_years: float | None
    latest_status: str | None
    progress_status: str | None
    as_of_quarter: str | None
    demo: bool
    method: str
    unit_kind: str
    measure: str
    interpretation: str


@dataclass(frozen=True)
class VerdictMethod:
    """The verdict rule's parameters and worked example (``marts.verdict_method``)."""

    method: str
    no_change_band: float
    reported_share: float
    example_baseline_value: float
    example_baseline_start: date
    example_baseline_end: date
    example_baseline_per_year: float
    example_latest_value: float
    example_latest_start: date
    example_latest_end: date
    example_latest_per_year: float
    example_change: float
    example_assessment: str
    example_assessments: list[str]
    example_done: int
    example_in_progress: int
    example_planned: int
    example_late: int
    example_not_reported: int
    example_deliverables_reading: str
    example_verdict: str


@dataclass(frozen=True)
class SeriesEntry:
    """An indicator and the group /data lists it under (series_list.sql)."""

    indicator_id: str
    name_en: str
    name_fr: str
    pillar_id: str | None
    topic: str
    in_strategy: bool  # the 2025–2030 strategy's own (a pillar, or its document's figures)
    subgroup: str  # the pillar, "strategy_wide" or the topic
    subgroup_order: int
    pillar_en: str | None
    pillar_fr: str | None


@dataclass(frozen=True)
class Availability:
    """What one indicator has (availability.sql); demonstration figures counted apart."""

    indicator_id: str
    availability: str  # has_figures | awaiting_submission | no_source
    takes_submissions: bool
    figures: int
    demo_figures: int
    latest_period_start: date | None
    latest_period_end: date | None
    latest_period_basis: str | None
    last_loaded: datetime | None
    last_demo_loaded: datetime | None
    last_published: str | None  # the newest source's date, as precise as known
    quarters_submitted: list[str]


@dataclass(frozen=True)
class SubmissionArrival:
    """The submissions of one indicator for one quarter (submission_arrivals.sql)."""

    indicator_id: str
    quarter: str
    demo: bool
    first_loaded: datetime
    last_loaded: datetime
    loads: int


@dataclass(frozen=True)
class PeriodBounds:
    first_day: date | None
    last_day: date | None
