package vn.speedwatch.reports;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.QcvnThresholds;
import vn.speedwatch.model.QualitySketch;
import vn.speedwatch.warehouse.AggregateRepository;
import vn.speedwatch.warehouse.MeasurementRepository;
import vn.speedwatch.warehouse.QualityAggregateRow;
import vn.speedwatch.warehouse.RawMeasurementRow;

/**
 * Seeds a month of one cell (TDP × operator × access type) with a known log-normal download
 * distribution, as the pipeline would leave it: the raw rows (so SQL can check the report) and day
 * aggregates with real sketches built from the same values.
 */
final class Seeder {

    static final ZoneId ZONE = ReportsConfig.VIETNAM;
    static final double FIBRE_PLAN = 300;

    private final QcvnThresholds thresholds = QcvnThresholds.load();
    private final MeasurementRepository raw;
    private final AggregateRepository aggregates;
    private final boolean writeRaw;

    Seeder(DataSource ds, boolean writeRaw) {
        this.raw = new MeasurementRepository(ds);
        this.aggregates = new AggregateRepository(ds);
        this.writeRaw = writeRaw;
    }

    /** {@code n} tests spread over the month's days, download median near {@code median}. */
    void cell(
            Operator op,
            String tdp,
            AccessType access,
            YearMonth month,
            int n,
            double median,
            long seed) {
        Random random = new Random(seed);
        TreeMap<LocalDate, List<RawMeasurementRow>> byDay = new TreeMap<>();
        int days = month.lengthOfMonth();
        for (int i = 0; i < n; i++) {
            LocalDate day = month.atDay(1 + i % days);
            Instant at = day.atTime(8 + i % 12, i % 60).atZone(ZONE).toInstant();
            byDay.computeIfAbsent(day, d -> new ArrayList<>())
                    .add(measurement(op, tdp, access, at, median, random, i));
        }
        List<QualityAggregateRow> rows = new ArrayList<>();
        List<RawMeasurementRow> all = new ArrayList<>();
        byDay.forEach(
                (day, ms) -> {
                    rows.add(dayRow(day, ms));
                    all.addAll(ms);
                });
        aggregates.upsert(rows);
        if (writeRaw) {
            raw.upsert(all);
        }
    }

    private RawMeasurementRow measurement(
            Operator op,
            String tdp,
            AccessType access,
            Instant at,
            double median,
            Random random,
            int i) {
        double down = round(median * Math.exp(0.5 * random.nextGaussian()));
        double up = round(down * (access.isFixed() ? 0.9 : 0.3));
        double latency = round(15 + 40 * random.nextDouble());
        Double plan = access.isFixed() ? FIBRE_PLAN : null;
        Boolean pass = thresholds.samplePasses(access, down, up, latency, plan, plan);
        return new RawMeasurementRow(
                UUID.nameUUIDFromBytes((tdp + op + access + at + i).getBytes()),
                at,
                at,
                down,
                up,
                latency,
                null,
                null,
                null,
                op.name(),
                op.displayName(),
                access.name(),
                plan,
                plan,
                tdp,
                null,
                null,
                null,
                null,
                null,
                "web",
                4,
                "device-" + (i % 7),
                null,
                pass,
                null,
                null);
    }

    private static QualityAggregateRow dayRow(LocalDate day, List<RawMeasurementRow> ms) {
        DDSketch down = QualitySketch.create();
        DDSketch up = QualitySketch.create();
        DDSketch lat = QualitySketch.create();
        Set<String> devices = new HashSet<>();
        long evaluated = 0;
        long below = 0;
        for (RawMeasurementRow m : ms) {
            QualitySketch.add(down, m.downloadMbps());
            QualitySketch.add(up, m.uploadMbps());
            QualitySketch.add(lat, m.latencyMs());
            devices.add(m.deviceHash());
            if (m.qcvnPass() != null) {
                evaluated++;
                below += m.qcvnPass() ? 0 : 1;
            }
        }
        RawMeasurementRow first = ms.get(0);
        return new QualityAggregateRow(
                QualityAggregateRow.DAY,
                day.atStartOfDay(ZONE).toInstant(),
                first.tdpCode(),
                first.operator(),
                first.accessType(),
                ms.size(),
                devices.size(),
                mean(ms, RawMeasurementRow::downloadMbps),
                q(down, 0.5),
                q(down, 0.1),
                q(down, 0.9),
                mean(ms, RawMeasurementRow::uploadMbps),
                q(up, 0.5),
                q(up, 0.1),
                q(up, 0.9),
                mean(ms, RawMeasurementRow::latencyMs),
                q(lat, 0.5),
                q(lat, 0.1),
                q(lat, 0.9),
                evaluated,
                below,
                evaluated == 0 ? null : (double) below / evaluated,
                QualitySketch.toBytes(down),
                QualitySketch.toBytes(up),
                QualitySketch.toBytes(lat));
    }

    private static double mean(
            List<RawMeasurementRow> ms, java.util.function.ToDoubleFunction<RawMeasurementRow> f) {
        return ms.stream().mapToDouble(f).average().orElseThrow();
    }

    private static double q(DDSketch s, double q) {
        return QualitySketch.quantile(s, q);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
