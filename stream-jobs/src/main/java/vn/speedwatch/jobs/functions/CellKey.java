package vn.speedwatch.jobs.functions;

import org.apache.flink.api.java.functions.KeySelector;
import vn.speedwatch.jobs.records.EnrichedMeasurement;

/** The aggregation cell of a measurement: TDP × operator × access type, as one string key. */
public class CellKey implements KeySelector<EnrichedMeasurement, String> {

    static final char SEPARATOR = '|';

    @Override
    public String getKey(EnrichedMeasurement m) {
        return of(m.tdpCode, m.operator, m.accessType);
    }

    public static String of(String tdp, String operator, String accessType) {
        return tdp + SEPARATOR + operator + SEPARATOR + accessType;
    }

    /** The three parts of a key: TDP, operator, access type. */
    public static String[] split(String key) {
        int a = key.indexOf(SEPARATOR);
        int b = key.indexOf(SEPARATOR, a + 1);
        return new String[] {key.substring(0, a), key.substring(a + 1, b), key.substring(b + 1)};
    }
}
