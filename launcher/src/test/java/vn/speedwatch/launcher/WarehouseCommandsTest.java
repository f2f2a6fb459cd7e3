package vn.speedwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * The subcommands that work on the warehouse, run as an official would against a real PostgreSQL:
 * migrate, import the TDP boundaries, add an account, write a month's report.
 */
class WarehouseCommandsTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    @TempDir Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void migrateReportsAnUpToDateWarehouse() {
        assertThat(execute("migrate", "--db-url", db.jdbcUrl())).isZero();
    }

    @Test
    void importsTheTdpBoundariesIntoTheAreasTable() throws SQLException {
        Path file = Path.of("../model/src/main/resources/areas/thuy-nguyen-sample.geojson");
        assertThat(execute("areas", "import", file.toString(), "--db-url", db.jdbcUrl())).isZero();
        assertThat(count("SELECT count(*) FROM areas WHERE code LIKE 'TDP-%'")).isEqualTo(12);
    }

    @Test
    void addsAnOfficialWithAHashedPassword() throws SQLException {
        InputStream stdin = System.in;
        try {
            System.setIn(
                    new ByteArrayInputStream("mat-khau-dai-du\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(
                            execute(
                                    "user",
                                    "add",
                                    "can.bo.lan",
                                    "--password-stdin",
                                    "--db-url",
                                    db.jdbcUrl()))
                    .isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(
                        count(
                                "SELECT count(*) FROM officials WHERE username = 'can.bo.lan'"
                                        + " AND password_hash LIKE '$2%'"))
                .isEqualTo(1);
    }

    @Test
    void refusesAShortPasswordInOneLine() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("ngan\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(
                            execute(
                                    "user",
                                    "add",
                                    "can.bo.hoa",
                                    "--password-stdin",
                                    "--db-url",
                                    db.jdbcUrl()))
                    .isEqualTo(2);
        } finally {
            System.setIn(stdin);
        }
        assertThat(err.toString()).contains("Mật khẩu phải có ít nhất 10 ký tự");
    }

    @Test
    void writesTheMonthlyReportOfAnOperator() {
        Path out = dir.resolve("bao-cao");
        assertThat(
                        execute(
                                "report",
                                "--month",
                                "2026-10",
                                "--operator",
                                "VIETTEL",
                                "--out",
                                out.toString(),
                                "--db-url",
                                db.jdbcUrl()))
                .isZero();
        assertThat(out.resolve("speedwatch-2026-10-VIETTEL.pdf")).exists();
        assertThat(out.resolve("speedwatch-2026-10-VIETTEL.csv")).exists();
    }

    private int execute(String... args) {
        CommandLine cl = SpeedwatchCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
