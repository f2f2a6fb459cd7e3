package vn.speedwatch.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Network operators (nhà mạng) as codes. People type operator names freely ("Viettel Telecom",
 * "VNPT-VinaPhone", "Mobi"); {@link #normalise(String)} maps those to a code.
 */
public enum Operator {
    VNPT("VNPT"),
    VIETTEL("Viettel"),
    FPT("FPT Telecom"),
    MOBIFONE("MobiFone"),
    VIETNAMOBILE("Vietnamobile"),
    CMC("CMC Telecom"),
    SCTV("SCTV"),
    OTHER("Khác");

    /**
     * Tokens found in a folded name (lower case, no diacritics, letters and digits only), checked
     * in order: "vinaphone" before "vnpt" does not matter, but "vietnamobile" must win over "mobi".
     */
    private static final List<Map.Entry<String, Operator>> TOKENS =
            List.of(
                    Map.entry("viettel", VIETTEL),
                    Map.entry("vietel", VIETTEL),
                    Map.entry("vtl", VIETTEL),
                    // "Tập đoàn Công nghiệp - Viễn thông Quân đội" is Viettel's legal name.
                    Map.entry("vienthongquandoi", VIETTEL),
                    Map.entry("vnpt", VNPT),
                    Map.entry("vinaphone", VNPT),
                    Map.entry("vinafone", VNPT),
                    Map.entry("buudien", VNPT),
                    Map.entry("vietnamobile", VIETNAMOBILE),
                    Map.entry("vnmobile", VIETNAMOBILE),
                    Map.entry("mobifone", MOBIFONE),
                    Map.entry("mobiphone", MOBIFONE),
                    Map.entry("mobi", MOBIFONE),
                    Map.entry("fpt", FPT),
                    Map.entry("cmc", CMC),
                    Map.entry("sctv", SCTV));

    private final String displayName;

    Operator(String displayName) {
        this.displayName = displayName;
    }

    /** The name officials and operators recognise, for reports and pages. */
    public String displayName() {
        return displayName;
    }

    /**
     * The code for a free-text operator name; {@link #OTHER} for blank or unrecognised names.
     * Accepts codes themselves ("VIETTEL"), brand names and Vietnamese forms ("Tập đoàn Bưu chính
     * Viễn thông", "Bưu điện").
     */
    public static Operator normalise(String name) {
        if (name == null || name.isBlank()) {
            return OTHER;
        }
        String folded = fold(name);
        if (folded.contains("buuchinhvienthong")) {
            return VNPT;
        }
        for (Map.Entry<String, Operator> token : TOKENS) {
            if (folded.contains(token.getKey())) {
                return token.getValue();
            }
        }
        return OTHER;
    }

    /** Lower case, Vietnamese diacritics and đ removed, only letters and digits kept. */
    static String fold(String s) {
        String noMarks =
                Normalizer.normalize(s, Normalizer.Form.NFD)
                        .replaceAll("\\p{M}+", "")
                        .replace('đ', 'd')
                        .replace('Đ', 'D');
        return noMarks.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
