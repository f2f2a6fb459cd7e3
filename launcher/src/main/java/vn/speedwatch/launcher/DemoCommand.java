package vn.speedwatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.speedwatch.model.AreaRegistry;

/**
 * {@code speedwatch demo}: {@code run}, plus a realistic month of tests for the sample TDPs posted
 * through the HTTP API, then a live trickle. The loopback address is a trusted proxy so that each
 * simulated device can post under its own address.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Như run, thêm một tháng dữ liệu đo mẫu và luồng dữ liệu trực tiếp.",
            "Like run, plus a sample month of tests and a live trickle."
        })
final class DemoCommand implements Callable<Integer> {

    /** Written once the month is posted, so a restart of the demo does not post it twice. */
    static final String FILLED_MARKER = "demo-month-loaded";

    @Mixin CommonOptions options;

    @Option(
            names = "--scale",
            defaultValue = "1.0",
            description =
                    "Hệ số số thiết bị mô phỏng (1.0 ≈ 12 000 kết quả/tháng) / "
                            + "device count factor (1.0 ≈ 12,000 tests a month)")
    double scale;

    @Option(
            names = "--seed",
            defaultValue = "20261001",
            description = "Hạt giống ngẫu nhiên / random seed")
    long seed;

    @Override
    public Integer call() {
        Map<String, String> demo = new HashMap<>();
        demo.put("collector.trusted-proxies", "127.0.0.1,::1");
        LauncherConfig config = options.config(demo);
        DemoMeasurements data = new DemoMeasurements(AreaRegistry.loadSample(), seed, scale);
        DemoLoad[] load = new DemoLoad[1];
        Path filled = config.dataDir().resolve(FILLED_MARKER);
        return Serving.serve(
                config,
                System.out,
                runtime -> {
                    load[0] = new DemoLoad(URI.create(runtime.urls().api()), System.out);
                    if (Files.exists(filled)) {
                        System.out.println(
                                "Tháng mẫu đã có trong "
                                        + config.dataDir()
                                        + "; chỉ gửi trực"
                                        + " tiếp / sample month already loaded; live trickle only");
                    } else {
                        fill(data, load[0]);
                        markFilled(filled);
                    }
                    load[0].startTrickle(data, Duration.ofSeconds(2));
                },
                () -> {
                    if (load[0] != null) {
                        load[0].close();
                    }
                });
    }

    private static void markFilled(Path marker) {
        try {
            Files.writeString(marker, Instant.now().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }

    private static void fill(DemoMeasurements data, DemoLoad load) {
        Instant now = Instant.now();
        // 29 days, inside the collector's 30-day horizon for late results.
        List<DemoSample> month = data.history(now.minus(Duration.ofDays(29)), now);
        System.out.println(
                "Gửi "
                        + month.size()
                        + " kết quả đo mẫu của "
                        + data.devices().size()
                        + " thiết bị; VNPT cáp quang chậm ở "
                        + data.degradedTdps()
                        + " / posting "
                        + month.size()
                        + " sample tests");
        long accepted = load.postAll(month);
        System.out.println(
                "Đã nhận / accepted: "
                        + accepted
                        + ", từ chối / refused: "
                        + load.refused()
                        + ". Tiếp tục gửi trực tiếp mỗi 2 giây / live trickle every 2 s");
    }
}
