package vn.speedwatch.collector.speedtest;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.QualitySketch;

/**
 * The receipt's comparison: a TDP's median for one operator and access type over the last days,
 * merged exactly from the aggregate sketches. The median is only given when the cell has enough
 * tests and devices, so that one household's results are never shown as "the TDP".
 *
 * <p>Devices cannot be counted exactly from per-day rows (one phone tests on many days), so the
 * largest single-row device count is used: a lower bound, which errs towards "chưa đủ mẫu".
 */
final class Comparison {

    private final CellRows rows;
    private final SpeedTestConfig config;
    private final Clock clock;

    Comparison(DataSource dataSource, SpeedTestConfig config, Clock clock) {
        this.rows = new CellRows(dataSource);
        this.config = config;
        this.clock = clock;
    }

    /** The answer document for a validated cell. */
    ObjectNode compare(String tdp, String operator, String access) throws SQLException {
        Instant from = clock.instant().minus(config.window());
        List<CellRows.Row> cell = rows.load(tdp, operator, access, from);
        long samples = cell.stream().mapToLong(CellRows.Row::samples).sum();
        int devices = cell.stream().mapToInt(CellRows.Row::devices).max().orElse(0);
        ObjectNode o =
                Json.mapper()
                        .createObjectNode()
                        .put("tdp", tdp)
                        .put("operator", operator)
                        .put("accessType", access)
                        .put("days", config.window().toDays())
                        .put("sampleCount", samples);
        boolean enough = samples >= config.minSamples() && devices >= config.minDevices();
        o.put("enoughSamples", enough);
        if (!enough) {
            return o.put(
                            "message",
                            "Chưa đủ mẫu để so sánh (cần ít nhất "
                                    + config.minSamples()
                                    + " lần đo từ "
                                    + config.minDevices()
                                    + " thiết bị).")
                    .put(
                            "messageEn",
                            "Not enough samples to compare yet (at least "
                                    + config.minSamples()
                                    + " tests from "
                                    + config.minDevices()
                                    + " devices are needed).");
        }
        putMedian(o, "downloadMedianMbps", cell, CellRows.Row::download);
        putMedian(o, "uploadMedianMbps", cell, CellRows.Row::upload);
        putMedian(o, "latencyMedianMs", cell, CellRows.Row::latency);
        return o;
    }

    private static void putMedian(
            ObjectNode o,
            String field,
            List<CellRows.Row> cell,
            Function<CellRows.Row, byte[]> sketch) {
        List<DDSketch> parts =
                cell.stream()
                        .map(sketch)
                        .filter(Objects::nonNull)
                        .map(QualitySketch::fromBytes)
                        .toList();
        double median = QualitySketch.quantile(QualitySketch.merge(parts), 0.5);
        if (!Double.isNaN(median)) {
            o.put(field, Math.round(median * 10) / 10.0);
        }
    }
}
