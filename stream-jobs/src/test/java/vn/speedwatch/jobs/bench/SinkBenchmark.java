package vn.speedwatch.jobs.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.RawChange;
import vn.speedwatch.jobs.sinks.PipelineSinks;
import vn.speedwatch.jobs.sinks.RawChangeWriter;
import vn.speedwatch.jobs.sinks.Rows;
import vn.speedwatch.warehouse.RawCopyFormat;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * Rows/s of the pipeline's raw-row sink path ({@link RawChangeWriter}: batched idempotent writes of
 * {@link PipelineSinks#RAW_BATCH}, as {@code PipelineSinks.warehouse} configures it; new ids are
 * copied, known ones upserted, and a replay of the same rows shows the latter) next to the ceiling
 * of binary {@code COPY ... FROM STDIN} of exactly the same rows, encoded by the writer the sink's
 * own COPY uses ({@link RawCopyFormat}), into the same, emptied table of the same fresh database.
 * Raw rows are the sink's volume (one per measurement; aggregates are one per cell and firing). Not
 * a test: run {@code bench/sink/run [rows]}.
 */
public final class SinkBenchmark {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final int BATCH = PipelineSinks.RAW_BATCH;
    private static final int ROUNDS = 3;

    private SinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<RawChange> changes = changes(rows);
        byte[] copy = RawCopyFormat.encode(changes.stream().map(Rows::raw).toList());
        // Each round in a database of its own, so a checkpoint or an autovacuum that lands in one
        // run moves one sample, not the figure. Not one table truncated between rounds: a
        // TRUNCATE makes the server replan the sink's cached statements for an empty table, which
        // no running warehouse sees.
        double[] upsertSeconds = new double[ROUNDS];
        double[] replaySeconds = new double[ROUNDS];
        double[] copySeconds = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            double[] seconds = round(changes, copy);
            upsertSeconds[round] = seconds[0];
            replaySeconds[round] = seconds[1];
            copySeconds[round] = seconds[2];
            System.err.printf(
                    Locale.ROOT,
                    "round %d/%d: sink %.2f s, replay %.2f s, COPY %.2f s%n",
                    round + 1,
                    ROUNDS,
                    seconds[0],
                    seconds[1],
                    seconds[2]);
        }
        double upsert = rows / median(upsertSeconds);
        double ceiling = rows / median(copySeconds);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "| measure (%,d raw rows, fresh database, one writer, median of %d rounds) |"
                        + " rows/s | seconds |%n",
                rows,
                ROUNDS);
        System.out.println("|---|---:|---:|");
        System.out.printf(
                Locale.ROOT,
                "| COPY FROM STDIN of the same rows (ceiling) | %,.0f | %.2f |%n",
                ceiling,
                median(copySeconds));
        System.out.printf(
                Locale.ROOT,
                "| RawChangeWriter upsert, batches of %d | %,.0f | %.2f |%n",
                BATCH,
                upsert,
                median(upsertSeconds));
        System.out.printf(Locale.ROOT, "| upsert / COPY | %.1f %% | |%n", 100 * upsert / ceiling);
        System.out.printf(
                Locale.ROOT,
                "| replay of the same rows (every id stored: all upserted) | %,.0f | %.2f |%n",
                rows / median(replaySeconds),
                median(replaySeconds));
    }

    /**
     * One round in a fresh database: the sink writes the changes, writes them again (a replay),
     * then the table is emptied and COPY writes the same rows. Returns the three times in seconds.
     */
    private static double[] round(List<RawChange> changes, byte[] copy) throws Exception {
        int rows = changes.size();
        String name = "sw_bench_sink_" + Long.toHexString(System.nanoTime());
        admin("CREATE DATABASE " + name);
        try (HikariDataSource ds =
                Warehouse.open(new WarehouseConfig(SERVER + name, "postgres", "", 2))) {
            Warehouse.migrate(ds);
            RawChangeWriter writer = new RawChangeWriter(10);
            // A warm-up batch in a throw-away range keeps class loading out of the timing.
            writer.write(ds, changes.subList(0, BATCH));
            truncate(ds);

            settle(ds);
            double upsertSeconds = secondsToWrite(writer, ds, changes);
            expectRows(ds, rows, "the sink");
            // A replay after a failure: every id is stored already, so every row takes the upsert.
            settle(ds);
            double replaySeconds = secondsToWrite(writer, ds, changes);
            expectRows(ds, rows, "the replay");

            truncate(ds);
            settle(ds);
            long t1 = System.nanoTime();
            copyIn(ds, copy);
            double copySeconds = (System.nanoTime() - t1) / 1e9;
            expectRows(ds, rows, "COPY");
            return new double[] {upsertSeconds, replaySeconds, copySeconds};
        } finally {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Writes the changes in the sink's batches, as the pipeline would; returns the seconds. */
    private static double secondsToWrite(
            RawChangeWriter writer, HikariDataSource ds, List<RawChange> changes) {
        long t0 = System.nanoTime();
        for (int i = 0; i < changes.size(); i += BATCH) {
            writer.write(ds, changes.subList(i, Math.min(changes.size(), i + BATCH)));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Located fibre and 4G tests spread over the sample TDPs and one October day. */
    static List<RawChange> changes(int n) {
        Random r = new Random(11);
        long day = java.time.Instant.parse("2026-10-14T17:00:00Z").toEpochMilli();
        List<RawChange> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            EnrichedMeasurement m = new EnrichedMeasurement();
            m.id = new UUID(0x51c0_0000_0000_0000L, i).toString();
            m.measuredAtMillis = day + r.nextInt(86_400_000);
            m.receivedAtMillis = m.measuredAtMillis + 2_000;
            m.downloadMbps = Math.exp(4 + r.nextGaussian());
            m.uploadMbps = m.downloadMbps / 3;
            m.latencyMs = 8 + r.nextInt(60);
            m.jitterMs = 1.5;
            m.operator = r.nextBoolean() ? "VIETTEL" : "VNPT";
            m.operatorRaw = m.operator;
            m.accessType = r.nextBoolean() ? "FIXED_FIBER" : "MOBILE_4G";
            m.tdpCode = String.format(Locale.ROOT, "TDP-%02d", 1 + r.nextInt(12));
            m.client = "web";
            m.ipVersion = 4;
            m.deviceHash = "dev-" + r.nextInt(20_000);
            m.qcvnPass = m.downloadMbps >= 40;
            out.add(
                    RawChange.upsert(
                            m,
                            20.91 + r.nextDouble() * 0.06,
                            106.64 + r.nextDouble() * 0.08,
                            12.0));
        }
        return out;
    }

    private static double median(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void expectRows(HikariDataSource ds, long rows, String writer)
            throws SQLException {
        long stored = count(ds);
        if (stored != rows) {
            throw new IllegalStateException(
                    "expected " + rows + " rows after " + writer + ", found " + stored);
        }
    }

    private static void copyIn(HikariDataSource ds, byte[] rows) throws Exception {
        try (Connection c = ds.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(
                    "COPY measurements_raw ("
                            + RawCopyFormat.COLUMNS
                            + ") FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(rows));
        }
    }

    private static void truncate(HikariDataSource ds) throws SQLException {
        execute(ds, "TRUNCATE measurements_raw");
    }

    /**
     * Writes out what the previous phase left dirty, so that no phase pays for the one before it: a
     * replay alone writes hundreds of megabytes of WAL, and the checkpoint it triggers would land
     * in whichever phase comes next.
     */
    private static void settle(HikariDataSource ds) throws SQLException {
        execute(ds, "CHECKPOINT");
    }

    private static void execute(HikariDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(HikariDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM measurements_raw")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
