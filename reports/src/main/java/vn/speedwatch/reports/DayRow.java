package vn.speedwatch.reports;

import java.time.Instant;
import vn.speedwatch.model.AccessType;

/** The columns of one {@code quality_aggregates} day row that a report needs. */
record DayRow(
        String tdpCode,
        AccessType accessType,
        Instant bucketStart,
        long sampleCount,
        int deviceCount,
        Double downloadMean,
        Double uploadMean,
        Double latencyMean,
        long qcvnEvaluated,
        long belowQcvn,
        byte[] downloadSketch,
        byte[] uploadSketch,
        byte[] latencySketch) {}
