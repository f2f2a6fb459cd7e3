package vn.speedwatch.collector.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.collector.CollectorMetrics;
import vn.speedwatch.collector.adapters.ResultAdapter;
import vn.speedwatch.collector.ingest.BodyError;
import vn.speedwatch.collector.ingest.BodyItem;
import vn.speedwatch.collector.ingest.BodyReader;
import vn.speedwatch.collector.ingest.ItemResult;
import vn.speedwatch.collector.ingest.MeasurementIngest;
import vn.speedwatch.model.Violation;

/**
 * {@code POST /api/v1/measurements} without the HTTP plumbing: reads the body, validates every
 * item, publishes the valid ones and builds the reply. 202 lists per item what was accepted (with
 * its receipt) and what was refused; 422 when nothing was valid; 503 when Kafka did not acknowledge
 * in time, in which case nothing is reported as accepted.
 */
public final class SubmissionService {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionService.class);

    private final BodyReader reader;
    private final MeasurementIngest ingest;
    private final MeterRegistry registry;
    private final Duration retryAfter;

    public SubmissionService(
            BodyReader reader,
            MeasurementIngest ingest,
            MeterRegistry registry,
            Duration retryAfter) {
        this.reader = reader;
        this.ingest = ingest;
        this.registry = registry;
        this.retryAfter = retryAfter;
    }

    /** The reply for a body; never fails: every outcome is a reply. */
    public Future<Reply> submit(
            Context context,
            byte[] body,
            boolean ndjson,
            Optional<ResultAdapter> adapter,
            ClientIdentity client,
            String path) {
        List<ItemResult> results;
        boolean unreadable;
        try {
            List<BodyItem> items = reader.read(body, ndjson);
            unreadable = items.stream().noneMatch(BodyItem::readable);
            results = ingest.validate(items, adapter, ndjson || isArray(body));
        } catch (BodyError e) {
            countRejected(e.reason(), 1);
            return Future.succeededFuture(Reply.problem(bodyProblem(e), path));
        }
        long valid = results.stream().filter(ItemResult::accepted).count();
        countRejected(CollectorMetrics.REASON_INVALID, results.size() - valid);
        if (valid == 0) {
            return Future.succeededFuture(nothingValid(results, unreadable, path));
        }
        return ingest.publish(context, results, client.clientHash(), client.apiKeyId())
                .map(published -> accepted(published, valid))
                .otherwise(error -> unavailable(error, valid, path));
    }

    private Reply accepted(List<ItemResult> published, long valid) {
        registry.counter(CollectorMetrics.ACCEPTED).increment(valid);
        return Reply.json(202, ItemsReply.write(published, valid));
    }

    private Reply unavailable(Throwable error, long valid, String path) {
        LOG.warn(
                "Kafka did not acknowledge {} measurement(s) in time, answering 503: {}",
                valid,
                error.toString());
        countRejected(CollectorMetrics.REASON_UNAVAILABLE, valid);
        return Reply.problem(Problems.unavailable(retryAfter), path);
    }

    private Reply nothingValid(List<ItemResult> results, boolean unreadable, String path) {
        Problem p = unreadable ? Problems.malformed() : Problems.invalid();
        List<Violation> all = results.stream().flatMap(r -> r.violations().stream()).toList();
        Problem withErrors = p.withErrors(all);
        return Reply.problem(withErrors, ItemsReply.problem(withErrors.toJson(path), results));
    }

    private static Problem bodyProblem(BodyError e) {
        Problem base =
                switch (e.status()) {
                    case 413 -> Problems.batchTooLarge();
                    case 422 -> Problems.invalid();
                    default -> Problems.malformed();
                };
        return base.withErrors(e.violations());
    }

    private void countRejected(String reason, long n) {
        if (n > 0) {
            registry.counter(CollectorMetrics.REJECTED, CollectorMetrics.TAG_REASON, reason)
                    .increment(n);
        }
    }

    private static boolean isArray(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }
}
