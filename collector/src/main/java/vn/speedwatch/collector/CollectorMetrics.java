package vn.speedwatch.collector;

/**
 * Names of the collector's Prometheus metrics, in one place: the dashboards and alert rules refer
 * to exactly these strings. Micrometer adds {@code _total}/{@code _seconds} suffixes as the
 * Prometheus names below show.
 */
public final class CollectorMetrics {

    /** Counter of measurements Kafka acknowledged; Prometheus name {@value #ACCEPTED_PROM}. */
    public static final String ACCEPTED = "speedwatch.measurements.accepted";

    public static final String ACCEPTED_PROM = "speedwatch_measurements_accepted_total";

    /** Counter of refused measurements, tag {@value #TAG_REASON}. */
    public static final String REJECTED = "speedwatch.measurements.rejected";

    public static final String REJECTED_PROM = "speedwatch_measurements_rejected_total";

    /** Counter of erasure requests sent down the pipeline. */
    public static final String ERASURES = "speedwatch.erasures.requested";

    public static final String ERASURES_PROM = "speedwatch_erasures_requested_total";

    /** Timer (histogram) of the Kafka send until the broker's acknowledgement. */
    public static final String KAFKA_SEND = "speedwatch.kafka.send";

    public static final String KAFKA_SEND_PROM = "speedwatch_kafka_send_seconds";

    /** Gauge of Kafka sends awaiting their acknowledgement. */
    public static final String IN_FLIGHT = "speedwatch.kafka.in.flight";

    public static final String IN_FLIGHT_PROM = "speedwatch_kafka_in_flight";

    /** Counter of HTTP requests with tags {@value #TAG_ROUTE} and {@value #TAG_STATUS}. */
    public static final String HTTP_REQUESTS = "speedwatch.http.requests";

    public static final String HTTP_REQUESTS_PROM = "speedwatch_http_requests_total";

    public static final String TAG_REASON = "reason";
    public static final String TAG_ROUTE = "route";
    public static final String TAG_STATUS = "status";
    public static final String TAG_OUTCOME = "outcome";

    /** Values of {@value #TAG_REASON}. */
    public static final String REASON_INVALID = "invalid";

    public static final String REASON_MALFORMED = "malformed";
    public static final String REASON_TOO_LARGE = "too_large";
    public static final String REASON_MEDIA_TYPE = "media_type";
    public static final String REASON_RATE_LIMITED = "rate_limited";
    public static final String REASON_UNAVAILABLE = "kafka_unavailable";

    private CollectorMetrics() {}
}
