package vn.speedwatch.jobs.functions;

import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import vn.speedwatch.jobs.records.DeadLetter;
import vn.speedwatch.jobs.records.ParsedEvent;
import vn.speedwatch.jobs.records.RawEvent;
import vn.speedwatch.model.ValidationLimits;

/**
 * Stage 2: parses and validates topic records. Valid measurements and erasures go on; anything else
 * goes to the {@link #DEAD_LETTERS} side output with its reason, counted in the {@code deadLetters}
 * metric, and never fails the job.
 */
public class ParseEvents extends ProcessFunction<RawEvent, ParsedEvent> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private final Duration futureSkew;
    private final Duration horizon;
    private transient EventDecoder decoder;
    private transient Counter deadLetters;

    public ParseEvents(ValidationLimits limits) {
        this.futureSkew = limits.futureSkew();
        this.horizon = limits.horizon();
    }

    @Override
    public void open(OpenContext context) {
        decoder = new EventDecoder(new ValidationLimits(futureSkew, horizon, Clock.systemUTC()));
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(RawEvent raw, Context ctx, Collector<ParsedEvent> out) {
        EventDecoder.Decoded d = decoder.decode(raw, ctx.timerService().currentProcessingTime());
        if (d.event() != null) {
            out.collect(d.event());
        } else {
            deadLetters.inc();
            ctx.output(DEAD_LETTERS, d.deadLetter());
        }
    }
}
