package vn.speedwatch.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.model.Json;

/**
 * The {@code summary} jsonb of an archived report: headline numbers and the flagged cells the next
 * month follows up. {@code version} lets later formats read older rows.
 */
public record ReportSummary(
        int version,
        boolean hasData,
        long samples,
        long deviceDays,
        int tdpCount,
        String dataFingerprint,
        List<FlaggedCell> flagged) {

    static final int CURRENT_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ReportSummary.class);

    String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary is plain data and always serializes", e);
        }
    }

    /** The summary in {@code json}, or an empty one when the text is missing or unreadable. */
    static ReportSummary fromJson(String json) {
        if (json == null || json.isBlank()) {
            return empty();
        }
        try {
            ReportSummary s = Json.mapper().readValue(json, ReportSummary.class);
            return s.flagged() == null ? withFlags(s, List.of()) : s;
        } catch (JsonProcessingException e) {
            // An unreadable summary only loses the follow-up section, not the report.
            LOG.warn("Ignoring unreadable report summary: {}", e.getOriginalMessage());
            return empty();
        }
    }

    private static ReportSummary empty() {
        return new ReportSummary(CURRENT_VERSION, false, 0, 0, 0, null, List.of());
    }

    private static ReportSummary withFlags(ReportSummary s, List<FlaggedCell> flags) {
        return new ReportSummary(
                s.version(),
                s.hasData(),
                s.samples(),
                s.deviceDays(),
                s.tdpCount(),
                s.dataFingerprint(),
                flags);
    }
}
