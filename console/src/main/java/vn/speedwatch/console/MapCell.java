package vn.speedwatch.console;

/**
 * One TDP's figures for the map: tests, a lower bound of devices, the month's median download and
 * the share of QCVN-evaluated tests below the threshold (either may be null).
 */
record MapCell(
        String tdp, long samples, int devices, Double downloadMedian, Double belowQcvnShare) {

    boolean enough(int minSamples, int minDevices) {
        return samples >= minSamples && devices >= minDevices;
    }
}
