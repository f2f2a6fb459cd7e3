package vn.speedwatch.console;

import io.vertx.core.http.HttpServerRequest;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Operator;

/** Reads the map's query parameters; anything unknown falls back to a sensible default. */
final class MapChoice {

    private MapChoice() {}

    static MapPage.Choice parse(HttpServerRequest req, YearMonth thisMonth) {
        Operator operator =
                Arrays.stream(Operator.values())
                        .filter(o -> o.name().equals(req.getParam("operator")))
                        .findFirst()
                        .orElse(Operator.VIETTEL);
        AccessType access =
                Arrays.stream(AccessType.values())
                        .filter(a -> a.name().equals(req.getParam("access")))
                        .findFirst()
                        .orElse(AccessType.FIXED_FIBER);
        YearMonth month = thisMonth;
        try {
            String m = req.getParam("month");
            month = m == null || m.isBlank() ? thisMonth : YearMonth.parse(m);
        } catch (DateTimeParseException e) {
            month = thisMonth; // a hand-edited address: show the current month
        }
        return new MapPage.Choice(operator, access, month, "below".equals(req.getParam("measure")));
    }
}
