package vn.speedwatch.launcher;

import vn.speedwatch.model.Measurement;

/** One generated test and the simulated client address it is posted from. */
record DemoSample(Measurement measurement, String clientIp, String tdpCode) {}
