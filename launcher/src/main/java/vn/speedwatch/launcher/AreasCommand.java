package vn.speedwatch.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.speedwatch.model.AreaRegistry;

/** {@code speedwatch areas import FILE}: validates TDP boundaries and stores them. */
@Command(
        name = "areas",
        mixinStandardHelpOptions = true,
        description = {"Quản lý ranh giới tổ dân phố.", "Manages the TDP boundaries."},
        subcommands = AreasCommand.Import.class)
final class AreasCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Kiểm tra tệp GeoJSON ranh giới TDP và ghi vào kho dữ liệu; tệp có lỗi thì "
                        + "liệt kê mọi lỗi và không ghi gì.",
                "Validates a TDP boundary GeoJSON and upserts it into the warehouse; an invalid "
                        + "file lists every problem and stores nothing."
            })
    static final class Import implements Callable<Integer> {

        @Mixin CommonOptions options;

        @Parameters(paramLabel = "FILE", description = "Tệp GeoJSON / GeoJSON file")
        Path file;

        @Override
        public Integer call() {
            // Validate before touching the database: a bad file needs no server.
            AreaRegistry.load(file);
            try (WarehouseSession session = WarehouseSession.open(options.config())) {
                AreaRegistry stored = AreaImport.importFile(session.dataSource(), file);
                System.out.println(
                        "Đã ghi "
                                + stored.areas().size()
                                + " TDP từ "
                                + file
                                + " / stored "
                                + stored.areas().size()
                                + " TDPs");
                if (stored.synthetic()) {
                    System.out.println(
                            "Chú ý: tệp tự ghi là dữ liệu MẪU / note: the file says "
                                    + "it is SYNTHETIC");
                }
            }
            return 0;
        }
    }
}
