package vn.speedwatch.model;

import static vn.speedwatch.model.ValidationLimits.MAX_DELAY_MS;
import static vn.speedwatch.model.ValidationLimits.MAX_LATITUDE;
import static vn.speedwatch.model.ValidationLimits.MAX_LONGITUDE;
import static vn.speedwatch.model.ValidationLimits.MAX_PERCENT;
import static vn.speedwatch.model.ValidationLimits.MAX_SPEED_MBPS;

/**
 * The fields of the measurement contract, in {@link Measurement} component order: JSON name, JSON
 * kind, whether required, the label people read in error messages and the numeric or length bounds.
 * The parser, the rules and the schema test all read this one table.
 */
public enum MeasurementField {
    ID("id", Kind.UUID, true, "Mã kết quả (id)", "Result id"),
    MEASURED_AT("measuredAt", Kind.TIMESTAMP, true, "Thời điểm đo", "Measurement time"),
    DOWNLOAD_MBPS(
            "downloadMbps",
            true,
            "Tốc độ tải xuống",
            "Download speed",
            0,
            MAX_SPEED_MBPS,
            "Mbps",
            "Mbps"),
    UPLOAD_MBPS(
            "uploadMbps",
            true,
            "Tốc độ tải lên",
            "Upload speed",
            0,
            MAX_SPEED_MBPS,
            "Mbps",
            "Mbps"),
    LATENCY_MS("latencyMs", true, "Độ trễ", "Latency", 0, MAX_DELAY_MS, "ms", "ms"),
    JITTER_MS(
            "jitterMs",
            false,
            "Độ biến thiên độ trễ (jitter)",
            "Jitter",
            0,
            MAX_DELAY_MS,
            "ms",
            "ms"),
    PACKET_LOSS_PERCENT(
            "packetLossPercent", false, "Tỷ lệ mất gói", "Packet loss", 0, MAX_PERCENT, "%", "%"),
    LOADED_LATENCY_MS(
            "loadedLatencyMs",
            false,
            "Độ trễ khi có tải",
            "Loaded latency",
            0,
            MAX_DELAY_MS,
            "ms",
            "ms"),
    OPERATOR("operator", Kind.TEXT, false, "Nhà mạng", "Operator"),
    ACCESS_TYPE("accessType", Kind.ACCESS_TYPE, false, "Loại kết nối", "Access type"),
    PLAN_DOWNLOAD_MBPS(
            "planDownloadMbps",
            false,
            "Tốc độ tải xuống của gói cước",
            "Plan download speed",
            0,
            MAX_SPEED_MBPS,
            "Mbps",
            "Mbps"),
    PLAN_UPLOAD_MBPS(
            "planUploadMbps",
            false,
            "Tốc độ tải lên của gói cước",
            "Plan upload speed",
            0,
            MAX_SPEED_MBPS,
            "Mbps",
            "Mbps"),
    LATITUDE("latitude", false, "Vĩ độ", "Latitude", -MAX_LATITUDE, MAX_LATITUDE, "độ", "degrees"),
    LONGITUDE(
            "longitude",
            false,
            "Kinh độ",
            "Longitude",
            -MAX_LONGITUDE,
            MAX_LONGITUDE,
            "độ",
            "degrees"),
    ACCURACY_M("accuracyM", false, "Độ chính xác vị trí", "Location accuracy", 0, null, "m", "m"),
    TDP_CODE("tdpCode", Kind.TEXT, false, "Mã tổ dân phố", "Residential group (TDP) code"),
    SERVER("server", Kind.TEXT, false, "Máy chủ đo", "Test server"),
    CLIENT("client", Kind.CLIENT, false, "Công cụ đo", "Client"),
    IP_VERSION("ipVersion", Kind.INTEGER, false, "Phiên bản IP", "IP version"),
    CONSENT("consent", Kind.BOOLEAN, false, "Sự đồng ý chia sẻ vị trí", "Location consent"),
    NOTE("note", Kind.TEXT, false, "Ghi chú", "Note");

    /** The JSON type a field holds, with the parsing that goes with it. */
    public enum Kind {
        UUID,
        TIMESTAMP,
        NUMBER,
        INTEGER,
        TEXT,
        BOOLEAN,
        ACCESS_TYPE,
        CLIENT
    }

    private final String jsonName;
    private final Kind kind;
    private final boolean required;
    private final String labelVi;
    private final String labelEn;
    private final Double minimum;
    private final Double maximum;
    private final String unitVi;
    private final String unitEn;

    MeasurementField(String jsonName, Kind kind, boolean required, String vi, String en) {
        this(jsonName, kind, required, vi, en, null, null, null, null);
    }

    MeasurementField(
            String jsonName,
            boolean required,
            String vi,
            String en,
            double min,
            Double max,
            String unitVi,
            String unitEn) {
        this(jsonName, Kind.NUMBER, required, vi, en, min, max, unitVi, unitEn);
    }

    MeasurementField(
            String jsonName,
            Kind kind,
            boolean required,
            String vi,
            String en,
            Double min,
            Double max,
            String unitVi,
            String unitEn) {
        this.jsonName = jsonName;
        this.kind = kind;
        this.required = required;
        this.labelVi = vi;
        this.labelEn = en;
        this.minimum = min;
        this.maximum = max;
        this.unitVi = unitVi;
        this.unitEn = unitEn;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The JSON pointer of this field inside one measurement object. */
    public String pointer() {
        return "/" + jsonName;
    }

    public Kind kind() {
        return kind;
    }

    public boolean required() {
        return required;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Inclusive lower bound of a number field, null for other kinds. */
    public Double minimum() {
        return minimum;
    }

    /** Inclusive upper bound of a number field, null when unbounded or not a number. */
    public Double maximum() {
        return maximum;
    }

    public String unitVi() {
        return unitVi;
    }

    public String unitEn() {
        return unitEn;
    }

    /** Longest text accepted, in Unicode code points; null for fields that are not text. */
    public Integer maxLength() {
        return switch (this) {
            case OPERATOR -> ValidationLimits.MAX_OPERATOR_LENGTH;
            case SERVER -> ValidationLimits.MAX_SERVER_LENGTH;
            case NOTE -> ValidationLimits.MAX_NOTE_LENGTH;
            case TDP_CODE -> ValidationLimits.MAX_TDP_CODE_LENGTH;
            default -> null;
        };
    }

    /** This field's value in {@code m}, null when absent. */
    public Object valueIn(Measurement m) {
        return switch (this) {
            case ID -> m.id();
            case MEASURED_AT -> m.measuredAt();
            case DOWNLOAD_MBPS -> m.downloadMbps();
            case UPLOAD_MBPS -> m.uploadMbps();
            case LATENCY_MS -> m.latencyMs();
            case JITTER_MS -> m.jitterMs();
            case PACKET_LOSS_PERCENT -> m.packetLossPercent();
            case LOADED_LATENCY_MS -> m.loadedLatencyMs();
            case OPERATOR -> m.operator();
            case ACCESS_TYPE -> m.accessType();
            case PLAN_DOWNLOAD_MBPS -> m.planDownloadMbps();
            case PLAN_UPLOAD_MBPS -> m.planUploadMbps();
            case LATITUDE -> m.latitude();
            case LONGITUDE -> m.longitude();
            case ACCURACY_M -> m.accuracyM();
            case TDP_CODE -> m.tdpCode();
            case SERVER -> m.server();
            case CLIENT -> m.client();
            case IP_VERSION -> m.ipVersion();
            case CONSENT -> m.consent();
            case NOTE -> m.note();
        };
    }
}
