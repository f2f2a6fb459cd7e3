package vn.speedwatch.reports;

import java.time.Instant;

/** An alert of the report's operator that opened or closed during the month. */
record AlertLine(
        long id,
        String tdpCode,
        String accessType,
        String kind,
        String status,
        Instant openedAt,
        Instant closedAt) {}
