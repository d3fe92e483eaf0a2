-- The database contract (README, Architecture › Contract). Public tables in `marts`, bookkeeping in `meta`,
-- intermediate tables in `staging`. Add columns; never rename.
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS marts;
CREATE SCHEMA IF NOT EXISTS meta;

CREATE TABLE meta.sources (
    source_id   VARCHAR PRIMARY KEY,
    title       VARCHAR NOT NULL,
    publisher   VARCHAR NOT NULL,
    publisher_fr VARCHAR NOT NULL,         -- the publisher's French name
    language    VARCHAR NOT NULL,          -- 'fr' | 'en'
    published   VARCHAR,                   -- as precise as known: '2025', '2019-11', '2023-12-04'; NULL = undated
    published_about BOOLEAN NOT NULL,      -- the date is approximate ('about 2021')
    url         VARCHAR,
    sha256      VARCHAR NOT NULL,          -- of the raw file under data/raw/ the figures were read from
    raw_file    VARCHAR NOT NULL,          -- path relative to data/raw/
    kind        VARCHAR NOT NULL,          -- 'document' | 'context' | 'submission' | 'demo'
    tier        VARCHAR,                   -- context sources: 'primary'
    edition_en  VARCHAR NOT NULL,          -- short label for legends and citations
    edition_fr  VARCHAR NOT NULL
);

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

CREATE TABLE marts.indicators (
    indicator_id   VARCHAR PRIMARY KEY,
    pillar_id      VARCHAR,                -- NULL for strategy-wide and context indicators
    topic          VARCHAR NOT NULL,       -- 'strategy' | 'police_reported' | 'courts' | 'hotline' | 'funding' | 'victims' | 'federal_projects' | 'organization' | 'research'
    name_en        VARCHAR NOT NULL,
    name_fr        VARCHAR NOT NULL,
    unit           VARCHAR NOT NULL,
    measure        VARCHAR NOT NULL,       -- 'count' | 'cumulative' | 'annual_average' | 'amount' | 'share' | 'rate'
    interpretation VARCHAR NOT NULL,       -- 'higher_is_better' | 'lower_is_better' | 'reported_activity' | 'context'
    reporting_note BOOLEAN NOT NULL,       -- show "more reported cases can mean the strategy is working"
    headline       BOOLEAN NOT NULL,       -- shown on the overview card of its pillar
    sort_order     INTEGER NOT NULL,
    definition_en  VARCHAR NOT NULL,
    definition_fr  VARCHAR NOT NULL
);

CREATE TABLE marts.observations (
    observation_id VARCHAR PRIMARY KEY,    -- stable: hash of the natural key
    indicator_id   VARCHAR NOT NULL,
    geography      VARCHAR NOT NULL,
    breakdown      VARCHAR NOT NULL,       -- 'total', or 'dimension:value' (e.g. 'age:12-15', 'project:voice-found')
    period_start   DATE,                   -- NULL when the source states no start
    period_end     DATE,                   -- NULL when the source states no end
    period_basis   VARCHAR NOT NULL,       -- 'stated' | 'as_of' (cumulative to period_end) | 'inferred' | 'not_stated'
    value          DOUBLE,                 -- NULL only when suppressed
    qualifier      VARCHAR NOT NULL,       -- 'exact' | 'more_than' | 'at_least' | 'about' | 'nearly' | 'up_to' | 'range' | 'all'
    unit           VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL,
    locator        VARCHAR NOT NULL,       -- the sentence or cell the figure came from
    status         VARCHAR NOT NULL,       -- 'published' | 'submitted' | 'revised' | 'demo'
    suppressed     BOOLEAN NOT NULL,
    series_id      VARCHAR,                -- context rows: the series_id of data/raw/context-figures.csv
    load_id        BIGINT,                 -- submissions: meta.loads row that supplied the value
    revision       BOOLEAN NOT NULL,       -- this value replaced an earlier one for the same key
    note_en        VARCHAR,
    note_fr        VARCHAR,
    value_high     DOUBLE,                 -- qualifier 'range' only: the high end ("45-50" is value 45, value_high 50)
    value_basis    VARCHAR NOT NULL DEFAULT 'printed'  -- 'printed' | 'derived' (worked out from what the source prints; never a headline figure)
);

CREATE TABLE marts.targets (
    indicator_id          VARCHAR NOT NULL,
    target_kind           VARCHAR NOT NULL,  -- 'cumulative' | 'annual_floor' | 'level'
    target_value          DOUBLE NOT NULL,
    period_start          DATE NOT NULL,
    period_end            DATE NOT NULL,
    baseline_value        DOUBLE,            -- NULL when none is published
    baseline_period_start DATE,
    baseline_period_end   DATE,
    source_id             VARCHAR NOT NULL,
    locator               VARCHAR NOT NULL,
    note_en               VARCHAR,
    note_fr               VARCHAR,
    PRIMARY KEY (indicator_id, period_start, period_end)
);

CREATE TABLE marts.milestones (
    milestone_id VARCHAR PRIMARY KEY,      -- e.g. 'awareness-a1' (activity), 'awareness-i1' (improvement)
    pillar_id    VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,         -- 'activity' | 'improvement'
    sort_order   INTEGER NOT NULL,
    text_en      VARCHAR NOT NULL,
    text_fr      VARCHAR NOT NULL,
    status       VARCHAR NOT NULL,         -- 'not_reported' | 'planned' | 'in_progress' | 'done' | 'at_risk'
    status_date  DATE,
    note         VARCHAR,
    source_id    VARCHAR NOT NULL,
    locator      VARCHAR NOT NULL
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
