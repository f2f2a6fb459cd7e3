-- V13: what the dashboards used to scan measurements_raw for (issue #7), carried by the aggregates
-- instead. Hour and day rows get additive counts (sums over any range and filter are exact); day
-- rows get a HyperLogLog sketch of device hashes, mergeable in plain SQL, because distinct devices
-- cannot be summed across days or cells. V13.1 adds the same counts to quality_monthly.
-- Each ADD COLUMN is its own statement: TimescaleDB alters compressed hypertables one at a time.

ALTER TABLE quality_aggregates
    ADD COLUMN IF NOT EXISTS target_2030_evaluated_count bigint NOT NULL DEFAULT 0;
ALTER TABLE quality_aggregates
    ADD COLUMN IF NOT EXISTS target_2030_pass_count bigint NOT NULL DEFAULT 0;
-- Samples whose plan is at least 1000 Mbit/s (the panels count them on fixed-line rows).
ALTER TABLE quality_aggregates
    ADD COLUMN IF NOT EXISTS plan_gigabit_count bigint NOT NULL DEFAULT 0;
-- Samples with a known IP version, and those over IPv6.
ALTER TABLE quality_aggregates
    ADD COLUMN IF NOT EXISTS ip_known_count bigint NOT NULL DEFAULT 0;
ALTER TABLE quality_aggregates
    ADD COLUMN IF NOT EXISTS ipv6_count bigint NOT NULL DEFAULT 0;
-- Day rows only (NULL on hour rows): 1024 registers × 10 bits, thermometer-coded, so that the
-- element-wise maximum of two sketches is their bitwise OR: merge with bit_or(device_sketch).
-- Written by vn.speedwatch.warehouse.DeviceSketch; same hash and layout as device_sketch_of.
ALTER TABLE quality_aggregates
    ADD COLUMN IF NOT EXISTS device_sketch bit varying;

-- The sketch of a set of device hashes, as the pipeline writes it: register = first 10 bits of
-- MD5(hash), rank = position of the first one-bit in the next 54 bits, capped at 10.
CREATE OR REPLACE FUNCTION device_sketch_of(device_hashes text[]) RETURNS bit varying
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH h AS (
        SELECT CAST('x' || substr(md5(d), 1, 16) AS bit(64)) AS b
        FROM unnest(device_hashes) AS d
        WHERE d IS NOT NULL
    ), r AS (
        SELECT CAST(substring(b FROM 1 FOR 10) AS integer) AS j,
               max(least(10, coalesce(nullif(position(B'1' IN substring(b FROM 11)), 0), 55)))
                 AS rank
        FROM h
        GROUP BY 1
    ), g AS (
        SELECT j, rank, coalesce(lag(j) OVER (ORDER BY j), -1) AS prev FROM r
    )
    SELECT CAST(coalesce(string_agg(repeat('0', (j - prev - 1) * 10)
                                    || rpad(repeat('1', rank), 10, '0'), '' ORDER BY j), '')
                || repeat('0', (1023 - coalesce(max(j), -1)) * 10) AS bit varying)
    FROM g
$$;

-- Distinct devices in a (merged) sketch: the HyperLogLog estimate with the small-range
-- (linear counting) correction. Standard error ≈ 1.04 / √1024 ≈ 3.3 %; see dashboards/README.md.
CREATE OR REPLACE FUNCTION device_sketch_estimate(sketch bit varying) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    WITH r AS (
        SELECT bit_count(substring(sketch FROM j * 10 + 1 FOR 10)) AS rank
        FROM generate_series(0, 1023) AS j
    ), e AS (
        SELECT 0.7213 / (1 + 1.079 / 1024) * 1024 * 1024
                 / sum(power(CAST(2 AS double precision), -rank)) AS raw,
               count(*) FILTER (WHERE rank = 0) AS zeros
        FROM r
    )
    SELECT CASE WHEN length(sketch) <> 10240 THEN NULL
                WHEN raw <= 2.5 * 1024 AND zeros > 0 THEN 1024 * ln(1024.0 / zeros)
                ELSE raw END
    FROM e
$$;

-- Rows written before V13 get their counts and sketches from the raw rows still kept (without
-- the per-device daily cap the pipeline applies, so a capped device's extra tests count here).
UPDATE quality_aggregates q
SET target_2030_evaluated_count = r.target_evaluated,
    target_2030_pass_count = r.target_pass,
    plan_gigabit_count = r.plan_gigabit,
    ip_known_count = r.ip_known,
    ipv6_count = r.ipv6,
    device_sketch = CASE WHEN q.resolution = 'day' THEN r.sketch END
FROM (
    SELECT res.resolution,
           CASE res.resolution WHEN 'hour' THEN date_trunc('hour', m.measured_at)
                ELSE date_trunc('day', m.measured_at, 'Asia/Ho_Chi_Minh') END AS bucket_start,
           m.tdp_code, m.operator, m.access_type,
           count(m.target_2030_pass) AS target_evaluated,
           count(*) FILTER (WHERE m.target_2030_pass) AS target_pass,
           count(*) FILTER (WHERE m.plan_download_mbps >= 1000) AS plan_gigabit,
           count(m.ip_version) AS ip_known,
           count(*) FILTER (WHERE m.ip_version = 6) AS ipv6,
           CASE WHEN res.resolution = 'day'
                THEN device_sketch_of(array_agg(DISTINCT m.device_hash)) END AS sketch
    FROM measurements_raw m
    CROSS JOIN (VALUES ('hour'), ('day')) AS res(resolution)
    GROUP BY 1, 2, 3, 4, 5
) r
WHERE q.resolution = r.resolution AND q.bucket_start = r.bucket_start
  AND q.tdp_code = r.tdp_code AND q.operator = r.operator AND q.access_type = r.access_type;
