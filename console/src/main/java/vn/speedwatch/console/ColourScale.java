package vn.speedwatch.console;

import java.util.List;

/**
 * The map's colour classes. Colours are a red-to-green scale that stays readable for the common
 * colour-blindness (ColorBrewer RdYlBu ends) and every class is also named in the legend and in the
 * table under the map, so colour is never the only carrier of the value.
 */
final class ColourScale {

    /** One class: values from {@code min} (inclusive) up to the next class's min. */
    record Band(double min, String colour, String label) {}

    static final String NOT_ENOUGH = "#d9d9d9";

    /** Median download, Mbit/s: low is bad. */
    static final List<Band> DOWNLOAD =
            List.of(
                    new Band(0, "#d73027", "< 10 Mbit/s"),
                    new Band(10, "#fc8d59", "10–30 Mbit/s"),
                    new Band(30, "#fee090", "30–100 Mbit/s"),
                    new Band(100, "#91bfdb", "100–300 Mbit/s"),
                    new Band(300, "#4575b4", "≥ 300 Mbit/s"));

    /** Share of tests below QCVN, percent: high is bad. */
    static final List<Band> BELOW_QCVN =
            List.of(
                    new Band(0, "#4575b4", "< 10 %"),
                    new Band(10, "#91bfdb", "10–25 %"),
                    new Band(25, "#fee090", "25–50 %"),
                    new Band(50, "#fc8d59", "50–75 %"),
                    new Band(75, "#d73027", "≥ 75 %"));

    private ColourScale() {}

    static Band band(List<Band> bands, double value) {
        Band chosen = bands.get(0);
        for (Band b : bands) {
            if (value >= b.min()) {
                chosen = b;
            }
        }
        return chosen;
    }
}
