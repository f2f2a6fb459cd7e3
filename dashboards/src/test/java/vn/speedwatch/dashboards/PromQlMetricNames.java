package vn.speedwatch.dashboards;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small PromQL tokenizer that finds the metric names of an expression: identifiers that are not
 * functions, keywords, label names (inside {@code {}} or after {@code by}/{@code without}/ {@code
 * on}/{@code ignoring}/{@code group_left}/{@code group_right}), durations or strings.
 */
final class PromQlMetricNames {

    private static final Set<String> KEYWORDS =
            Set.of(
                    "by",
                    "without",
                    "on",
                    "ignoring",
                    "group_left",
                    "group_right",
                    "bool",
                    "offset",
                    "and",
                    "or",
                    "unless",
                    "inf",
                    "nan");
    private static final Set<String> LABEL_LIST_KEYWORDS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private static final Pattern GROUPING = Pattern.compile("(by|without)\\s*\\(");

    private PromQlMetricNames() {}

    static Set<String> of(String expr) {
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        boolean labelListNext = false;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '{') {
                i = skipPast(expr, i, '}');
            } else if (c == '[') {
                i = skipPast(expr, i, ']');
            } else if (c == '(' && labelListNext) {
                i = skipPast(expr, i, ')');
                labelListNext = false;
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < expr.length() && isNameChar(expr.charAt(i))) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpaces(expr, i);
                // "sum by (le) (...)": an aggregation whose grouping comes before its argument.
                boolean call =
                        next < expr.length() && expr.charAt(next) == '('
                                || GROUPING.matcher(expr).region(next, expr.length()).lookingAt();
                labelListNext = LABEL_LIST_KEYWORDS.contains(word);
                if (!call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                    names.add(word);
                }
            } else if (Character.isDigit(c)) {
                while (i < expr.length()
                        && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipString(String s, int i) {
        char quote = s.charAt(i);
        i++;
        while (i < s.length() && s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int skipPast(String s, int i, char close) {
        int end = s.indexOf(close, i);
        return end < 0 ? s.length() : end + 1;
    }
}
