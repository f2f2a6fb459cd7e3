package vn.speedwatch.jobs.sinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.jobs.functions.WebhookNotifier;
import vn.speedwatch.jobs.records.AlertEvent;
import vn.speedwatch.model.Json;
import vn.speedwatch.warehouse.AlertRepository;
import vn.speedwatch.warehouse.AlertRow;

/**
 * Writes alert events to {@code alerts}: OPEN opens the alert unless one of that key and kind is
 * open (or this very alert was already recorded), CLOSE closes the open one if it opened before. A
 * replayed batch therefore changes nothing. Only an alert that really opened or closed is sent to
 * the webhook (setting {@code alerts.webhook-url}), through a queue that never blocks the job.
 *
 * <p>Events of one key must reach the same writer in order: key the stream or run one writer.
 */
public final class AlertWriter implements BatchWriter<AlertEvent> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AlertWriter.class);

    private final String webhookUrl;

    /** A writer without webhook. */
    public AlertWriter() {
        this(Optional.empty());
    }

    /**
     * A writer that also posts each alert change to {@code webhookUrl}, if present.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
     */
    public AlertWriter(Optional<String> webhookUrl) {
        this.webhookUrl = webhookUrl.map(String::trim).filter(u -> !u.isEmpty()).orElse(null);
        if (this.webhookUrl != null) {
            String scheme = URI.create(this.webhookUrl).getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException(
                        "alerts.webhook-url must be an http(s) URL, got " + this.webhookUrl);
            }
        }
    }

    @Override
    public void write(DataSource ds, List<AlertEvent> batch) {
        AlertRepository alerts = new AlertRepository(ds);
        for (AlertEvent e : batch) {
            try {
                boolean changed =
                        e.action == AlertEvent.Action.OPEN ? open(alerts, e) : close(alerts, e);
                if (changed && webhookUrl != null) {
                    WebhookNotifier.shared(webhookUrl).offer(e);
                }
            } catch (IllegalArgumentException | NullPointerException | JsonProcessingException ex) {
                LOG.warn("Alert event not written, invalid: {} ({})", e, ex.getMessage());
            }
        }
    }

    private static boolean open(AlertRepository alerts, AlertEvent e)
            throws JsonProcessingException {
        AlertRow row =
                AlertRow.open(
                        e.tdpCode,
                        e.operator,
                        e.accessType,
                        e.kind.name(),
                        e.at(),
                        e.sampleCount,
                        e.median24h,
                        e.baselineMedian,
                        e.belowQcvnShare,
                        details(e));
        if (alreadyRecorded(alerts, e)) {
            return false; // a replay of an alert opened (and maybe closed) before
        }
        return alerts.openIfAbsent(row).isPresent();
    }

    private static boolean close(AlertRepository alerts, AlertEvent e) {
        boolean openedBefore =
                alerts.findOpen().stream()
                        .anyMatch(a -> sameAlert(a, e) && !a.openedAt().isAfter(e.at()));
        // Without that check a replayed CLOSE could close a newer alert of the same key and kind.
        return openedBefore
                && alerts.close(e.tdpCode, e.operator, e.accessType, e.kind.name(), e.at()) > 0;
    }

    private static boolean alreadyRecorded(AlertRepository alerts, AlertEvent e) {
        Instant at = e.at();
        return alerts.findOverlapping(at, at.plusMillis(1)).stream()
                .anyMatch(a -> sameAlert(a, e) && a.openedAt().equals(at));
    }

    private static boolean sameAlert(AlertRow a, AlertEvent e) {
        return a.tdpCode().equals(e.tdpCode)
                && a.operator().equals(e.operator)
                && a.accessType().equals(e.accessType)
                && a.kind().equals(e.kind.name());
    }

    /** The JSON kept in {@code alerts.details}: the summaries residents and operators read. */
    static String details(AlertEvent e) throws JsonProcessingException {
        return Json.mapper()
                .writeValueAsString(Map.of("summaryVi", e.summaryVi(), "summaryEn", e.summaryEn()));
    }
}
