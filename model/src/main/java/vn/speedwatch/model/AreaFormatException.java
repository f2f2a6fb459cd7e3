package vn.speedwatch.model;

import java.util.List;

/**
 * A TDP boundary file cannot be used. The message lists every problem found, each naming the
 * feature ({@code feature #3 (TDP-03)}, counted from 1) and what is wrong, so an official can fix
 * the whole file in one pass instead of one error at a time.
 */
public final class AreaFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final List<String> problems;

    public AreaFormatException(String sourceName, List<String> problems) {
        super(message(sourceName, problems));
        this.sourceName = sourceName;
        this.problems = List.copyOf(problems);
    }

    /** The file or resource name the problems were found in. */
    public String sourceName() {
        return sourceName;
    }

    /** One line per problem, in file order. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String sourceName, List<String> problems) {
        StringBuilder sb = new StringBuilder("TDP boundary file '").append(sourceName);
        sb.append("' cannot be used (").append(problems.size());
        sb.append(problems.size() == 1 ? " problem):" : " problems):");
        problems.forEach(p -> sb.append("\n  - ").append(p));
        return sb.toString();
    }
}
