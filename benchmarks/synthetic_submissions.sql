-- SYNTHETIC submissions, as a series of ingests would leave them (benchmarks/synthetic.py).
-- Statements run one by one, each with the named parameters it uses.

-- Row n -> quarter, geography, indicator, breakdown by mixed radix, so any prefix of the
-- sequence is a realistic slice (all quarters and places of the first indicators). Version 0
-- of every cell comes in its quarter's file; version 1 of the first $revisions cells with
-- n % 101 = 0 (101 and 40 are coprime: every quarter has some) comes in the quarter's revision
-- file, with a new value.
CREATE TEMP TABLE synthetic_rows AS
WITH cells AS (
    SELECT n, n % $quarters AS q, (n // $quarters) % ($regions + 1) AS g,
           (n // ($quarters * ($regions + 1))) % $indicators AS ind,
           n // ($quarters * ($regions + 1) * $indicators) AS b,
           (n * 2654435761) % 997 AS raw,
           n % 101 = 0 AND n // 101 < $revisions AS revised
    FROM range($cells) AS r(n)
), versions AS (
    SELECT *, 0 AS v FROM cells
    UNION ALL
    SELECT *, 1 AS v FROM cells WHERE revised
), shaped AS (
    SELECT *, (date '2020-04-01' + to_months(3 * q::INTEGER))::DATE AS period_start,
           printf('%d-%02dQ%d', 2020 + q // 4, (2021 + q // 4) % 100, q % 4 + 1) AS quarter,
           $first_load + 2 * q + v AS load_id
    FROM versions
)
SELECT n, v, q, g, ind, b, quarter, load_id, revised, period_start,
       (period_start + to_months(3))::DATE - 1 AS period_end,
       printf('synthetic_indicator_%02d', ind + 1) AS indicator_id,
       CASE WHEN g = 0 THEN 'ontario' ELSE printf('synthetic_region_%03d', g) END AS geography,
       CASE WHEN b = 0 THEN 'total'
            WHEN b % 2 = 1 THEN printf('age:group_%d', b) ELSE printf('sex:group_%d', b)
       END AS breakdown,
       (CASE WHEN b > 0 THEN raw % 50 ELSE raw END + 7 * v)::DOUBLE AS value,
       b > 0 AND raw % 50 BETWEEN 1 AND 9 AS small,
       v = 1 OR NOT revised AS is_latest,
       printf('synthetic_%s%s.csv', quarter, CASE WHEN v = 1 THEN '_revision' ELSE '' END)
           AS file,
       (period_start + to_months(3) + INTERVAL (20 + 30 * v) DAY)::TIMESTAMP AS loaded_at
FROM shaped;

INSERT INTO meta.loads
SELECT load_id, any_value(file), printf('synthetic-%d', load_id), any_value(loaded_at),
       count(*), 0, 'accepted', 'SYNTHETIC benchmark load'
FROM synthetic_rows GROUP BY load_id ORDER BY load_id;

-- Staged as received: file by file, in the order the rows were written.
INSERT INTO staging.submission_rows
SELECT load_id, file,
       row_number() OVER (PARTITION BY load_id ORDER BY ind, g, b) + 1 AS row_number,
       indicator_id, geography, breakdown, quarter, period_start, period_end, value, 'exact',
       'SYNTHETIC', 'SYNTHETIC', 'submitted'
FROM synthetic_rows ORDER BY load_id, ind, g, b;

-- In the order publish() writes the history: indicator, quarter, geography, breakdown, load.
INSERT INTO marts.observation_history
SELECT indicator_id, geography, breakdown, quarter, period_start, period_end,
       CASE WHEN small THEN NULL ELSE value END, 'exact', 'people', small, 'submitted',
       load_id, loaded_at, file, 'SYNTHETIC', 'SYNTHETIC', is_latest, revised
FROM synthetic_rows ORDER BY ind, q, g, b, load_id;

INSERT INTO marts.observations BY NAME
SELECT printf('synthetic_%d', n) AS observation_id, indicator_id, geography, breakdown,
       period_start, period_end, 'stated' AS period_basis,
       CASE WHEN small THEN NULL ELSE value END AS value, 'exact' AS qualifier,
       'people' AS unit, 'synthetic_generator' AS source_id,
       printf('SYNTHETIC %s, row %d', file, n) AS locator,
       CASE WHEN revised THEN 'revised' ELSE 'submitted' END AS status, small AS suppressed,
       load_id, revised AS revision, 'SYNTHETIC' AS note_en, 'SYNTHÉTIQUE' AS note_fr
FROM synthetic_rows WHERE is_latest ORDER BY ind, q, g, b;

-- Every indicator of a pillar is expected every quarter from the strategy's start to the
-- latest quarter submitted.
INSERT INTO marts.submission_coverage
WITH quarters AS (
    SELECT DISTINCT quarter, period_start, period_end FROM synthetic_rows
    WHERE period_start >= $strategy_start
), submitted AS (
    SELECT indicator_id, quarter, max(load_id) AS load_id FROM synthetic_rows
    GROUP BY indicator_id, quarter
)
SELECT i.indicator_id, q.quarter, q.period_start, q.period_end, s.load_id IS NOT NULL,
       s.load_id, CASE WHEN s.load_id IS NOT NULL THEN 'submitted' END
FROM marts.indicators AS i CROSS JOIN quarters AS q
LEFT JOIN submitted AS s ON s.indicator_id = i.indicator_id AND s.quarter = q.quarter
WHERE i.pillar_id IS NOT NULL
ORDER BY i.indicator_id, q.period_start;

DROP TABLE synthetic_rows
