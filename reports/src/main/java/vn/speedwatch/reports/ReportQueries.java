package vn.speedwatch.reports;

/** Every SQL statement of the reports module, in one place next to the warehouse schema. */
final class ReportQueries {

    /**
     * Day aggregates of one operator in [from, to), in the canonical order of the data fingerprint:
     * TDP code, access type, bucket start. Tests located outside the ward are not the ward's to
     * complain about; tests without a TDP ('UNKNOWN') still count.
     */
    static final String DAY_ROWS =
            """
            SELECT tdp_code, access_type, bucket_start, sample_count, device_count,
                   download_mean, upload_mean, latency_mean,
                   qcvn_evaluated_count, below_qcvn_count,
                   download_sketch, upload_sketch, latency_sketch
              FROM quality_aggregates
             WHERE resolution = 'day' AND operator = ?
               AND bucket_start >= ? AND bucket_start < ?
               AND tdp_code <> 'OUTSIDE'
             ORDER BY tdp_code, access_type, bucket_start
            """;

    /** Alerts of one operator opened or closed in [from, to). */
    static final String ALERTS_IN_MONTH =
            """
            SELECT id, tdp_code, access_type, kind, status, opened_at, closed_at
              FROM alerts
             WHERE operator = ?
               AND ((opened_at >= ? AND opened_at < ?) OR (closed_at >= ? AND closed_at < ?))
             ORDER BY opened_at, id
            """;

    static final String INSERT_REPORT =
            """
            INSERT INTO monthly_reports (month, operator, generated_at, generated_by, pdf_sha256,
                   csv_sha256, data_fingerprint, pdf_path, csv_path, summary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
            RETURNING id
            """;

    private static final String REPORT_COLUMNS =
            """
            SELECT id, month, operator, generated_at, generated_by, pdf_sha256, csv_sha256,
                   data_fingerprint, pdf_path, csv_path, sent, sent_at, summary::text
              FROM monthly_reports
            """;

    /** Reports filtered by optional month and operator (a null parameter matches all). */
    static final String LIST_REPORTS =
            REPORT_COLUMNS
                    + """
                     WHERE (CAST(? AS date) IS NULL OR month = CAST(? AS date))
                       AND (CAST(? AS text) IS NULL OR operator = CAST(? AS text))
                     ORDER BY month DESC, operator, generated_at DESC, id DESC
                    """;

    /** The newest report of an operator for a month: the one whose flags the next month follows. */
    static final String LATEST_REPORT =
            REPORT_COLUMNS
                    + """
                     WHERE month = ? AND operator = ?
                     ORDER BY generated_at DESC, id DESC
                     LIMIT 1
                    """;

    static final String MARK_SENT =
            "UPDATE monthly_reports SET sent = true, sent_at = ? WHERE id = ? AND NOT sent";

    static final String FIND_REPORT = REPORT_COLUMNS + " WHERE id = ?";

    private ReportQueries() {}
}
