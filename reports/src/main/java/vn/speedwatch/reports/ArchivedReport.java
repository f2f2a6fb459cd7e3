package vn.speedwatch.reports;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;

/** A row of the report archive ({@code monthly_reports}). */
public record ArchivedReport(
        long id,
        YearMonth month,
        String operator,
        Instant generatedAt,
        String generatedBy,
        String pdfSha256,
        String csvSha256,
        String dataFingerprint,
        Path pdfPath,
        Path csvPath,
        boolean sent,
        Instant sentAt,
        ReportSummary summary) {}
