package vn.speedwatch.collector.adapters;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers people type on Vietnamese phones: "85,3" as well as "85.3", optionally followed by
 * the unit ("85,3 Mbps"). One separator only: with both a dot and a comma ("1.000,5") the grouping
 * is ambiguous, so the text is refused rather than guessed.
 */
final class DecimalText {

    private static final Pattern NUMBER =
            Pattern.compile("([+-]?\\d+(?:[.,]\\d+)?)\\s*([\\p{L}/%]*)");

    private DecimalText() {}

    /** The value, or null when the text is not one number in an accepted unit. */
    static BigDecimal parse(String text, String... units) {
        Matcher m = NUMBER.matcher(text.strip());
        if (!m.matches() || !acceptedUnit(m.group(2), units)) {
            return null;
        }
        return new BigDecimal(m.group(1).replace(',', '.'));
    }

    private static boolean acceptedUnit(String suffix, String... units) {
        if (suffix.isEmpty()) {
            return true;
        }
        String typed = suffix.toLowerCase(Locale.ROOT);
        for (String unit : units) {
            if (unit.toLowerCase(Locale.ROOT).equals(typed)) {
                return true;
            }
        }
        return false;
    }
}
