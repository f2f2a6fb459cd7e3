package vn.speedwatch.collector.adapters;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact unit conversions. Values stay decimal until the end, so 11 763 218 bytes/s becomes exactly
 * the double nearest to 94.105744 Mbps, the same double a resident's typed "94.105744" gives.
 */
final class Units {

    private static final BigDecimal BITS_PER_BYTE = BigDecimal.valueOf(8);

    private Units() {}

    /** Ookla's bytes per second to megabits per second: × 8 / 1 000 000. */
    static double bytesPerSecondToMbps(BigDecimal bytesPerSecond) {
        return bytesPerSecond.multiply(BITS_PER_BYTE).movePointLeft(6).doubleValue();
    }

    /** Bytes over microseconds to megabits per second: bits per µs are Mbit/s. */
    static double bytesOverMicrosToMbps(BigDecimal bytes, BigDecimal micros) {
        return bytes.multiply(BITS_PER_BYTE).divide(micros, MathContext.DECIMAL128).doubleValue();
    }

    static double microsToMillis(BigDecimal micros) {
        return micros.movePointLeft(3).doubleValue();
    }

    static double percent(BigDecimal part, BigDecimal whole) {
        return part.movePointRight(2).divide(whole, MathContext.DECIMAL128).doubleValue();
    }
}
