package vn.speedwatch.collector.adapters;

import static vn.speedwatch.model.MeasurementField.CLIENT;
import static vn.speedwatch.model.MeasurementField.ID;
import static vn.speedwatch.model.MeasurementField.MEASURED_AT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import vn.speedwatch.model.ClientKind;

/**
 * The steps every adapter shares: open the envelope, let the format map its result, apply the
 * resident's fields, then date and identify the result and set {@code client}.
 */
abstract class AbstractAdapter implements ResultAdapter {

    private final String format;
    private final ClientKind client;
    private final Clock clock;

    AbstractAdapter(String format, ClientKind client, Clock clock) {
        this.format = format;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public final String format() {
        return format;
    }

    @Override
    public final ObjectNode toContract(JsonNode document) {
        Problems problems = new Problems();
        if (document == null || !document.isObject()) {
            problems.notObject("");
            problems.throwIfAny();
        }
        Envelope envelope = new Envelope(document);
        ContractOut out = new ContractOut();
        Source result = envelope.result(problems);
        if (result != null) {
            map(result, out);
            ContextFields.apply(residentFields(result), out);
        }
        ContextFields.apply(envelope.context(problems), out);
        if (result != null) {
            date(result, out);
            identify(result, out);
        }
        out.put(CLIENT, client.json());
        problems.throwIfAny();
        return out.node();
    }

    /** Maps the tool's own fields of {@code result} into {@code out}. */
    abstract void map(Source result, ContractOut out);

    /**
     * Where the tool's time is ({@code "/timestamp"}), or null when results carry none and are
     * dated when they arrive, since apps post them right after the test.
     */
    abstract String timePath();

    /** Members holding addresses, left out of the name a stable id is derived from. */
    abstract Set<String> addressMembers();

    /** Contract fields the format carries inside its own result; null when it has none. */
    Source residentFields(Source result) {
        return null;
    }

    private void date(Source result, ContractOut out) {
        if (out.has(MEASURED_AT)) {
            return;
        } else if (timePath() == null) {
            out.put(
                    MEASURED_AT,
                    OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))
                            .truncatedTo(ChronoUnit.SECONDS));
        } else if (!result.has(timePath())) {
            result.problems().missing(result.pointer(timePath()));
        }
    }

    /** A name-based id when the format gave none: re-posting the same result gives the same id. */
    private void identify(Source result, ContractOut out) {
        if (out.has(ID) || !out.has(MEASURED_AT)) {
            return;
        }
        Set<String> dropped = new HashSet<>(addressMembers());
        dropped.add(Envelope.CONTEXT);
        String canonical = StableIds.canonical(result.root(), dropped);
        out.put(ID, StableIds.nameBased(format, canonical, out.text(MEASURED_AT)));
    }
}
