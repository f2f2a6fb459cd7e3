package vn.speedwatch.jobs.sinks;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a database write: forever, with capped exponential backoff, while the database is
 * unreachable (the caller blocks, which back-pressures the job); a few times for other errors, then
 * fails so the job restarts from its last checkpoint rather than dropping the batch.
 */
final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);
    static final long FIRST_BACKOFF_MILLIS = 100;
    static final long MAX_BACKOFF_MILLIS = 10_000;
    static final int MAX_NON_TRANSIENT_ATTEMPTS = 3;

    /** A write that may fail. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final String owner;
    private final Counter retries;

    RetryPolicy(String owner, Counter retries) {
        this.owner = owner;
        this.retries = retries;
    }

    void run(Action action) throws IOException, InterruptedException {
        long backoff = FIRST_BACKOFF_MILLIS;
        int failures = 0;
        while (true) {
            try {
                action.run();
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failures++;
                boolean transientError = isTransient(e);
                if (!transientError && failures >= MAX_NON_TRANSIENT_ATTEMPTS) {
                    throw new IOException(
                            "Sink " + owner + " failed " + failures + " times: " + e.getMessage(),
                            e);
                }
                retries.inc();
                LOG.warn(
                        "Sink {} write failed (attempt {}, {}), retrying in {} ms: {}",
                        owner,
                        failures,
                        transientError ? "database unreachable" : "error",
                        backoff,
                        e.toString());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Connection-level trouble (SQLSTATE classes 08, 53, 57P, 40) or a refused socket. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08")
                        || state.startsWith("53")
                        || state.startsWith("57P")
                        || state.startsWith("40")) {
                    return true;
                }
            }
            if (t.getClass()
                    .getName()
                    .equals("com.zaxxer.hikari.pool.HikariPool$PoolInitializationException")) {
                return true;
            }
        }
        return false;
    }
}
