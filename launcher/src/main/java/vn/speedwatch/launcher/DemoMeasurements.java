package vn.speedwatch.launcher;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Area;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.ClientKind;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.Operator;

/**
 * A realistic month of speed tests for the demo: operators by market share (Viettel ~50 %, VNPT ~30
 * %, FPT ~12 %, MobiFone ~8 %), fixed plans of 100–1000 Mbps, a 4G/5G/Wi-Fi mix, slower evenings,
 * and VNPT fibre degraded in a few TDPs during the last days so alerts and the monthly report have
 * something to show. Deterministic for a given seed.
 */
final class DemoMeasurements {

    static final Operator DEGRADED_OPERATOR = Operator.VNPT;
    static final Duration DEGRADED_PERIOD = Duration.ofDays(4);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final double[] PLANS = {100, 150, 200, 300, 500, 1000};

    private final AreaRegistry areas;
    private final Random random;
    private final List<DemoDevice> devices;

    DemoMeasurements(AreaRegistry areas, long seed, double scale) {
        this.areas = areas;
        this.random = new Random(seed);
        this.devices = new DemoPopulation(areas, random).devices(scale);
    }

    List<DemoDevice> devices() {
        return devices;
    }

    /** The TDPs whose VNPT fibre is slow in the last days. */
    List<String> degradedTdps() {
        return devices.stream()
                .filter(DemoDevice::degraded)
                .map(DemoDevice::tdpCode)
                .distinct()
                .sorted()
                .toList();
    }

    /** Every test of every device in {@code [from, to)}, oldest first. */
    List<DemoSample> history(Instant from, Instant to) {
        List<DemoSample> samples = new ArrayList<>();
        Instant degradedFrom = to.minus(DEGRADED_PERIOD);
        for (DemoDevice d : devices) {
            double perDay = d.testsPerDay() * (d.degraded() ? 1.6 : 1.0);
            long days = Duration.between(from, to).toDays();
            for (long day = 0; day < days; day++) {
                Instant dayStart = from.plus(Duration.ofDays(day));
                int tests = poisson(dayStart.isBefore(degradedFrom) ? d.testsPerDay() : perDay);
                for (int i = 0; i < tests; i++) {
                    Instant at = dayStart.plusSeconds(timeOfDay());
                    if (at.isBefore(to)) {
                        samples.add(sample(d, at, d.degraded() && !at.isBefore(degradedFrom)));
                    }
                }
            }
        }
        samples.sort(Comparator.comparing(s -> s.measurement().measuredAt()));
        return samples;
    }

    /** One test of a random device, now: the live trickle after the month. */
    DemoSample live(Instant now) {
        DemoDevice d = devices.get(random.nextInt(devices.size()));
        return sample(d, now, d.degraded());
    }

    private DemoSample sample(DemoDevice d, Instant at, boolean slow) {
        int hour = at.atZone(VIETNAM).getHour();
        // Evening peak: cells are busiest between 19:00 and 23:00; fibre backhaul suffers less.
        boolean evening = hour >= 19 && hour <= 22;
        double dip = d.accessType().isFixed() ? 0.15 : 0.35;
        double congestion = evening ? 1 - dip - 0.15 * random.nextDouble() : 1.0;
        double quality = slow ? 0.25 + 0.1 * random.nextDouble() : 1.0;
        double down = round(nominalDownload(d) * congestion * quality);
        double up = round(down * uploadRatio(d.accessType()));
        double latency =
                round(
                        baseLatency(d.accessType()) / Math.sqrt(congestion * quality)
                                + random.nextDouble() * 8);
        Measurement m =
                new Measurement(
                        UUID.randomUUID(),
                        at.atOffset(ZoneOffset.ofHours(7)),
                        Math.max(0.5, down),
                        Math.max(0.2, up),
                        latency,
                        round(1 + random.nextDouble() * 6),
                        random.nextDouble() < 0.9 ? 0.0 : 0.5,
                        null,
                        d.operator().displayName(),
                        d.accessType(),
                        d.planDownloadMbps(),
                        d.planDownloadMbps(),
                        d.latitude(),
                        d.longitude(),
                        10.0 + random.nextInt(40),
                        null,
                        "demo-server.thuynguyen.local",
                        ClientKind.WEB,
                        random.nextDouble() < 0.3 ? 6 : 4,
                        true,
                        null);
        return new DemoSample(m, d.clientIp(), d.tdpCode());
    }

    private double nominalDownload(DemoDevice d) {
        double r = random.nextDouble();
        return switch (d.accessType()) {
            case FIXED_FIBER, FIXED_OTHER -> d.planDownloadMbps() * (0.7 + 0.35 * r);
            case MOBILE_5G -> 150 + 450 * r;
            case MOBILE_4G -> 15 + 50 * r;
            case PUBLIC_WIFI -> 20 + 60 * r;
            case UNKNOWN -> 30 + 50 * r;
        };
    }

    private static double uploadRatio(AccessType t) {
        return t.isFixed() ? 0.9 : 0.3;
    }

    private static double baseLatency(AccessType t) {
        return switch (t) {
            case FIXED_FIBER, FIXED_OTHER -> 6;
            case MOBILE_5G -> 18;
            case MOBILE_4G -> 35;
            default -> 25;
        };
    }

    /** Seconds into the day, weighted towards the evening when people test most. */
    private long timeOfDay() {
        double r = random.nextDouble();
        int hour = r < 0.4 ? 19 + random.nextInt(4) : 6 + random.nextInt(18);
        return hour * 3600L + random.nextInt(3600);
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        while (p > l) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A random point inside the TDP (rejection sampling in its bounding box). */
    static double[] pointIn(AreaRegistry areas, Area area, Random random) {
        Envelope e = area.geometry().getEnvelopeInternal();
        for (int i = 0; i < 1000; i++) {
            double lon = e.getMinX() + random.nextDouble() * e.getWidth();
            double lat = e.getMinY() + random.nextDouble() * e.getHeight();
            if (areas.locate(lat, lon).equals(area.code())) {
                return new double[] {lat, lon};
            }
        }
        throw new IllegalStateException("no point found inside " + area.code());
    }

    static double plan(Random random) {
        return PLANS[random.nextInt(PLANS.length)];
    }
}
