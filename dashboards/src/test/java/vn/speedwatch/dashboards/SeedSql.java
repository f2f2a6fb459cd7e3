package vn.speedwatch.dashboards;

/**
 * The SQL of {@link Seed}. Values follow simple, plausible shapes: fibre fastest, evening (19–22 h)
 * congestion, night hours (2–4 h) sparse, each operator and TDP a little different.
 */
final class SeedSql {

    private SeedSql() {}

    private static final String AGG_COLUMNS =
            """
            resolution, bucket_start, tdp_code, operator, access_type, sample_count,
            device_count, download_mean, download_median, download_p10, download_p90,
            upload_mean, upload_median, upload_p10, upload_p90, latency_mean, latency_median,
            latency_p10, latency_p90, qcvn_evaluated_count, below_qcvn_count, below_qcvn_share,
            target_2030_evaluated_count, target_2030_pass_count, plan_gigabit_count,
            ip_known_count, ipv6_count""";

    /** Parameters: from, end, operators[], access types[], samples per (non-night) hour. */
    static final String HOURS =
            "INSERT INTO quality_aggregates ("
                    + AGG_COLUMNS
                    + """
            )
            SELECT 'hour', h.ts, a.code, o.op, x.acc, s.n, greatest(1, s.n * 2 / 3),
                   v.dl * 1.05, v.dl, v.dl * 0.4, v.dl * 1.5,
                   v.ul * 1.05, v.ul, v.ul * 0.4, v.ul * 1.5,
                   v.lat * 1.1, v.lat, v.lat * 0.6, v.lat * 1.8,
                   s.n, round(s.n * v.below)::bigint, round(s.n * v.below) / s.n,
                   CASE WHEN x.acc LIKE 'FIXED%' THEN s.n ELSE 0 END,
                   CASE WHEN x.acc = 'FIXED_FIBER' THEN round(s.n * (0.3 - 0.02 * o.oi))::bigint
                        ELSE 0 END,
                   CASE WHEN x.acc LIKE 'FIXED%' THEN round(s.n * 0.4)::bigint ELSE 0 END,
                   s.n - s.n / 10, round((s.n - s.n / 10) * (0.15 + 0.05 * o.oi))::bigint
            FROM generate_series(CAST(? AS timestamptz),
                                 CAST(? AS timestamptz) - INTERVAL '1 hour',
                                 INTERVAL '1 hour') AS h(ts)
            CROSS JOIN (SELECT code, row_number() OVER (ORDER BY code) AS idx FROM areas) a
            CROSS JOIN unnest(CAST(? AS text[])) WITH ORDINALITY AS o(op, oi)
            CROSS JOIN unnest(CAST(? AS text[])) WITH ORDINALITY AS x(acc, ai)
            CROSS JOIN LATERAL (SELECT extract(hour FROM h.ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::int
                                AS hod) t
            CROSS JOIN LATERAL (SELECT CASE WHEN t.hod BETWEEN 2 AND 4 THEN 3 ELSE ? END AS n) s
            CROSS JOIN LATERAL (SELECT
                  round(((CASE x.acc WHEN 'FIXED_FIBER' THEN 260 WHEN 'FIXED_OTHER' THEN 45
                              WHEN 'MOBILE_4G' THEN 38 WHEN 'MOBILE_5G' THEN 190 ELSE 55 END)
                    * (1 - 0.08 * o.oi) * (1 - 0.03 * a.idx)
                    * (CASE WHEN t.hod BETWEEN 19 AND 22 THEN 0.62 ELSE 1 END)
                    * (1 + 0.1 * sin(extract(doy FROM h.ts))))::numeric, 2)::float8 AS dl) d
            CROSS JOIN LATERAL (SELECT d.dl,
                  round((d.dl * CASE WHEN x.acc LIKE 'FIXED%' THEN 0.9 ELSE 0.35 END)::numeric,
                        2)::float8 AS ul,
                  round(((CASE x.acc WHEN 'FIXED_FIBER' THEN 9 WHEN 'MOBILE_4G' THEN 35
                              WHEN 'MOBILE_5G' THEN 18 ELSE 28 END)
                    * (CASE WHEN t.hod BETWEEN 19 AND 22 THEN 1.6 ELSE 1 END))::numeric,
                        2)::float8 AS lat,
                  least(0.9, greatest(0.0, (100 - d.dl) / 200)) AS below) v""";

    /** The sparse cell: 3 samples in one hour, values that must never be shown. */
    static final String SPARSE_HOUR =
            "INSERT INTO quality_aggregates ("
                    + AGG_COLUMNS
                    + """
            )
            VALUES ('hour', '2026-10-15 10:00+07', 'TDP-12', 'OTHER', 'FIXED_OTHER', 3, 3,
                    4242.42, 4242.42, 4242.11, 4242.99, 4141.41, 4141.41, 4141.41, 4141.41,
                    4343.43, 4343.43, 4343.43, 4343.43, 3, 1, 0.4242, 3, 1, 1, 3, 1)""";

    /** TDP-11's cultural house has no public Wi-Fi tests: the 2030 dashboard must flag it. */
    static final String NO_WIFI_IN_TDP_11 =
            """
            DELETE FROM quality_aggregates
            WHERE tdp_code = 'TDP-11' AND access_type = 'PUBLIC_WIFI'""";

    /** Days from hours, as the pipeline's day windows would give (approximately). */
    static final String DAYS =
            "INSERT INTO quality_aggregates ("
                    + AGG_COLUMNS
                    + """
            )
            SELECT 'day', date_trunc('day', bucket_start, 'Asia/Ho_Chi_Minh'), tdp_code, operator,
                   access_type, sum(sample_count), max(device_count) * 3,
                   sum(download_mean * sample_count) / sum(sample_count),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY download_median),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY download_p10),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY download_p90),
                   sum(upload_mean * sample_count) / sum(sample_count),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY upload_median),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY upload_p10),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY upload_p90),
                   sum(latency_mean * sample_count) / sum(sample_count),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_median),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_p10),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_p90),
                   sum(qcvn_evaluated_count), sum(below_qcvn_count),
                   sum(below_qcvn_count)::float8 / sum(qcvn_evaluated_count),
                   sum(target_2030_evaluated_count), sum(target_2030_pass_count),
                   sum(plan_gigabit_count), sum(ip_known_count), sum(ipv6_count)
            FROM quality_aggregates
            WHERE resolution = 'hour'
            GROUP BY 2, 3, 4, 5""";

    /**
     * Which of three device subsets a day row's devices are: each TDP × operator has 60 devices
     * ("dev-TDP-01-VIETTEL-7"), a day row holds the 40 whose number k has (k + variant) % 3 ≠ 0, so
     * every device appears over a month and none is in every row.
     */
    static final String DEVICE_VARIANT =
            "(extract(doy FROM q.bucket_start AT TIME ZONE"
                    + " 'Asia/Ho_Chi_Minh')::int + length(q.access_type)) % 3";

    /** Day rows' device sketches, built by the migration's SQL function (3 per TDP × operator). */
    static final String DEVICE_SKETCHES =
            """
            WITH variants AS (
                SELECT c.tdp_code, c.operator, v.r,
                       device_sketch_of(array(
                           SELECT 'dev-' || c.tdp_code || '-' || c.operator || '-' || k
                           FROM generate_series(0, 59) AS k WHERE (k + v.r) % 3 <> 0)) AS sketch
                FROM (SELECT DISTINCT tdp_code, operator FROM quality_aggregates) c
                CROSS JOIN generate_series(0, 2) AS v(r)
            )
            UPDATE quality_aggregates q SET device_sketch = v.sketch
            FROM variants v
            WHERE q.resolution = 'day' AND v.tdp_code = q.tdp_code AND v.operator = q.operator
              AND v.r = """
                    + DEVICE_VARIANT;

    /** The exact number of distinct devices in the day rows {@code filter} selects. */
    static String exactDevices(String filter) {
        return "SELECT count(DISTINCT q.tdp_code || '-' || q.operator || '-' || k)"
                + " FROM quality_aggregates q CROSS JOIN generate_series(0, 59) AS k"
                + " WHERE q.resolution = 'day' AND (k + "
                + DEVICE_VARIANT
                + ") % 3 <> 0"
                + " AND "
                + filter;
    }

    /** Parameters: from, end, number of cells, operators[], access types[]. */
    static final String HEATMAP =
            """
            INSERT INTO heatmap_cells (day, quadkey, operator, access_type, center_lat,
                center_lon, sample_count, device_count, download_median, download_p10,
                upload_median, latency_median, below_qcvn_share)
            SELECT d.day, '132300330212' || lpad(k::text, 4, '0'), o.op, x.acc,
                   20.905 + (k % 12) * 0.0025, 106.642 + (k / 12) * 0.0025, 30, 8,
                   round((140 + 60 * sin(k) - 15 * o.oi)::numeric, 2)::float8,
                   round((50 + 20 * sin(k) - 5 * o.oi)::numeric, 2)::float8,
                   round((60 + 20 * cos(k))::numeric, 2)::float8, 20 + (k % 7),
                   round((0.1 + 0.05 * cos(k))::numeric, 3)::float8
            FROM generate_series(CAST(? AS timestamptz),
                                 CAST(? AS timestamptz) - INTERVAL '1 day',
                                 INTERVAL '1 day') AS d(day)
            CROSS JOIN generate_series(0, ? - 1) AS k
            CROSS JOIN unnest(CAST(? AS text[])) WITH ORDINALITY AS o(op, oi)
            CROSS JOIN unnest(CAST(? AS text[])) AS x(acc)""";

    static final String SPARSE_HEATMAP =
            """
            INSERT INTO heatmap_cells (day, quadkey, operator, access_type, center_lat,
                center_lon, sample_count, device_count, download_median, download_p10,
                upload_median, latency_median, below_qcvn_share)
            VALUES ('2026-10-15 00:00+07', '1323003302120SPARSE', 'VIETTEL', 'FIXED_FIBER',
                    20.941, 106.699, 3, 3, 4242.42, 4242.11, 4141.41, 4343.43, 0.4242)""";

    /**
     * Parameters: first id number, row count, from, microseconds between rows, operators[] (twice),
     * access types[] (twice). Rows spread over the whole month whatever their count.
     */
    static final String RAW =
            """
            INSERT INTO measurements_raw (id, measured_at, received_at, download_mbps,
                upload_mbps, latency_ms, operator, access_type, plan_download_mbps, tdp_code,
                ip_version, device_hash, qcvn_pass, target_2030_pass)
            SELECT md5((i + ?)::text)::uuid, t.at, t.at + INTERVAL '2 seconds', v.dl, v.dl * 0.6,
                   12 + (i % 40), v.op, v.acc, v.plan,
                   'TDP-' || lpad((i % 12 + 1)::text, 2, '0'),
                   CASE WHEN i % 5 = 0 THEN 6 ELSE 4 END, 'dev-' || (i % 2311),
                   v.dl >= 30,
                   CASE WHEN v.acc LIKE 'FIXED%' THEN v.plan >= 1000 AND v.dl >= 0.8 * v.plan END
            FROM generate_series(0, ? - 1) AS i
            CROSS JOIN LATERAL (SELECT CAST(? AS timestamptz)
                                       + (i * ?) * INTERVAL '1 microsecond' AS at) t
            CROSS JOIN LATERAL (SELECT
                   (CAST(? AS text[]))[1 + (i / 12) % cardinality(CAST(? AS text[]))] AS op) o
            CROSS JOIN LATERAL (SELECT o.op,
                   (CAST(? AS text[]))[1 + (i / 7) % cardinality(CAST(? AS text[]))] AS acc,
                   CASE WHEN i % 3 = 0 THEN 1000.0 ELSE 300.0 END AS plan,
                   (20 + (i * 7919) % 1100)::float8 AS dl) v""";

    /** How to drop and re-create each index of the raw table (the primary key as a constraint). */
    static final String RAW_INDEXES =
            """
            SELECT CASE WHEN con.oid IS NULL THEN format('DROP INDEX %I', i.relname)
                        ELSE format('ALTER TABLE measurements_raw DROP CONSTRAINT %I', con.conname)
                   END,
                   CASE WHEN con.oid IS NULL THEN pg_get_indexdef(i.oid)
                        ELSE format('ALTER TABLE measurements_raw ADD CONSTRAINT %I %s',
                                    con.conname, pg_get_constraintdef(con.oid))
                   END
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid
            WHERE x.indrelid = 'measurements_raw'::regclass
            ORDER BY con.oid IS NULL""";

    static final String ALERTS =
            """
            INSERT INTO alerts (tdp_code, operator, access_type, kind, status, opened_at,
                closed_at, sample_count, median_24h, baseline_median, below_qcvn_share)
            VALUES ('TDP-01', 'VIETTEL', 'FIXED_FIBER', 'MEDIAN_DROP', 'OPEN',
                    '2026-10-20 21:00+07', NULL, 140, 95.5, 240.0, 0.31),
                   ('TDP-01', 'VNPT', 'MOBILE_4G', 'BELOW_QCVN', 'ACKNOWLEDGED',
                    '2026-10-18 20:00+07', NULL, 60, 18.0, 36.0, 0.55),
                   ('TDP-02', 'FPT', 'FIXED_FIBER', 'MEDIAN_DROP', 'CLOSED',
                    '2026-10-05 20:00+07', '2026-10-06 09:00+07', 90, 120.0, 230.0, 0.2),
                   ('TDP-12', 'OTHER', 'FIXED_OTHER', 'BELOW_QCVN', 'OPEN',
                    '2026-10-15 11:00+07', NULL, 3, 4242.42, 4040.4, 0.4242)""";

    static final String DEAD_LETTERS =
            """
            INSERT INTO dead_letters (received_at, record_key, payload, reason)
            VALUES ('2026-10-03 08:00+07', 'k1', '{', 'malformed JSON'),
                   ('2026-10-09 19:30+07', 'k2', '{"download":-1}', 'invalid measurement'),
                   ('2026-10-21 07:15+07', 'k3', '{"download":-2}', 'invalid measurement')""";
}
