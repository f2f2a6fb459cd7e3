package vn.speedwatch.jobs.functions;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.jobs.records.HeatmapCell;
import vn.speedwatch.model.GeoCells;

/**
 * Attaches the key (quadkey, operator, access type), the day and the cell centre to the statistics
 * of one heatmap cell × day, and lets it out only when at least {@code minDevices} distinct devices
 * measured there: below that a cell could single out one home, so it is never published. A cell
 * published earlier that drops below k (an erasure in a later firing) is withdrawn instead.
 */
public class EmitHeatmapCell
        extends ProcessWindowFunction<
                HeatmapCell, HeatmapCell, Tuple3<String, String, String>, TimeWindow> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EmitHeatmapCell.class);

    /** Per window: whether this cell × day is on the map now. */
    private final ValueStateDescriptor<Boolean> published =
            new ValueStateDescriptor<>("heatmap-published", Types.BOOLEAN);

    private final int minDevices;
    private transient Counter suppressed;
    private transient Counter withdrawn;
    private transient Counter invalid;

    public EmitHeatmapCell(int minDevices) {
        this.minDevices = minDevices;
    }

    @Override
    public void open(OpenContext openContext) {
        suppressed = getRuntimeContext().getMetricGroup().counter("heatmapCellsBelowK");
        withdrawn = getRuntimeContext().getMetricGroup().counter("heatmapCellsWithdrawn");
        invalid = getRuntimeContext().getMetricGroup().counter("heatmapCellsInvalidQuadkey");
    }

    @Override
    public void process(
            Tuple3<String, String, String> key,
            Context context,
            Iterable<HeatmapCell> stats,
            Collector<HeatmapCell> out)
            throws Exception {
        HeatmapCell cell = stats.iterator().next();
        ValueState<Boolean> onMap = context.windowState().getState(published);
        cell.quadkey = key.f0;
        cell.operator = key.f1;
        cell.accessType = key.f2;
        cell.dayStartMillis = context.window().getStart();
        if (cell.deviceCount < minDevices) {
            suppressed.inc();
            if (onMap.value() != null) {
                withdrawn.inc();
                cell.withdrawn = true;
                out.collect(cell);
                onMap.clear();
            }
            return;
        }
        try {
            double[] center = GeoCells.quadkeyCenter(key.f0);
            cell.centerLat = center[0];
            cell.centerLon = center[1];
        } catch (IllegalArgumentException e) {
            invalid.inc();
            LOG.warn("Heatmap cell {} {} {} skipped: {}", key.f0, key.f1, key.f2, e.getMessage());
            return;
        }
        onMap.update(true);
        out.collect(cell);
    }

    @Override
    public void clear(Context context) {
        context.windowState().getState(published).clear();
    }
}
