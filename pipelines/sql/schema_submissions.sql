-- Quarterly submissions (ingest). Accepted rows are kept for ever: a later file for the same
-- key is a revision, and the earlier value stays here with the load that supplied it.
-- Rebuilds copy this table and meta.loads from the previous database file.
CREATE TABLE staging.submission_rows (
    load_id      BIGINT NOT NULL,          -- meta.loads row that accepted the file
    file         VARCHAR NOT NULL,         -- file name as submitted
    row_number   INTEGER NOT NULL,         -- spreadsheet row (header = 1)
    indicator_id VARCHAR NOT NULL,
    geography    VARCHAR NOT NULL,
    breakdown    VARCHAR NOT NULL,         -- 'total' or 'dimension:value'
    quarter      VARCHAR NOT NULL,         -- fiscal quarter label, e.g. '2026-27Q2'
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    value        DOUBLE NOT NULL,
    qualifier    VARCHAR NOT NULL,
    note         VARCHAR,
    program      VARCHAR NOT NULL,
    status       VARCHAR NOT NULL          -- 'submitted' | 'demo'
);

-- Every value ever accepted for a submission key, newest first, with small cells hidden the
-- same way as in marts.observations (downloads of the revision history read this).
CREATE TABLE marts.observation_history (
    indicator_id VARCHAR NOT NULL,
    geography    VARCHAR NOT NULL,
    breakdown    VARCHAR NOT NULL,
    quarter      VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    value        DOUBLE,                   -- NULL only when suppressed
    qualifier    VARCHAR NOT NULL,
    unit         VARCHAR NOT NULL,
    suppressed   BOOLEAN NOT NULL,
    status       VARCHAR NOT NULL,         -- 'submitted' | 'demo'
    load_id      BIGINT NOT NULL,
    loaded_at    TIMESTAMP NOT NULL,
    file         VARCHAR NOT NULL,
    program      VARCHAR NOT NULL,
    note         VARCHAR,
    is_latest    BOOLEAN NOT NULL,         -- the value shown in marts.observations
    revision     BOOLEAN NOT NULL          -- the key has had more than one value
);

-- Which indicator x quarter pairs have been submitted, so reviews can list the missing ones.
CREATE TABLE marts.submission_coverage (
    indicator_id VARCHAR NOT NULL,
    quarter      VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    submitted    BOOLEAN NOT NULL,
    load_id      BIGINT,                   -- latest load with a row for the pair
    status       VARCHAR                   -- 'submitted' | 'demo'; NULL when missing
);
