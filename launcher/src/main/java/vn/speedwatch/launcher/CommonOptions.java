package vn.speedwatch.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import vn.speedwatch.model.Settings;

/**
 * Options every subcommand shares. Flags win over the settings file, which wins over nothing;
 * {@code SPEEDWATCH_*} environment variables sit between the file and the flags.
 */
final class CommonOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Thư mục lưu trạng thái (mặc định ./data) / state directory")
    Path dataDir;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Cổng HTTP (mặc định 8080) / HTTP port")
    Integer port;

    @Option(
            names = "--db-url",
            paramLabel = "JDBC_URL",
            description =
                    "PostgreSQL bên ngoài; bỏ trống thì dùng PostgreSQL nhúng trong "
                            + "DIR/pg / external PostgreSQL, else the embedded one")
    String dbUrl;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Tệp cấu hình .properties / settings file")
    Path configFile;

    /** The launcher config: file, then environment, then these flags, then {@code extra}. */
    LauncherConfig config(Map<String, String> extra) {
        Map<String, String> flags = new HashMap<>(extra);
        if (dataDir != null) {
            flags.put("data.dir", dataDir.toString());
        }
        if (port != null) {
            flags.put("http.port", port.toString());
        }
        if (dbUrl != null) {
            flags.put("db.url", dbUrl);
        }
        return LauncherConfig.from(Settings.load(configFile).with(flags));
    }

    LauncherConfig config() {
        return config(Map.of());
    }
}
