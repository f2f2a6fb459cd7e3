package vn.speedwatch.jobs.functions;

import java.nio.file.Path;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.ParsedEvent;
import vn.speedwatch.jobs.records.RawChange;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.QcvnThresholds;

/**
 * Stage 4: gives each measurement its TDP, operator code, coarse cells and QCVN verdicts, and is
 * the last place exact coordinates exist in the job (Decree 13/2023/NĐ-CP): they leave only in the
 * raw-table change on the {@link #RAW_CHANGES} side output; the main output has none.
 *
 * <p>Erasures of known measurements are enriched the same way, so the aggregation stages can
 * subtract them from the right cells; erasures of ids the job no longer remembers go to the raw
 * sink only, which corrects the aggregates from the warehouse.
 */
public class EnrichWithArea extends ProcessFunction<ParsedEvent, EnrichedMeasurement> {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichWithArea.class);

    public static final OutputTag<RawChange> RAW_CHANGES =
            new OutputTag<>("raw-changes", TypeInformation.of(RawChange.class));

    /** Null means the sample bundled with the model. */
    private final String areasFile;

    private transient Enricher enricher;

    public EnrichWithArea(String areasFile) {
        this.areasFile = areasFile;
    }

    @Override
    public void open(OpenContext context) {
        AreaRegistry areas =
                areasFile == null
                        ? AreaRegistry.loadSample()
                        : AreaRegistry.load(Path.of(areasFile));
        LOG.info("Enrichment uses {} TDPs from {}", areas.areas().size(), areas.sourceName());
        enricher = new Enricher(areas, QcvnThresholds.load());
    }

    @Override
    public void processElement(ParsedEvent e, Context ctx, Collector<EnrichedMeasurement> out) {
        if (e.isErasure() && !e.erasedKnown) {
            EnrichedMeasurement idOnly = new EnrichedMeasurement();
            idOnly.id = e.id;
            idOnly.erasure = true;
            ctx.output(RAW_CHANGES, RawChange.erase(idOnly, e.receivedAtMillis, true));
            return;
        }
        EnrichedMeasurement m = enricher.enrich(e);
        if (e.isErasure()) {
            ctx.output(RAW_CHANGES, RawChange.erase(m, e.receivedAtMillis, false));
        } else {
            ctx.output(RAW_CHANGES, RawChange.upsert(m, e.latitude, e.longitude, e.accuracyM));
        }
        out.collect(m);
    }
}
