package vn.speedwatch.jobs.functions;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.DataStream;
import vn.speedwatch.jobs.records.AlertEvent;
import vn.speedwatch.jobs.records.QualityAggregate;

/**
 * The alert part of the quality pipeline: final hourly aggregates of real TDPs, keyed by TDP ×
 * operator × access type, into {@link DetectQualityAlerts}. The pipeline writes the resulting
 * {@link AlertEvent}s with {@code AlertWriter}.
 */
public final class AlertStage {

    /** TDP code, operator code, access type name. */
    public static final TypeInformation<Tuple3<String, String, String>> KEY_TYPE =
            Types.TUPLE(Types.STRING, Types.STRING, Types.STRING);

    /** Area codes that name no TDP; an alert must tell residents and operators where. */
    static final String OUTSIDE = "OUTSIDE";

    static final String UNKNOWN = "UNKNOWN";

    private AlertStage() {}

    /** Alerts opening and closing for the given hourly aggregates (others are ignored). */
    public static DataStream<AlertEvent> attach(
            DataStream<QualityAggregate> hourly, AlertRules rules) {
        return hourly.filter(AlertStage::isEvaluated)
                .name("Alerts: final hourly aggregates of a TDP")
                .uid("alerts-final-hours")
                .keyBy(AlertStage::key, KEY_TYPE)
                .process(new DetectQualityAlerts(rules))
                .name("Detect quality alerts")
                .uid("detect-quality-alerts");
    }

    static boolean isEvaluated(QualityAggregate a) {
        return a.finalResult
                && "hour".equals(a.resolution)
                && a.tdpCode != null
                && !OUTSIDE.equals(a.tdpCode)
                && !UNKNOWN.equals(a.tdpCode)
                && a.operator != null
                && a.accessType != null;
    }

    static Tuple3<String, String, String> key(QualityAggregate a) {
        return Tuple3.of(a.tdpCode, a.operator, a.accessType);
    }
}
