package vn.speedwatch.jobs.testing;

import static vn.speedwatch.jobs.testing.Fixtures.erasure;
import static vn.speedwatch.jobs.testing.Fixtures.malformed;
import static vn.speedwatch.jobs.testing.Fixtures.measurement;
import static vn.speedwatch.jobs.testing.Fixtures.record;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import vn.speedwatch.jobs.records.RawEvent;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.Settings;

/**
 * A generated stream of topic records over two local days with what real traffic has: duplicates,
 * out-of-order arrival, erasures (of known and unknown ids, and a re-post after erasure), invalid
 * records and, at the very end after a pause, measurements later than the allowed lateness.
 */
public final class Dataset {

    private static final Operator[] OPERATORS = {Operator.VIETTEL, Operator.VNPT, Operator.FPT};
    private static final String[] TDPS = {"TDP-01", "TDP-02", "TDP-03"};
    private static final AccessType[] ACCESS = {AccessType.MOBILE_4G, AccessType.FIXED_FIBER};

    public final List<RawEvent> records = new ArrayList<>();

    /** Ids whose raw rows must be stored. */
    public final Set<UUID> stored = new HashSet<>();

    public final Set<UUID> erased = new HashSet<>();

    /** Stored, but after the allowed lateness: in no aggregate. */
    public final Set<UUID> tooLate = new HashSet<>();

    /** Keys of records after which the source pauses, so watermarks move on first. */
    public final Set<String> pauseBefore = new HashSet<>();

    /**
     * The last stored measurements before the pause: once their raw rows are in the warehouse, the
     * records ahead of the pause have gone through (consecutive records take different subtasks,
     * hence several).
     */
    public final Set<UUID> lastBeforePause = new HashSet<>();

    public int invalid;
    public Instant lastMeasuredAt;

    private final Random random;
    private final boolean erasures;

    private Dataset(long seed, boolean erasures) {
        this.random = new Random(seed);
        this.erasures = erasures;
    }

    /** {@code n} measurements over two days from {@code start}, plus the irregular records. */
    public static Dataset generate(long seed, int n, Instant start) {
        return generate(seed, n, start, true);
    }

    /** As above, with or without erasures. */
    public static Dataset generate(long seed, int n, Instant start, boolean erasures) {
        Dataset d = new Dataset(seed, erasures);
        d.build(n, start);
        return d;
    }

    private void build(int n, Instant start) {
        long step = Duration.ofDays(2).toMillis() / n;
        List<MeasurementEvent> posted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long jitter = random.nextInt(600_000) - 300_000; // ±5 min: out of order
            Instant at = start.plusMillis(i * step + jitter);
            MeasurementEvent e = next(at);
            add(e);
            stored.add(e.id());
            posted.add(e);
            lastMeasuredAt =
                    lastMeasuredAt == null || at.isAfter(lastMeasuredAt) ? at : lastMeasuredAt;
            irregularities(i, posted);
        }
        // Unknown id: nothing to erase, must not fail anything.
        records.add(record(erasure(UUID.randomUUID(), lastMeasuredAt)));
        for (int i = posted.size() - 1; i >= 0 && lastBeforePause.size() < 4; i--) {
            if (stored.contains(posted.get(i).id())) {
                lastBeforePause.add(posted.get(i).id());
            }
        }
        tooLate(start);
    }

    /**
     * Holds once the raw rows of {@link #lastBeforePause} are in the database {@code settings}
     * name: the gate for the source's pause before the too-late records.
     */
    public BoundedSource.Drained storedBeforePause(Settings settings) {
        String url = settings.required("db.url");
        String user = settings.required("db.user");
        String[] ids = lastBeforePause.stream().map(UUID::toString).toArray(String[]::new);
        return () -> {
            try (Connection c = DriverManager.getConnection(url, user, null);
                    PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT count(*) FROM measurements_raw WHERE id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) == ids.length;
                }
            }
        };
    }

    private void irregularities(int i, List<MeasurementEvent> posted) {
        MeasurementEvent last = posted.get(posted.size() - 1);
        if (i % 10 == 3) {
            add(last); // immediate duplicate
        }
        if (i % 50 == 49) {
            add(posted.get(posted.size() - 30)); // duplicate 30 records later
        }
        if (erasures && i % 37 == 20) {
            MeasurementEvent victim = posted.get(posted.size() - 15);
            if (erased.add(victim.id())) {
                stored.remove(victim.id());
                records.add(record(erasure(victim.id(), last.receivedAt())));
                if (i % 74 == 57) {
                    add(victim); // re-post after erasure: must stay erased
                }
            }
        }
        if (i % 97 == 5) {
            records.add(malformed("{\"type\":\"MEASUREMENT\",\"measurement\":{\"id\":"));
            invalid++;
        }
        if (i % 101 == 7) {
            MeasurementEvent bad =
                    measurement(
                            Operator.VIETTEL,
                            "TDP-01",
                            -5.0,
                            last.measurement().measuredAt().toInstant());
            records.add(record(bad));
            invalid++;
        }
    }

    private void tooLate(Instant start) {
        for (int k = 0; k < 5; k++) {
            MeasurementEvent late = next(start.plus(Duration.ofHours(2)).plusSeconds(k * 60L));
            RawEvent r = record(late);
            if (k == 0) {
                pauseBefore.add(r.key);
            }
            records.add(r);
            stored.add(late.id());
            tooLate.add(late.id());
        }
    }

    private MeasurementEvent next(Instant at) {
        double down = Math.round(Math.exp(2 + random.nextDouble() * 4) * 100) / 100.0;
        return measurement(
                UUID.randomUUID(),
                OPERATORS[random.nextInt(OPERATORS.length)],
                ACCESS[random.nextInt(ACCESS.length)],
                TDPS[random.nextInt(TDPS.length)],
                down,
                at,
                "device-" + random.nextInt(400));
    }

    private void add(MeasurementEvent e) {
        records.add(record(e));
    }
}
