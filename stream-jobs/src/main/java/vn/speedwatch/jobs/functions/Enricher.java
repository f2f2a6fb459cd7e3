package vn.speedwatch.jobs.functions;

import java.util.HashMap;
import java.util.Map;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.ParsedEvent;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.GeoCells;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.QcvnThresholds;

/**
 * The pure part of enrichment: one parsed event in, one enriched measurement (no coordinates) out.
 */
public final class Enricher {

    /** TDP code of a measurement that gave neither coordinates nor a known TDP. */
    public static final String UNKNOWN_TDP = "UNKNOWN";

    /** Distinct operator spellings remembered; clients send a handful, the rest is not cached. */
    static final int MAX_OPERATOR_SPELLINGS = 256;

    private final AreaRegistry areas;
    private final QcvnThresholds thresholds;

    /**
     * Operator code per raw spelling: {@link Operator#normalise} folds diacritics with regular
     * expressions, too slow to repeat for every measurement of the same few spellings.
     */
    private final Map<String, String> operatorCodes = new HashMap<>();

    public Enricher(AreaRegistry areas, QcvnThresholds thresholds) {
        this.areas = areas;
        this.thresholds = thresholds;
    }

    public EnrichedMeasurement enrich(ParsedEvent e) {
        EnrichedMeasurement m = new EnrichedMeasurement();
        m.id = e.id;
        m.erasure = e.isErasure();
        m.measuredAtMillis = e.measuredAtMillis;
        m.receivedAtMillis = e.receivedAtMillis;
        m.downloadMbps = e.downloadMbps;
        m.uploadMbps = e.uploadMbps;
        m.latencyMs = e.latencyMs;
        m.jitterMs = e.jitterMs;
        m.packetLossPercent = e.packetLossPercent;
        m.loadedLatencyMs = e.loadedLatencyMs;
        m.operator = operatorCode(e.operatorRaw);
        m.operatorRaw = e.operatorRaw;
        m.accessType = e.accessType;
        m.planDownloadMbps = e.planDownloadMbps;
        m.planUploadMbps = e.planUploadMbps;
        locate(e, m);
        m.server = e.server;
        m.client = e.client;
        m.ipVersion = e.ipVersion;
        m.deviceHash = e.deviceHash;
        m.apiKeyId = e.apiKeyId;
        m.note = e.note;
        judge(m);
        return m;
    }

    private String operatorCode(String raw) {
        String code = raw == null ? null : operatorCodes.get(raw);
        if (code == null) {
            code = Operator.normalise(raw).name();
            if (raw != null && operatorCodes.size() < MAX_OPERATOR_SPELLINGS) {
                operatorCodes.put(raw, code);
            }
        }
        return code;
    }

    private void locate(ParsedEvent e, EnrichedMeasurement m) {
        if (e.latitude != null && e.longitude != null) {
            m.tdpCode = areas.locate(e.latitude, e.longitude);
            m.cellId = GeoCells.coarseCell(e.latitude, e.longitude);
            m.quadkey = GeoCells.quadkey(e.latitude, e.longitude, GeoCells.HEATMAP_ZOOM);
        } else {
            m.tdpCode = areas.find(e.chosenTdpCode).isPresent() ? e.chosenTdpCode : UNKNOWN_TDP;
        }
    }

    private void judge(EnrichedMeasurement m) {
        AccessType type = AccessType.valueOf(m.accessType);
        m.qcvnPass =
                thresholds.samplePasses(
                        type,
                        m.downloadMbps,
                        m.uploadMbps,
                        m.latencyMs,
                        m.planDownloadMbps,
                        m.planUploadMbps);
        m.target2030Pass = thresholds.meets2030Target(type, m.downloadMbps, m.planDownloadMbps);
    }
}
