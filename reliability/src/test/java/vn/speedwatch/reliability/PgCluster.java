package vn.speedwatch.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.speedwatch.model.Settings;

/**
 * A PostgreSQL cluster of the test's own, in a temporary directory ({@code initdb} + {@code pg_ctl}
 * of the machine's PostgreSQL, run as the {@code postgres} user when the tests run as root), so a
 * test can stop and start the database under a running job.
 */
final class PgCluster implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int port;

    private PgCluster(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Creates, starts and returns a cluster with a database {@code speedwatch}. */
    static PgCluster create() throws Exception {
        Path dir = Files.createTempDirectory("sw-pg-");
        run(List.of("chown", "-R", "postgres", dir.toString()), false);
        PgCluster c = new PgCluster(dir, CollectorProcess.freePort());
        c.pg(
                BIN.resolve("initdb").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8");
        c.start();
        try (Connection conn = DriverManager.getConnection(c.url("postgres"), "postgres", "");
                Statement st = conn.createStatement()) {
            st.execute("CREATE DATABASE speedwatch");
        }
        return c;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Settings settings() {
        return Settings.of(
                Map.of(
                        "db.url",
                        url("speedwatch"),
                        "db.user",
                        "postgres",
                        "db.password",
                        "",
                        "db.pool-size",
                        "2"));
    }

    void start() throws Exception {
        pg(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-w",
                "-l",
                dir.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    /** A fast shutdown: sessions are cut, as when the server goes away. */
    void stop() throws Exception {
        pg(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-w",
                "-m",
                "fast",
                "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void pg(String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        run(cmd, true);
    }

    private static void run(List<String> cmd, boolean mustSucceed)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        if (mustSucceed && code != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
