package vn.speedwatch.launcher;

import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Operator;

/**
 * One simulated household or phone of the demo: where it is, its operator, how it connects, the
 * plan it pays for, and the address its results seem to come from (so each gets its own device
 * hash). {@code degraded} devices belong to the cells the demo makes slow in the last days.
 */
record DemoDevice(
        String tdpCode,
        double latitude,
        double longitude,
        Operator operator,
        AccessType accessType,
        Double planDownloadMbps,
        String clientIp,
        boolean degraded,
        double testsPerDay) {}
