package vn.speedwatch.probe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.ClientKind;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.Settings;

/**
 * The probe on the small computer at a cultural house: every {@code probe.interval} it runs the
 * ward's speed test against the collector over the house's public Wi-Fi, spools the result, and
 * sends everything spooled (results from offline hours keep their original ids, so a result sent
 * twice is counted once). The launcher's {@code speedwatch probe} command calls {@link #main}.
 */
public final class Probe {

    private static final Logger LOG = LoggerFactory.getLogger(Probe.class);
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final ProbeConfig config;
    private final SpeedTestClient tester;
    private final Spool spool;
    private final Submitter submitter;

    public Probe(ProbeConfig config) {
        this.config = config;
        this.tester =
                new SpeedTestClient(config.speedTestUrl(), config.duration(), config.streams());
        this.spool = new Spool(config.spoolDir());
        this.submitter = new Submitter(config.collectorUrl(), config.apiKey());
    }

    /** Runs on a schedule until the process stops; the optional argument is a properties file. */
    public static void main(String[] args) {
        ProbeConfig config =
                ProbeConfig.from(Settings.load(args.length > 0 ? Path.of(args[0]) : null));
        Probe probe = new Probe(config);
        LOG.info("Probe starting: {}", config);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleWithFixedDelay(
                probe::runSafely, 0, config.interval().toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * One round: test, spool, then send everything waiting.
     *
     * @return how many results the collector accepted in this round
     */
    public int runOnce() throws InterruptedException {
        try {
            SpeedTestClient.Result r = tester.run();
            Measurement m = measurement(r);
            spool.put(m);
            LOG.info(
                    "Probe test {} done: {} / {} Mbit/s, {} ms",
                    m.id(),
                    round(r.downloadMbps()),
                    round(r.uploadMbps()),
                    round(r.latencyMs()));
        } catch (IOException e) {
            LOG.warn("Probe test failed, nothing measured this round: {}", e.getMessage());
        }
        return flush();
    }

    /** Sends the spooled results, oldest first, until one has to wait. */
    int flush() throws InterruptedException {
        int accepted = 0;
        try {
            for (Path file : spool.waiting()) {
                Measurement m = spool.read(file);
                Submitter.Outcome outcome = submitter.send(m);
                if (outcome == Submitter.Outcome.RETRY_LATER) {
                    LOG.info(
                            "Collector unreachable; {} result(s) stay spooled",
                            spool.waiting().size());
                    break;
                }
                if (outcome == Submitter.Outcome.ACCEPTED) {
                    spool.sent(m.id());
                    accepted++;
                } else {
                    LOG.warn("Collector refused spooled result {}; moved to rejected/", m.id());
                    spool.rejected(file);
                }
            }
        } catch (IOException e) {
            LOG.error("Probe spool {} unreadable: {}", config.spoolDir(), e.toString());
        }
        return accepted;
    }

    private Measurement measurement(SpeedTestClient.Result r) {
        return new Measurement(
                UUID.randomUUID(),
                OffsetDateTime.now(VIETNAM).truncatedTo(ChronoUnit.SECONDS),
                round(r.downloadMbps()),
                round(r.uploadMbps()),
                round(r.latencyMs()),
                round(r.jitterMs()),
                null,
                null,
                config.operator().name(),
                AccessType.PUBLIC_WIFI,
                null,
                null,
                null,
                null,
                null,
                config.tdpCode(),
                config.speedTestUrl().getHost(),
                ClientKind.PROBE,
                null,
                null,
                null);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Probe round failed; next round as scheduled", e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
