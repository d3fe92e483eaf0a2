-- Marts the build computes from the loaded figures (README, Architecture › Data flow).
-- Recomputed at the end of every write by pipelines.marts.build_marts.

-- marts.progress, the ONLY place a status is decided, is a public table: declared in
-- pipelines/release/public_fields/progress.py and created before this file.

-- The published method's parameters and its worked example, computed by the same rule so the
-- /about page cannot drift from it. One row.
CREATE TABLE IF NOT EXISTS marts.progress_method (
    method                   VARCHAR NOT NULL,
    on_track_threshold       DOUBLE NOT NULL,
    needs_acceleration_threshold DOUBLE NOT NULL,
    example_target           DOUBLE NOT NULL,
    example_baseline         DOUBLE NOT NULL,
    example_period_start     DATE NOT NULL,
    example_period_end       DATE NOT NULL,
    example_as_of            DATE NOT NULL,
    example_achieved         DOUBLE NOT NULL,
    example_days_elapsed     INTEGER NOT NULL,
    example_days_in_period   INTEGER NOT NULL,
    example_share_elapsed    DOUBLE NOT NULL,
    example_expected         DOUBLE NOT NULL,
    example_ratio            DOUBLE NOT NULL,
    example_status           VARCHAR NOT NULL
);

-- A deliverable's dated status history (pipelines/marts/milestones.py): one row for the status
-- the strategy starts it with (source 'reference', as of the strategy's start or its
-- status_date), then one per record of staging.milestone_records. marts.milestones.status and
-- status_date are the latest row's (is_latest).
CREATE TABLE IF NOT EXISTS marts.milestone_status (
    milestone_id VARCHAR NOT NULL,
    status       VARCHAR NOT NULL,         -- pipelines.vocabulary.MILESTONE_STATUSES
    as_of        DATE NOT NULL,
    note         VARCHAR,
    evidence_url VARCHAR,
    recorded_by  VARCHAR NOT NULL,
    source       VARCHAR NOT NULL,         -- 'reference' | 'submission' | 'staff' | 'demo'
    due_date     DATE,
    load_id      BIGINT,
    recorded_at  TIMESTAMP,
    sequence     INTEGER NOT NULL,         -- 1 = the oldest row of the deliverable
    is_latest    BOOLEAN NOT NULL
);

-- Each deliverable at the end of each quarter marts.progress assesses: its latest status by
-- then, how the reviews read it (pipelines.vocabulary.DELIVERABLE_STATES: 'late' is at risk,
-- or not done by its due date) and what changed during the quarter.
CREATE TABLE IF NOT EXISTS marts.milestone_quarters (
    milestone_id     VARCHAR NOT NULL,
    pillar_id        VARCHAR NOT NULL,
    as_of_quarter    VARCHAR NOT NULL,
    quarter_end      DATE NOT NULL,
    is_latest        BOOLEAN NOT NULL,     -- the latest assessed quarter
    status           VARCHAR NOT NULL,
    status_as_of     DATE NOT NULL,        -- the as_of of the record in force
    due_date         DATE,                 -- the latest due date recorded by then
    state            VARCHAR NOT NULL,
    status_previous  VARCHAR NOT NULL,     -- at the end of the previous quarter ('not_reported' before any)
    state_previous   VARCHAR NOT NULL,
    status_changed   BOOLEAN NOT NULL,
    fell_overdue     BOOLEAN NOT NULL,     -- late now, not late at the end of the previous quarter
    note             VARCHAR,              -- the record in force
    recorded_by      VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,
    PRIMARY KEY (milestone_id, as_of_quarter)
);

-- Why a quarterly comparison has, or has no, number (pipelines/marts/comparisons.py): one row
-- per indicator, quarter and comparison ('previous_quarter', 'same_quarter_last_year').
CREATE TABLE IF NOT EXISTS marts.quarter_comparisons (
    indicator_id     VARCHAR NOT NULL,
    as_of_quarter    VARCHAR NOT NULL,
    comparison       VARCHAR NOT NULL,
    compared_quarter VARCHAR NOT NULL,
    reason           VARCHAR NOT NULL,     -- pipelines.vocabulary.COMPARISON_REASONS
    PRIMARY KEY (indicator_id, as_of_quarter, comparison)
);

-- Every figure as it was known on any date (pipelines/marts/vintages.py). Each accepted
-- version of a submitted figure, with the columns of marts.observations as they stood while
-- it was shown, from its load's loaded_at (known_from) until the load that replaced it
-- (known_until; NULL while it is still shown; equal to known_from for a demonstration value
-- that was never shown because a real one was already there). Published figures are not
-- here: they are known from the start (marts.observations, load_id NULL).
CREATE TABLE IF NOT EXISTS marts.observation_vintages (
    observation_id VARCHAR NOT NULL,       -- the key's id in marts.observations
    indicator_id   VARCHAR NOT NULL,
    geography      VARCHAR NOT NULL,
    breakdown      VARCHAR NOT NULL,
    period_start   DATE,
    period_end     DATE,
    period_basis   VARCHAR NOT NULL,
    value          DOUBLE,                 -- NULL when suppressed (in this or any release)
    qualifier      VARCHAR NOT NULL,
    unit           VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL,
    locator        VARCHAR NOT NULL,
    status         VARCHAR NOT NULL,       -- 'submitted' | 'revised' | 'demo', as it stood then
    suppressed     BOOLEAN NOT NULL,
    series_id      VARCHAR,
    load_id        BIGINT NOT NULL,
    revision       BOOLEAN NOT NULL,       -- an earlier version had another value, then
    note_en        VARCHAR,
    note_fr        VARCHAR,
    value_high     DOUBLE,
    value_basis    VARCHAR NOT NULL,
    known_from     TIMESTAMP NOT NULL,     -- shown from this time (inclusive)
    known_until    TIMESTAMP               -- until this time (exclusive); NULL: still shown
);

-- marts.progress as it stood after each accepted load: the same columns, computed by the
-- same code over marts.observation_vintages as they stood at vintage_at (the load's
-- loaded_at, its day taken as the build's "today"). One vintage at 0001-01-01 (before any
-- load: published figures only) and one from the start of the day of the last write
-- (= marts.progress, decided for that day) unless a load that day has its own.
-- "As known at the end of day D" is the vintage with the latest vintage_at before D + 1.
CREATE TABLE IF NOT EXISTS marts.progress_vintages AS
SELECT CAST(NULL AS TIMESTAMP) AS vintage_at,   -- in force from this time
       CAST(NULL AS BIGINT) AS vintage_load_id, -- the last load it includes; NULL: none
       p.*
FROM marts.progress AS p WHERE false;

-- Each core indicator's assessment for the pillar verdicts (pipelines/marts/verdict_rule.py,
-- built by pipelines/marts/verdicts.py): the baseline and the latest figure the statutory
-- review shows side by side, each with its per-year rate (pipelines/marts/rates.py) or the
-- reason none is made, and the assessment decided from them. The only place an indicator
-- without a target is assessed; every page, briefing and download reads it.
CREATE TABLE IF NOT EXISTS marts.indicator_assessments (
    indicator_id              VARCHAR NOT NULL,
    pillar_id                 VARCHAR,             -- NULL: a core indicator of no pillar
    assessment                VARCHAR NOT NULL,    -- verdict_rule.ASSESSMENTS
    reason                    VARCHAR,             -- verdict_rule.REASONS when not_assessable
    direction                 VARCHAR,             -- up | down | flat | undetermined; NULL: not compared
    change                    DOUBLE,              -- latest ÷ baseline − 1, exact figures only
    comparable                VARCHAR NOT NULL,    -- per_year | as_is | refused
    refusal                   VARCHAR,             -- why the two cannot be compared: baseline_no_start…
    baseline_value            DOUBLE,
    baseline_qualifier        VARCHAR,
    baseline_period_start     DATE,
    baseline_period_end       DATE,
    baseline_per_year         DOUBLE,              -- NULL: no rate (a level, or refused)
    baseline_per_year_qualifier VARCHAR,
    baseline_years            DOUBLE,
    latest_value              DOUBLE,
    latest_qualifier          VARCHAR,
    latest_period_start       DATE,
    latest_period_end         DATE,
    latest_per_year           DOUBLE,
    latest_per_year_qualifier VARCHAR,
    latest_years              DOUBLE,
    latest_status             VARCHAR,             -- published | submitted | revised | demo
    progress_status           VARCHAR,             -- marts.progress status, with a target
    as_of_quarter             VARCHAR,             -- the latest quarter marts.progress assesses
    demo                      BOOLEAN NOT NULL,    -- decided on demonstration figures
    method                    VARCHAR NOT NULL,
    PRIMARY KEY (indicator_id)
);

-- One verdict per pillar (pipelines/marts/verdict_rule.py): the ONLY place a verdict is
-- decided, from its indicators' assessments and its deliverables at the latest quarter.
CREATE TABLE IF NOT EXISTS marts.pillar_verdicts (
    pillar_id                 VARCHAR NOT NULL,
    verdict                   VARCHAR NOT NULL,    -- verdict_rule.VERDICTS
    reason                    VARCHAR,             -- 'no_evidence' when not_assessable
    as_of_quarter             VARCHAR,
    indicators                INTEGER NOT NULL,    -- core indicators of the pillar
    indicators_judged         INTEGER NOT NULL,
    indicators_good           INTEGER NOT NULL,    -- on track or improving
    indicators_bad            INTEGER NOT NULL,    -- not on track or worsening
    indicators_no_change      INTEGER NOT NULL,
    indicators_reported       INTEGER NOT NULL,    -- reported activity: never judged
    indicators_not_assessable INTEGER NOT NULL,
    deliverables              INTEGER NOT NULL,
    deliverables_done         INTEGER NOT NULL,
    deliverables_in_progress  INTEGER NOT NULL,
    deliverables_planned      INTEGER NOT NULL,
    deliverables_late         INTEGER NOT NULL,
    deliverables_not_reported INTEGER NOT NULL,
    deliverables_reading      VARCHAR NOT NULL,    -- on_schedule | late | not_assessable
    demo                      BOOLEAN NOT NULL,    -- an indicator it rests on is demonstration data
    method                    VARCHAR NOT NULL,
    PRIMARY KEY (pillar_id)
);

-- The verdict rule's parameters and its worked example, computed by the rule itself so the
-- /about page cannot drift from it. One row.
CREATE TABLE IF NOT EXISTS marts.verdict_method (
    method                    VARCHAR NOT NULL,
    no_change_band            DOUBLE NOT NULL,
    reported_share            DOUBLE NOT NULL,
    example_baseline_value    DOUBLE NOT NULL,
    example_baseline_start    DATE NOT NULL,
    example_baseline_end      DATE NOT NULL,
    example_baseline_per_year DOUBLE NOT NULL,
    example_latest_value      DOUBLE NOT NULL,
    example_latest_start      DATE NOT NULL,
    example_latest_end        DATE NOT NULL,
    example_latest_per_year   DOUBLE NOT NULL,
    example_change            DOUBLE NOT NULL,
    example_assessment        VARCHAR NOT NULL,
    example_assessments       VARCHAR[] NOT NULL,
    example_done              INTEGER NOT NULL,
    example_in_progress       INTEGER NOT NULL,
    example_planned           INTEGER NOT NULL,
    example_late              INTEGER NOT NULL,
    example_not_reported      INTEGER NOT NULL,
    example_deliverables_reading VARCHAR NOT NULL,
    example_verdict           VARCHAR NOT NULL
);

-- The quarterly review's revisions, computed once per reviewed quarter: every replacement of
-- a submitted value loaded after the previous quarter's first load and before the next
-- quarter's first load (the window pipelines/read/review.py describes). Suppressed values
-- read NULL.
CREATE TABLE IF NOT EXISTS marts.quarter_revisions (
    review_quarter VARCHAR NOT NULL,       -- the quarter whose review shows the revision
    indicator_id   VARCHAR NOT NULL,
    geography      VARCHAR NOT NULL,
    breakdown      VARCHAR NOT NULL,
    quarter        VARCHAR NOT NULL,       -- the quarter the revised value is for
    load_id        BIGINT NOT NULL,
    loaded_at      TIMESTAMP NOT NULL,
    old_value      DOUBLE,
    new_value      DOUBLE,
    demo           BOOLEAN NOT NULL
);

-- Each quarter's first load (the review of a quarter is taken to happen then).
CREATE TABLE IF NOT EXISTS marts.quarter_first_loads (
    quarter   VARCHAR NOT NULL,
    load_id   BIGINT NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (quarter)
);

-- Quarters (of marts.submission_coverage) with no submission, for each indicator that takes
-- submissions: the quarterly review's "missing submissions", read per reviewed quarter.
CREATE TABLE IF NOT EXISTS marts.quarter_missing (
    indicator_id VARCHAR NOT NULL,
    quarter      VARCHAR NOT NULL,
    PRIMARY KEY (indicator_id, quarter)
);
