package vn.speedwatch.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code speedwatch migrate}: brings the warehouse schema up to date and says what it did. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = {
            "Cập nhật cấu trúc kho dữ liệu (Flyway).",
            "Applies pending warehouse schema migrations (Flyway)."
        })
final class MigrateCommand implements Callable<Integer> {

    @Mixin CommonOptions options;

    @Override
    public Integer call() {
        try (WarehouseSession session = WarehouseSession.open(options.config())) {
            System.out.println(
                    "Đã áp dụng "
                            + session.migrationsApplied()
                            + " bước cập nhật; kho dữ liệu đã mới nhất / "
                            + session.migrationsApplied()
                            + " migrations applied; the warehouse is up to date");
        }
        return 0;
    }
}
