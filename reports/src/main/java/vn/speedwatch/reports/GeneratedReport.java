package vn.speedwatch.reports;

import java.nio.file.Path;
import java.time.YearMonth;
import vn.speedwatch.model.Operator;

/**
 * One operator's report as written and archived.
 *
 * @param archiveId id of the {@code monthly_reports} row
 * @param dataFingerprint SHA-256 of the aggregate rows behind the numbers, canonical order
 * @param hasData false when the operator had no measurements that month
 */
public record GeneratedReport(
        long archiveId,
        Operator operator,
        YearMonth month,
        Path pdf,
        Path csv,
        String pdfSha256,
        String csvSha256,
        String dataFingerprint,
        boolean hasData) {}
