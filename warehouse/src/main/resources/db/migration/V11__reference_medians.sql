-- Monthly medians that VNNIC publishes (i-Speed portal) for the ward or for Hải Phòng, typed into
-- a CSV by the ward's officials and imported by vn.speedwatch.dashboards.ReferenceMediansImport.
-- Dashboards draw them beside the ward's own medians; they are reference values, never mixed
-- into the ward's aggregates.
CREATE TABLE IF NOT EXISTS reference_medians (
    month                date NOT NULL CHECK (extract(day FROM month) = 1),  -- first day
    area                 text NOT NULL CHECK (area <> ''),  -- 'Phường Thủy Nguyên', 'Hải Phòng'
    operator             text NOT NULL,           -- Operator code (VNPT, VIETTEL, …)
    access_type          text NOT NULL,           -- AccessType name
    download_median      double precision NOT NULL CHECK (download_median >= 0),  -- Mbit/s
    upload_median        double precision NOT NULL CHECK (upload_median >= 0),    -- Mbit/s
    latency_median       double precision CHECK (latency_median >= 0),            -- ms
    sample_count         bigint CHECK (sample_count >= 0),  -- as published; null if not given
    source               text NOT NULL DEFAULT 'VNNIC',
    imported_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (month, area, operator, access_type)
);
CREATE INDEX IF NOT EXISTS reference_medians_operator_idx
    ON reference_medians (operator, access_type, month);
