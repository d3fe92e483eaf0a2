"""Every controlled vocabulary of the tracker, defined once.

The reference loader, the submission validator, the database checks (:data:`COLUMNS` and the
public tables' declarations, which take their values from here), the download schemas, the
dashboard's catalogue test and the pages all take their allowed values from here, so a new
qualifier or status is added in one place. Tuples keep a meaningful order
(the order pages list them in).
"""

from __future__ import annotations

from typing import Final

PILLARS: Final = ("awareness", "protection", "support", "accountability")

# The indicator ids of the contract (docs/architecture.md › Contract): add, never rename.
CORE_INDICATORS: Final = (
    "frontline_workers_trained",
    "care_children_youth_served", "care_teams",
    "people_served_funded_orgs", "funded_organizations",
    "joint_forces_investigations", "joint_forces_victims_assisted",
    "joint_forces_trafficking_charges", "joint_forces_other_charges",
    "joint_forces_persons_charged",
    "strategy_investment",
    "hotline_calls", "hotline_cases_identified", "hotline_victims_supported", "hotline_referrals",
)

# How a source qualifies a figure: "plus de 29 000" is 29000 with ``more_than``. ``range`` is a
# printed range ("45-50 entrevues"): ``value`` is its low end and ``value_high`` its high end.
# ``all`` is a printed "all" ("tous les conseils scolaires"): a share of 100 percent whose
# count is not printed.
QUALIFIERS: Final = ("exact", "more_than", "at_least", "about", "nearly", "up_to", "range",
                     "all")
LOWER_BOUND_QUALIFIERS: Final = frozenset({"more_than", "at_least"})
UPPER_BOUND_QUALIFIERS: Final = frozenset({"up_to", "nearly"})
# Only the published documents print these; a quarterly submission has one number per cell.
PUBLISHED_ONLY_QUALIFIERS: Final = frozenset({"range", "all"})
# What a quarterly submission may say of its figures: a range or "all" only comes from print.
SUBMISSION_QUALIFIERS: Final = tuple(q for q in QUALIFIERS if q not in PUBLISHED_ONLY_QUALIFIERS)

# How a period was read from its source (docs/architecture.md › Domain rules, periods).
PERIOD_BASES: Final = ("stated", "as_of", "inferred", "not_stated")

# Whether the source prints the value itself or the project worked it out from what it prints
# (``care_teams = 2``: the two teams named, not a printed "2"). A derived value is never a
# headline figure (marts.latest_figures skips it).
VALUE_BASES: Final = ("printed", "derived")

MEASURES: Final = ("count", "cumulative", "annual_average", "amount", "share", "rate")
# Quarterly counts of these measures add up over time (people trained, charges laid); a level
# (teams, organizations) or an annual average does not.
SUMMABLE_MEASURES: Final = frozenset({"cumulative"})

INTERPRETATIONS: Final = ("higher_is_better", "lower_is_better", "reported_activity", "context")
# Never coloured or judged good or bad: a rise in reported cases can mean the strategy works.
DIRECTION_NEUTRAL: Final = frozenset({"reported_activity", "context"})

TOPICS: Final = ("strategy", "police_reported", "courts", "hotline", "funding", "victims",
                 "federal_projects", "organization", "research")

OBSERVATION_STATUSES: Final = ("published", "submitted", "revised", "demo")
SOURCE_KINDS: Final = ("document", "context", "submission", "demo")
# ``city``: where a published figure says a local project is (the federal projects).
GEOGRAPHY_LEVELS: Final = ("country", "province", "region", "area", "city")
UNIT_KINDS: Final = ("count", "money", "percent", "rate")
LOAD_OUTCOMES: Final = ("accepted", "rejected", "unchanged")

TARGET_KINDS: Final = ("cumulative", "annual_floor", "level")

# The status of an indicator against its target (marts.progress.status).
PROGRESS_STATUSES: Final = ("achieved", "on_track", "needs_acceleration", "limited_progress",
                            "not_assessed")
# Why an indicator is not assessed (marts.progress.status_reason).
PROGRESS_REASONS: Final = ("no_data", "no_target", "no_baseline", "period_not_started",
                           "not_applicable")

# What an indicator has (/data/availability, pipelines/read/queries/availability.sql).
AVAILABILITIES: Final = ("has_figures", "awaiting_submission", "no_source")

MILESTONE_KINDS: Final = ("activity", "improvement")
MILESTONE_STATUSES: Final = ("not_reported", "planned", "in_progress", "done", "at_risk")
# The statutory review's reading of a deliverable at a date: ``late`` is at risk, or planned or
# in progress past its date.
DELIVERABLE_STATES: Final = ("done", "in_progress", "planned", "late", "not_reported")
# Where a deliverable's status record came from (marts.milestone_status.source): the strategy's
# starting status, a quarterly submission's deliverables sheet, the staff web form, or the
# demonstration data.
MILESTONE_RECORD_SOURCES: Final = ("reference", "submission", "staff", "demo")

# Why a quarterly review comparison has a number or not (marts.quarter_comparisons.reason).
COMPARISONS: Final = ("previous_quarter", "same_quarter_last_year")
COMPARISON_REASONS: Final = ("compared", "before_strategy", "not_submitted", "suppressed",
                             "this_quarter_missing")

# (table, column) -> allowed values, for the tables outside the download set; the build checks
# every stored row against these. The download set's tables (observations, indicators,
# targets, milestones, sources, progress) declare their allowed values with their columns
# (pipelines/release/public_fields), and pipelines.sql.contract.controlled_columns() adds them.
COLUMNS: Final[dict[tuple[str, str], tuple[str, ...]]] = {
    ("marts.pillars", "pillar_id"): PILLARS,
    ("marts.milestone_status", "status"): MILESTONE_STATUSES,
    ("marts.milestone_status", "source"): MILESTONE_RECORD_SOURCES,
    ("marts.milestone_quarters", "state"): DELIVERABLE_STATES,
    ("marts.quarter_comparisons", "reason"): COMPARISON_REASONS,
    ("marts.geographies", "level"): GEOGRAPHY_LEVELS,
    ("marts.units", "kind"): UNIT_KINDS,
    ("meta.loads", "outcome"): LOAD_OUTCOMES,
}
