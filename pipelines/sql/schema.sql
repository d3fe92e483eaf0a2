-- The database contract (README, Architecture › Contract). Public tables in `marts`, bookkeeping in `meta`,
-- intermediate tables in `staging`. Add columns; never rename.
-- The public tables of the download set (meta.sources, marts.indicators, marts.observations,
-- marts.targets, marts.milestones, marts.progress) are not here: each is declared once in
-- pipelines/release/public_fields, which its CREATE TABLE is made from (pipelines/sql/contract.py;
-- `python -m pipelines.sql` prints them). They are created after this file and before
-- the schema_*.sql files.
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS marts;
CREATE SCHEMA IF NOT EXISTS meta;

CREATE TABLE meta.loads (
    load_id       BIGINT PRIMARY KEY,
    file          VARCHAR NOT NULL,
    sha256        VARCHAR,
    loaded_at     TIMESTAMP NOT NULL,
    rows_accepted INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    outcome       VARCHAR NOT NULL,        -- 'accepted' | 'rejected' | 'unchanged'
    message       VARCHAR
);

CREATE TABLE meta.build_info (
    key   VARCHAR PRIMARY KEY,             -- 'built_at', 'inputs_sha256', 'demo', 'schema_version'
    value VARCHAR NOT NULL
);

CREATE TABLE marts.strategies (
    strategy_id           VARCHAR PRIMARY KEY,   -- '2020-2025', '2025-2030'
    name_en               VARCHAR NOT NULL,
    name_fr               VARCHAR NOT NULL,
    period_start          DATE NOT NULL,
    period_end            DATE NOT NULL,
    period_basis          VARCHAR NOT NULL,      -- 'stated' | 'inferred' (see observations)
    review_interval_years INTEGER,
    source_id             VARCHAR NOT NULL,
    locator               VARCHAR NOT NULL,
    note_en               VARCHAR,
    note_fr               VARCHAR
);

CREATE TABLE marts.pillars (
    pillar_id  VARCHAR PRIMARY KEY,        -- 'awareness' | 'protection' | 'support' | 'accountability'
    name_en    VARCHAR NOT NULL,
    name_fr    VARCHAR NOT NULL,
    sort_order INTEGER NOT NULL,
    outcome_en VARCHAR NOT NULL,           -- the strategy's expected result for the pillar
    outcome_fr VARCHAR NOT NULL,
    source_id  VARCHAR NOT NULL,
    locator    VARCHAR NOT NULL
);

CREATE TABLE marts.geographies (
    geography_id VARCHAR PRIMARY KEY,      -- 'canada', 'ontario', 'toronto_durham', regions...
    name_en      VARCHAR NOT NULL,
    name_fr      VARCHAR NOT NULL,
    level        VARCHAR NOT NULL,         -- 'country' | 'province' | 'region' | 'area' | 'city'
    parent_id    VARCHAR
);

CREATE TABLE marts.units (
    unit      VARCHAR PRIMARY KEY,         -- 'people', 'cad', 'percent', 'incidents', ...
    name_en   VARCHAR NOT NULL,
    name_fr   VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,            -- 'count' | 'money' | 'percent' | 'rate'
    is_people BOOLEAN NOT NULL             -- counts of people: small-cell suppression applies
);

-- Which indicators a deliverable should move (data/reference/milestone_indicators.csv).
CREATE TABLE marts.milestone_indicators (
    milestone_id VARCHAR NOT NULL,
    indicator_id VARCHAR NOT NULL,
    basis        VARCHAR NOT NULL,         -- 'stated' (the strategy's sentence ties them) | 'inferred'
    rationale    VARCHAR NOT NULL,         -- why, in English
    rationale_fr VARCHAR NOT NULL,         -- the same in French
    source_id    VARCHAR,                  -- stated links: the document and its sentence
    locator      VARCHAR,
    PRIMARY KEY (milestone_id, indicator_id)
);

-- Deliverable status records: what a submission sheet or a staff member reported about one
-- deliverable on one date. Kept for ever and carried across rebuilds (pipelines/build.py,
-- CARRY_OVER); marts.milestone_status and marts.milestones.status are built from them
-- (pipelines/marts/milestones.py, which documents the record format).
CREATE TABLE IF NOT EXISTS staging.milestone_records (
    milestone_id VARCHAR NOT NULL,         -- marts.milestones.milestone_id
    status       VARCHAR NOT NULL,         -- pipelines.vocabulary.MILESTONE_STATUSES
    as_of        DATE NOT NULL,            -- the day the status was true
    note         VARCHAR,
    evidence_url VARCHAR,                  -- http(s) address of the evidence, when given
    recorded_by  VARCHAR NOT NULL,         -- the program (submission) or staff account that reported it
    source       VARCHAR NOT NULL,         -- pipelines.vocabulary.MILESTONE_RECORD_SOURCES
    due_date     DATE,                     -- the day the deliverable is due, when the record says
    load_id      BIGINT,                   -- the meta.loads row of a submission; NULL from the web form
    recorded_at  TIMESTAMP NOT NULL        -- when the tracker accepted the record
);
