package vn.speedwatch.console;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.speedwatch.model.QualitySketch;

/**
 * The map's figures: each TDP's month for one operator and access type, merged from the day rows of
 * {@code quality_aggregates}. Sketches merge exactly; devices cannot be summed across days (a phone
 * tests on many days), so the largest daily device count is used as a lower bound.
 */
final class MapData {

    private final Db db;
    private final ZoneId zone;

    MapData(DataSource dataSource, ZoneId zone) {
        this.db = new Db(dataSource);
        this.zone = zone;
    }

    /** The cells by TDP code; TDPs without rows are absent. */
    Map<String, MapCell> load(String operator, String accessType, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<String, Acc> byTdp = new HashMap<>();
        db.query(
                ConsoleQueries.MAP_ROWS,
                rs -> {
                    Acc a = byTdp.computeIfAbsent(rs.getString(1), k -> new Acc());
                    a.samples += rs.getLong(2);
                    a.devices = Math.max(a.devices, rs.getInt(3));
                    a.evaluated += rs.getLong(4);
                    a.below += rs.getLong(5);
                    byte[] sketch = rs.getBytes(6);
                    if (sketch != null) {
                        a.sketches.add(QualitySketch.fromBytes(sketch));
                    }
                    return a;
                },
                operator,
                accessType,
                from,
                to);
        Map<String, MapCell> out = new HashMap<>();
        byTdp.forEach((tdp, a) -> out.put(tdp, a.cell(tdp)));
        return out;
    }

    /** Running totals of one TDP while the rows are read. */
    private static final class Acc {
        long samples;
        int devices;
        long evaluated;
        long below;
        final List<DDSketch> sketches = new ArrayList<>();

        MapCell cell(String tdp) {
            double median = QualitySketch.quantile(QualitySketch.merge(sketches), 0.5);
            return new MapCell(
                    tdp,
                    samples,
                    devices,
                    Double.isNaN(median) ? null : median,
                    evaluated == 0 ? null : (double) below / evaluated);
        }
    }
}
