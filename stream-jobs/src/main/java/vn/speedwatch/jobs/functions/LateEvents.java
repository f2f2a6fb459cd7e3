package vn.speedwatch.jobs.functions;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.RawChange;

/**
 * What arrives after a window's allowed lateness: measurements are only counted (their raw rows
 * were stored by the enrichment stage), erasures become raw-sink requests to recompute the cell
 * from the warehouse, since the window that could have subtracted them is gone.
 */
public class LateEvents extends ProcessFunction<EnrichedMeasurement, RawChange> {

    public static final OutputTag<EnrichedMeasurement> LATE =
            new OutputTag<>("late", TypeInformation.of(EnrichedMeasurement.class));

    private static final Logger LOG = LoggerFactory.getLogger(LateEvents.class);

    private transient Counter late;

    @Override
    public void open(OpenContext context) {
        late = getRuntimeContext().getMetricGroup().counter("lateMeasurements");
    }

    @Override
    public void processElement(EnrichedMeasurement m, Context ctx, Collector<RawChange> out) {
        if (m.erasure) {
            LOG.info(
                    "Erasure of {} came after the allowed lateness of its {} cell;"
                            + " recomputing the cell from the warehouse",
                    m.id,
                    m.tdpCode);
            out.collect(RawChange.erase(m, m.receivedAtMillis, true));
        } else {
            late.inc();
        }
    }
}
