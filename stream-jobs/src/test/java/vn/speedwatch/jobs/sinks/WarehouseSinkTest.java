package vn.speedwatch.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.jobs.testing.Fixtures;
import vn.speedwatch.warehouse.WarehouseConfig;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

class WarehouseSinkTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    /** Batches the flaky writer saw, failed ones included. */
    static final AtomicInteger ATTEMPTS = new AtomicInteger();

    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

    @BeforeAll
    static void createTable() throws SQLException {
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE numbers (n bigint PRIMARY KEY, written_by int)");
        }
    }

    @Test
    void writesEveryRecordInBatchesAndRetriesWhileTheDatabaseIsUnreachable() throws Exception {
        FAILURES_LEFT.set(3);
        ATTEMPTS.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(LongStream.range(0, 5_000).boxed().toList(), Types.LONG)
                .sinkTo(
                        new WarehouseSink<>(
                                config(),
                                new FlakyWriter(),
                                100,
                                Duration.ofMillis(200),
                                "numbers"))
                .name("numbers");
        env.execute("warehouse sink test");

        assertThat(count("SELECT count(DISTINCT n) FROM numbers")).isEqualTo(5_000);
        assertThat(ATTEMPTS.get()).isGreaterThanOrEqualTo(5_000 / 100 + 3);
    }

    @Test
    void connectionTroubleIsTransientButBadSqlIsNot() {
        assertThat(RetryPolicy.isTransient(new SQLTransientConnectionException("pool empty")))
                .isTrue();
        assertThat(
                        RetryPolicy.isTransient(
                                new RuntimeException(
                                        "wrapped",
                                        new SQLException("Connection refused", "08001"))))
                .isTrue();
        assertThat(RetryPolicy.isTransient(new SQLException("syntax error", "42601"))).isFalse();
    }

    private static WarehouseConfig config() {
        return new WarehouseConfig(DB.jdbcUrl(), "postgres", "", 2);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts numbers idempotently; the first calls fail as if the database were down. */
    static final class FlakyWriter implements BatchWriter<Long> {
        @Override
        public void write(DataSource ds, List<Long> batch) throws SQLException {
            ATTEMPTS.incrementAndGet();
            if (FAILURES_LEFT.getAndDecrement() > 0) {
                throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
            }
            try (Connection c = ds.getConnection();
                    PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO numbers VALUES (?, 0) ON CONFLICT (n) DO"
                                            + " NOTHING")) {
                for (long n : batch) {
                    ps.setLong(1, n);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
