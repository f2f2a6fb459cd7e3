package vn.speedwatch.warehouse;

/**
 * Every SQL statement of the warehouse module outside the V1 migration file: the repositories'
 * queries and the time-series layout that V2 applies (TimescaleDB or plain PostgreSQL).
 */
final class Sql {

    private Sql() {}

    // ---- measurements_raw -------------------------------------------------------------------

    static final String RAW_COLUMNS =
            """
            id, measured_at, received_at, download_mbps, upload_mbps, latency_ms, jitter_ms,
            packet_loss_percent, loaded_latency_ms, operator, operator_raw, access_type,
            plan_download_mbps, plan_upload_mbps, tdp_code, cell_id, latitude, longitude,
            accuracy_m, server, client, ip_version, device_hash, api_key_id, qcvn_pass,
            target_2030_pass, note""";

    /**
     * Upsert of a round of a batch in one statement (no id twice; see {@link RawUpsertBatch}), its
     * rows bound as one array per column: pgjdbc cannot rewrite an INSERT ... SELECT ... WHERE into
     * a multi-row insert, so a JDBC batch of single-row upserts costs one execution per row. It
     * skips ids erased by their owner (a replay must not resurrect them) and ids already stored
     * with another measured_at (the key is (id, measured_at) only because hypertables need the time
     * column in it; an id names one measurement). The stored-elsewhere test is a scalar subquery,
     * not NOT EXISTS, because the planner may turn an anti-join into a hash of the whole raw table
     * when its statistics are stale (a fresh or truncated table), costing a full scan per batch; a
     * subquery (measured_at is never null: NULL means no such row) stays one index probe per row.
     */
    static final String RAW_UPSERT =
            "INSERT INTO measurements_raw ("
                    + RAW_COLUMNS
                    + """
            )
            SELECT
            """
                    + RAW_COLUMNS
                    + """

            FROM unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::float8[], ?::float8[],
                        ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[],
                        ?::text[], ?::float8[], ?::float8[], ?::text[], ?::text[], ?::float8[],
                        ?::float8[], ?::float8[], ?::text[], ?::text[], ?::int2[], ?::text[],
                        ?::text[], ?::bool[], ?::bool[], ?::text[])
                 AS r("""
                    + RAW_COLUMNS
                    + """
            )
            WHERE NOT EXISTS (SELECT 1 FROM erasures e WHERE e.id = r.id)
              AND (SELECT m.measured_at FROM measurements_raw m
                   WHERE m.id = r.id AND m.measured_at <> r.measured_at LIMIT 1) IS NULL
            ON CONFLICT (id, measured_at) DO UPDATE SET
                received_at = EXCLUDED.received_at, download_mbps = EXCLUDED.download_mbps,
                upload_mbps = EXCLUDED.upload_mbps, latency_ms = EXCLUDED.latency_ms,
                jitter_ms = EXCLUDED.jitter_ms, packet_loss_percent = EXCLUDED.packet_loss_percent,
                loaded_latency_ms = EXCLUDED.loaded_latency_ms, operator = EXCLUDED.operator,
                operator_raw = EXCLUDED.operator_raw, access_type = EXCLUDED.access_type,
                plan_download_mbps = EXCLUDED.plan_download_mbps,
                plan_upload_mbps = EXCLUDED.plan_upload_mbps, tdp_code = EXCLUDED.tdp_code,
                cell_id = EXCLUDED.cell_id, latitude = EXCLUDED.latitude,
                longitude = EXCLUDED.longitude, accuracy_m = EXCLUDED.accuracy_m,
                server = EXCLUDED.server, client = EXCLUDED.client,
                ip_version = EXCLUDED.ip_version, device_hash = EXCLUDED.device_hash,
                api_key_id = EXCLUDED.api_key_id, qcvn_pass = EXCLUDED.qcvn_pass,
                target_2030_pass = EXCLUDED.target_2030_pass, note = EXCLUDED.note""";

    /** Raw rows of ids never seen before (see {@link RawUpsertBatch}), in binary format. */
    static final String RAW_COPY =
            "COPY measurements_raw (" + RAW_COLUMNS + ") FROM STDIN (FORMAT binary)";

    /**
     * Which of the given ids are stored (at any time) or erased, by one lookup per id. OFFSET 0
     * keeps the planner from turning EXISTS into a hash of the whole table, which it prefers for a
     * batch's thousands of ids over a table of a hundred thousand rows, at a cost that grows with
     * the table. Planned at every execution ({@link RawUpsertBatch}), each lookup scans by index
     * once the table is more than a few pages.
     */
    static final String RAW_KNOWN_IDS =
            """
            SELECT u.id FROM unnest(?::uuid[]) AS u(id)
            WHERE EXISTS (SELECT 1 FROM measurements_raw m WHERE m.id = u.id OFFSET 0)
               OR EXISTS (SELECT 1 FROM erasures e WHERE e.id = u.id OFFSET 0)""";

    /** The PGlite test server (PostgreSQL compiled by emcc) drops a connection that COPYs in. */
    static final String COPY_IN_SUPPORTED = "SELECT version() NOT LIKE '%compiled by emcc%'";

    static final String RAW_FIND =
            "SELECT "
                    + RAW_COLUMNS
                    + " FROM measurements_raw WHERE id = ? ORDER BY measured_at LIMIT 1";

    static final String RAW_FIND_CELL =
            "SELECT "
                    + RAW_COLUMNS
                    + """
             FROM measurements_raw
            WHERE tdp_code = ? AND operator = ? AND access_type = ?
              AND measured_at >= ? AND measured_at < ?
            ORDER BY measured_at, id""";

    static final String RAW_DELETE_ID = "DELETE FROM measurements_raw WHERE id = ?";

    static final String ERASURE_INSERT =
            """
            INSERT INTO erasures (id, requested_at) VALUES (?, ?)
            ON CONFLICT (id) DO NOTHING""";

    static final String ERASURE_EXISTS = "SELECT 1 FROM erasures WHERE id = ?";

    static final String RAW_FORGET_COORDINATES =
            """
            UPDATE measurements_raw SET latitude = NULL, longitude = NULL, accuracy_m = NULL
            WHERE measured_at < ?
              AND (latitude IS NOT NULL OR longitude IS NOT NULL OR accuracy_m IS NOT NULL)""";

    static final String RAW_DELETE_BEFORE = "DELETE FROM measurements_raw WHERE measured_at < ?";

    // ---- quality_aggregates -----------------------------------------------------------------

    static final String AGG_COLUMNS =
            """
            resolution, bucket_start, tdp_code, operator, access_type, sample_count, device_count,
            download_mean, download_median, download_p10, download_p90,
            upload_mean, upload_median, upload_p10, upload_p90,
            latency_mean, latency_median, latency_p10, latency_p90,
            qcvn_evaluated_count, below_qcvn_count, below_qcvn_share,
            download_sketch, upload_sketch, latency_sketch,
            target_2030_evaluated_count, target_2030_pass_count, plan_gigabit_count,
            ip_known_count, ipv6_count, device_sketch""";

    /** The device sketch travels as {@code bit varying} text: hex in, "0101…" out. */
    static final String AGG_UPSERT =
            "INSERT INTO quality_aggregates ("
                    + AGG_COLUMNS
                    + """
            )
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, CAST(? AS bit varying))
            ON CONFLICT (resolution, tdp_code, operator, access_type, bucket_start) DO UPDATE SET
                sample_count = EXCLUDED.sample_count, device_count = EXCLUDED.device_count,
                download_mean = EXCLUDED.download_mean, download_median = EXCLUDED.download_median,
                download_p10 = EXCLUDED.download_p10, download_p90 = EXCLUDED.download_p90,
                upload_mean = EXCLUDED.upload_mean, upload_median = EXCLUDED.upload_median,
                upload_p10 = EXCLUDED.upload_p10, upload_p90 = EXCLUDED.upload_p90,
                latency_mean = EXCLUDED.latency_mean, latency_median = EXCLUDED.latency_median,
                latency_p10 = EXCLUDED.latency_p10, latency_p90 = EXCLUDED.latency_p90,
                qcvn_evaluated_count = EXCLUDED.qcvn_evaluated_count,
                below_qcvn_count = EXCLUDED.below_qcvn_count,
                below_qcvn_share = EXCLUDED.below_qcvn_share,
                download_sketch = EXCLUDED.download_sketch,
                upload_sketch = EXCLUDED.upload_sketch,
                latency_sketch = EXCLUDED.latency_sketch,
                target_2030_evaluated_count = EXCLUDED.target_2030_evaluated_count,
                target_2030_pass_count = EXCLUDED.target_2030_pass_count,
                plan_gigabit_count = EXCLUDED.plan_gigabit_count,
                ip_known_count = EXCLUDED.ip_known_count, ipv6_count = EXCLUDED.ipv6_count,
                device_sketch = EXCLUDED.device_sketch,
                updated_at = now()""";

    static final String AGG_DELETE =
            """
            DELETE FROM quality_aggregates
            WHERE resolution = ? AND tdp_code = ? AND operator = ? AND access_type = ?
              AND bucket_start = ?""";

    static final String AGG_FIND =
            "SELECT "
                    + AGG_COLUMNS.replace(
                            "device_sketch", "CAST(device_sketch AS text) AS device_sketch")
                    + """
             FROM quality_aggregates
            WHERE resolution = ? AND bucket_start >= ? AND bucket_start < ?
            ORDER BY bucket_start, tdp_code, operator, access_type""";

    // ---- heatmap_cells ----------------------------------------------------------------------

    static final String HEATMAP_UPSERT =
            """
            INSERT INTO heatmap_cells (day, quadkey, operator, access_type, center_lat,
                center_lon, sample_count, device_count, download_median, download_p10,
                upload_median, latency_median, below_qcvn_share)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (quadkey, operator, access_type, day) DO UPDATE SET
                center_lat = EXCLUDED.center_lat, center_lon = EXCLUDED.center_lon,
                sample_count = EXCLUDED.sample_count, device_count = EXCLUDED.device_count,
                download_median = EXCLUDED.download_median, download_p10 = EXCLUDED.download_p10,
                upload_median = EXCLUDED.upload_median, latency_median = EXCLUDED.latency_median,
                below_qcvn_share = EXCLUDED.below_qcvn_share, updated_at = now()""";

    static final String HEATMAP_DELETE =
            """
            DELETE FROM heatmap_cells
            WHERE quadkey = ? AND operator = ? AND access_type = ? AND day = ?""";

    static final String HEATMAP_FIND_DAY =
            """
            SELECT day, quadkey, operator, access_type, center_lat, center_lon, sample_count,
                   device_count, download_median, download_p10, upload_median, latency_median,
                   below_qcvn_share
              FROM heatmap_cells WHERE day = ? ORDER BY quadkey, operator, access_type""";

    // ---- alerts -----------------------------------------------------------------------------

    static final String ALERT_COLUMNS =
            """
            id, tdp_code, operator, access_type, kind, status, opened_at, closed_at, sample_count,
            median_24h, baseline_median, below_qcvn_share, details::text AS details,
            acknowledged_by, acknowledged_at""";

    /** The partial unique index allows one not-closed alert per key and kind; others are kept. */
    static final String ALERT_OPEN_IF_ABSENT =
            """
            INSERT INTO alerts (tdp_code, operator, access_type, kind, status, opened_at,
                sample_count, median_24h, baseline_median, below_qcvn_share, details)
            VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, CAST(? AS jsonb))
            ON CONFLICT (tdp_code, operator, access_type, kind) WHERE status <> 'CLOSED'
            DO NOTHING
            RETURNING id""";

    static final String ALERT_CLOSE =
            """
            UPDATE alerts SET status = 'CLOSED', closed_at = ?
            WHERE tdp_code = ? AND operator = ? AND access_type = ? AND kind = ?
              AND status <> 'CLOSED'""";

    static final String ALERT_ACKNOWLEDGE =
            """
            UPDATE alerts SET status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?
            WHERE id = ? AND status = 'OPEN'""";

    static final String ALERT_FIND_OPEN =
            "SELECT "
                    + ALERT_COLUMNS
                    + " FROM alerts WHERE status <> 'CLOSED' ORDER BY opened_at, id";

    static final String ALERT_FIND_OVERLAPPING =
            "SELECT "
                    + ALERT_COLUMNS
                    + """
             FROM alerts
            WHERE opened_at < ? AND (closed_at IS NULL OR closed_at >= ?)
            ORDER BY opened_at, id""";

    // ---- dead_letters, areas ----------------------------------------------------------------

    static final String DEAD_LETTER_INSERT =
            """
            INSERT INTO dead_letters (received_at, record_key, payload, reason, violations,
                record_ref)
            VALUES (COALESCE(?, now()), ?, ?, ?, CAST(? AS jsonb), ?)
            ON CONFLICT (record_ref) DO NOTHING""";

    static final String DEAD_LETTER_FIND_RECENT =
            """
            SELECT id, received_at, record_key, payload, reason, violations::text AS violations,
                   record_ref
              FROM dead_letters ORDER BY received_at DESC, id DESC LIMIT ?""";

    static final String AREA_UPSERT =
            """
            INSERT INTO areas (code, name, ward, population, geometry, cultural_house_lat,
                cultural_house_lon)
            VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
            ON CONFLICT (code) DO UPDATE SET
                name = EXCLUDED.name, ward = EXCLUDED.ward, population = EXCLUDED.population,
                geometry = EXCLUDED.geometry, cultural_house_lat = EXCLUDED.cultural_house_lat,
                cultural_house_lon = EXCLUDED.cultural_house_lon, updated_at = now()""";

    static final String AREA_FIND_ALL =
            """
            SELECT code, name, ward, population, geometry::text AS geometry, cultural_house_lat,
                   cultural_house_lon
              FROM areas ORDER BY code""";

    // ---- time-series layout (migration V2) --------------------------------------------------

    static final String HAS_TIMESCALE =
            "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')";

    static final String TIMESCALE_AVAILABLE =
            "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')";

    /** The monthly quality per TDP × operator × access type; the same columns on both layouts. */
    private static final String MONTHLY_SELECT =
            """
            SELECT %s AS month, tdp_code, operator, access_type,
                   count(*) AS sample_count,
                   avg(download_mbps) AS download_mean,
                   avg(upload_mbps) AS upload_mean,
                   avg(latency_ms) AS latency_mean,
                   min(download_mbps) AS download_min,
                   max(download_mbps) AS download_max,
                   count(qcvn_pass) AS qcvn_evaluated_count,
                   count(*) FILTER (WHERE NOT qcvn_pass) AS below_qcvn_count,
                   count(target_2030_pass) AS target_2030_evaluated_count,
                   count(*) FILTER (WHERE target_2030_pass) AS target_2030_pass_count,
                   count(*) FILTER (WHERE plan_download_mbps >= 1000) AS plan_gigabit_count,
                   count(ip_version) AS ip_known_count,
                   count(*) FILTER (WHERE ip_version = 6) AS ipv6_count
              FROM measurements_raw
             GROUP BY 1, 2, 3, 4""";

    static final String TS_CREATE_EXTENSION = "CREATE EXTENSION IF NOT EXISTS timescaledb";

    static final String TS_HYPERTABLE_RAW =
            """
            SELECT create_hypertable('measurements_raw', by_range('measured_at', INTERVAL '7 days'),
                                     if_not_exists => true, migrate_data => true)""";

    static final String TS_HYPERTABLE_AGG =
            """
            SELECT create_hypertable('quality_aggregates',
                                     by_range('bucket_start', INTERVAL '30 days'),
                                     if_not_exists => true, migrate_data => true)""";

    static final String TS_COMPRESSION_ENABLED =
            """
            SELECT compression_enabled FROM timescaledb_information.hypertables
            WHERE hypertable_name = ?""";

    static final String TS_COMPRESS_RAW =
            """
            ALTER TABLE measurements_raw SET (timescaledb.compress,
                timescaledb.compress_segmentby = 'tdp_code, operator, access_type',
                timescaledb.compress_orderby = 'measured_at DESC, id')""";

    static final String TS_COMPRESS_AGG =
            """
            ALTER TABLE quality_aggregates SET (timescaledb.compress,
                timescaledb.compress_segmentby = 'resolution, tdp_code, operator, access_type',
                timescaledb.compress_orderby = 'bucket_start DESC')""";

    static final String TS_COMPRESSION_POLICY =
            """
            SELECT add_compression_policy(CAST(CAST(? AS text) AS regclass), CAST(? AS interval),
                                          if_not_exists => true)""";

    static final String TS_RETENTION_POLICY =
            """
            SELECT add_retention_policy('measurements_raw', CAST(? AS interval),
                                        if_not_exists => true)""";

    static final String TS_MONTHLY_VIEW =
            """
            CREATE MATERIALIZED VIEW IF NOT EXISTS quality_monthly
            WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
            """
                    + MONTHLY_SELECT.formatted(
                            "time_bucket(INTERVAL '1 month', measured_at, 'Asia/Ho_Chi_Minh')")
                    + """

            WITH NO DATA""";

    /** V13.1: a continuous aggregate's query cannot be altered, only dropped and re-created. */
    static final String TS_DROP_MONTHLY = "DROP MATERIALIZED VIEW IF EXISTS quality_monthly";

    static final String TS_REFRESH_MONTHLY =
            "CALL refresh_continuous_aggregate('quality_monthly', NULL, NULL)";

    static final String PLAIN_DROP_MONTHLY = "DROP VIEW IF EXISTS quality_monthly";

    static final String TS_MONTHLY_POLICY =
            """
            SELECT add_continuous_aggregate_policy('quality_monthly',
                start_offset => INTERVAL '3 months', end_offset => INTERVAL '1 hour',
                schedule_interval => INTERVAL '1 hour', if_not_exists => true)""";

    static final String PLAIN_BRIN_RAW =
            """
            CREATE INDEX IF NOT EXISTS measurements_raw_measured_brin
                ON measurements_raw USING brin (measured_at)""";

    static final String PLAIN_BRIN_AGG =
            """
            CREATE INDEX IF NOT EXISTS quality_aggregates_bucket_brin
                ON quality_aggregates USING brin (bucket_start)""";

    static final String PLAIN_MONTHLY_VIEW =
            "CREATE OR REPLACE VIEW quality_monthly AS\n"
                    + MONTHLY_SELECT.formatted(
                            "date_trunc('month', measured_at, 'Asia/Ho_Chi_Minh')");
}
