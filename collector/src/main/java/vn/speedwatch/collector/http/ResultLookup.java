package vn.speedwatch.collector.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import vn.speedwatch.model.Json;
import vn.speedwatch.warehouse.MeasurementRepository;
import vn.speedwatch.warehouse.RawMeasurementRow;

/**
 * Answers "what became of my result?" for a receipt holder from the warehouse: {@code STORED} (with
 * the stored values and TDP, never coordinates), {@code ERASED} or {@code PENDING}. Without a
 * database it says the state is unknown. Calls block on JDBC: run them off the event loop.
 */
public final class ResultLookup {

    private final Optional<MeasurementRepository> repository;

    private ResultLookup(Optional<MeasurementRepository> repository) {
        this.repository = repository;
    }

    public static ResultLookup of(DataSource dataSource) {
        return new ResultLookup(Optional.of(new MeasurementRepository(dataSource)));
    }

    public static ResultLookup withoutDatabase() {
        return new ResultLookup(Optional.empty());
    }

    /** The document {@code GET /api/v1/measurements/{receipt}} answers with. */
    public ObjectNode describe(UUID id) {
        ObjectNode o = Json.mapper().createObjectNode().put("id", id.toString());
        if (repository.isEmpty()) {
            return o.put("state", "PENDING")
                    .put("stateKnown", false)
                    .put(
                            "message",
                            "Máy chủ này không kết nối kho dữ liệu nên chưa biết kết quả"
                                    + " đã được lưu hay chưa.")
                    .put(
                            "messageEn",
                            "This server has no warehouse connection, so it cannot tell"
                                    + " whether the result is stored yet.");
        }
        MeasurementRepository repo = repository.get();
        if (repo.isErased(id)) {
            return o.put("state", "ERASED")
                    .put("stateKnown", true)
                    .put("message", "Kết quả đã được xóa theo yêu cầu.")
                    .put("messageEn", "The result was erased on request.");
        }
        Optional<RawMeasurementRow> row = repo.find(id);
        if (row.isEmpty()) {
            return o.put("state", "PENDING")
                    .put("stateKnown", true)
                    .put("message", "Kết quả đã được nhận và đang chờ xử lý.")
                    .put("messageEn", "The result was accepted and is waiting to be processed.");
        }
        o.put("state", "STORED").put("stateKnown", true);
        o.set("measurement", stored(row.get()));
        return o;
    }

    private static ObjectNode stored(RawMeasurementRow r) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("measuredAt", r.measuredAt().toString());
        m.put("receivedAt", r.receivedAt().toString());
        m.put("downloadMbps", r.downloadMbps());
        m.put("uploadMbps", r.uploadMbps());
        m.put("latencyMs", r.latencyMs());
        m.put("jitterMs", r.jitterMs());
        m.put("packetLossPercent", r.packetLossPercent());
        m.put("operator", r.operator());
        m.put("accessType", r.accessType());
        m.put("tdpCode", r.tdpCode());
        m.put("qcvnPass", r.qcvnPass());
        m.put("note", r.note());
        return m;
    }
}
