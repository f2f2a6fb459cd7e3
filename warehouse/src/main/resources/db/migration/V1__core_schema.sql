-- speedwatch warehouse, core schema. Runs unchanged on plain PostgreSQL (15+) and TimescaleDB;
-- V2 turns the time-series tables into hypertables where the timescaledb extension is available.
-- Time columns are timestamptz; buckets are aligned to Asia/Ho_Chi_Minh (UTC+7, no DST) days.

-- Tổ dân phố boundaries, loaded from the area registry GeoJSON.
CREATE TABLE IF NOT EXISTS areas (
    code                 text PRIMARY KEY,
    name                 text NOT NULL,
    ward                 text NOT NULL,
    population           integer,
    geometry             jsonb NOT NULL,          -- GeoJSON geometry (Polygon or MultiPolygon), WGS84
    cultural_house_lat   double precision,
    cultural_house_lon   double precision,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- One row per accepted, de-duplicated measurement. Precise coordinates are sensitive personal data
-- (Decree 13/2023/NĐ-CP): they are nulled after a configurable period; tdp_code and cell_id stay.
CREATE TABLE IF NOT EXISTS measurements_raw (
    id                   uuid NOT NULL,
    measured_at          timestamptz NOT NULL,
    received_at          timestamptz NOT NULL,
    download_mbps        double precision NOT NULL,
    upload_mbps          double precision NOT NULL,
    latency_ms           double precision NOT NULL,
    jitter_ms            double precision,
    packet_loss_percent  double precision,
    loaded_latency_ms    double precision,
    operator             text NOT NULL,           -- Operator code (VNPT, VIETTEL, …, OTHER)
    operator_raw         text,                    -- what the person typed
    access_type          text NOT NULL,           -- AccessType name
    plan_download_mbps   double precision,
    plan_upload_mbps     double precision,
    tdp_code             text NOT NULL,           -- area code, or 'OUTSIDE' / 'UNKNOWN'
    cell_id              text,                    -- coarse ~100 m cell; never the exact point
    latitude             double precision,
    longitude            double precision,
    accuracy_m           double precision,
    server               text,
    client               text,
    ip_version           smallint,
    device_hash          text,                    -- keyed hash of client address or API key id
    api_key_id           text,
    qcvn_pass            boolean,                 -- null when no threshold applies
    target_2030_pass     boolean,                 -- ward 2030 target (1 Gbps fibre), null if n/a
    note                 text,
    PRIMARY KEY (id, measured_at)
);
CREATE INDEX IF NOT EXISTS measurements_raw_id_idx ON measurements_raw (id);
CREATE INDEX IF NOT EXISTS measurements_raw_cell_idx
    ON measurements_raw (tdp_code, operator, access_type, measured_at);

-- Quality per TDP × operator × access type × bucket (hour or day). The sketches are serialized
-- DDSketches (relative accuracy 1 %), so days and months merge exactly without re-reading raw rows.
CREATE TABLE IF NOT EXISTS quality_aggregates (
    resolution           text NOT NULL CHECK (resolution IN ('hour', 'day')),
    bucket_start         timestamptz NOT NULL,
    tdp_code             text NOT NULL,
    operator             text NOT NULL,
    access_type          text NOT NULL,
    sample_count         bigint NOT NULL,
    device_count         integer NOT NULL,
    download_mean        double precision,
    download_median      double precision,
    download_p10         double precision,
    download_p90         double precision,
    upload_mean          double precision,
    upload_median        double precision,
    upload_p10           double precision,
    upload_p90           double precision,
    latency_mean         double precision,
    latency_median       double precision,
    latency_p10          double precision,
    latency_p90          double precision,
    qcvn_evaluated_count bigint NOT NULL DEFAULT 0,  -- samples a QCVN threshold applied to
    below_qcvn_count     bigint NOT NULL DEFAULT 0,
    below_qcvn_share     double precision,           -- below_qcvn_count / qcvn_evaluated_count
    download_sketch      bytea,
    upload_sketch        bytea,
    latency_sketch       bytea,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (resolution, tdp_code, operator, access_type, bucket_start)
);
CREATE INDEX IF NOT EXISTS quality_aggregates_time_idx ON quality_aggregates (resolution, bucket_start);

-- Heatmap grid cells (quadkey, zoom 17 ≈ 250–300 m here) per operator × access type × day.
-- Only cells with at least k distinct devices are written, so no single home can be singled out.
CREATE TABLE IF NOT EXISTS heatmap_cells (
    day                  timestamptz NOT NULL,
    quadkey              text NOT NULL,
    operator             text NOT NULL,
    access_type          text NOT NULL,
    center_lat           double precision NOT NULL,
    center_lon           double precision NOT NULL,
    sample_count         bigint NOT NULL,
    device_count         integer NOT NULL,
    download_median      double precision,
    download_p10         double precision,
    upload_median        double precision,
    latency_median       double precision,
    below_qcvn_share     double precision,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (quadkey, operator, access_type, day)
);
CREATE INDEX IF NOT EXISTS heatmap_cells_day_idx ON heatmap_cells (day);

-- Quality alerts. At most one open alert per TDP × operator × access type × kind.
CREATE TABLE IF NOT EXISTS alerts (
    id                   bigserial PRIMARY KEY,
    tdp_code             text NOT NULL,
    operator             text NOT NULL,
    access_type          text NOT NULL,
    kind                 text NOT NULL CHECK (kind IN ('MEDIAN_DROP', 'BELOW_QCVN')),
    status               text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'CLOSED')),
    opened_at            timestamptz NOT NULL,
    closed_at            timestamptz,
    sample_count         bigint,
    median_24h           double precision,
    baseline_median      double precision,
    below_qcvn_share     double precision,
    details              jsonb,
    acknowledged_by      text,
    acknowledged_at      timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS alerts_one_open_idx
    ON alerts (tdp_code, operator, access_type, kind) WHERE status <> 'CLOSED';
CREATE INDEX IF NOT EXISTS alerts_opened_idx ON alerts (opened_at);

-- Records the pipeline could not use, with the reason, so nothing disappears silently.
CREATE TABLE IF NOT EXISTS dead_letters (
    id                   bigserial PRIMARY KEY,
    received_at          timestamptz NOT NULL DEFAULT now(),
    record_key           text,
    payload              text,                    -- truncated to a few KiB
    reason               text NOT NULL,
    violations           jsonb
);

-- Erasure requests (Decree 13/2023/NĐ-CP): a measurement id erased by its owner. Kept so that a
-- replayed or late copy of the measurement is dropped too.
CREATE TABLE IF NOT EXISTS erasures (
    id                   uuid PRIMARY KEY,
    requested_at         timestamptz NOT NULL,
    applied_at           timestamptz NOT NULL DEFAULT now()
);

-- Archive of generated monthly operator reports.
CREATE TABLE IF NOT EXISTS monthly_reports (
    id                   bigserial PRIMARY KEY,
    month                date NOT NULL,           -- first day of the month
    operator             text NOT NULL,
    generated_at         timestamptz NOT NULL DEFAULT now(),
    generated_by         text NOT NULL,
    pdf_sha256           text,
    csv_sha256           text,
    data_fingerprint     text,
    pdf_path             text,
    csv_path             text,
    sent                 boolean NOT NULL DEFAULT false,
    sent_at              timestamptz,
    summary              jsonb
);
CREATE INDEX IF NOT EXISTS monthly_reports_month_idx ON monthly_reports (month, operator);
