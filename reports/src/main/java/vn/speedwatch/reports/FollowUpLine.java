package vn.speedwatch.reports;

/** A cell flagged in the previous month's report and how it fares this month. */
record FollowUpLine(FlaggedCell previous, CellStats now, Status status) {

    /** Whether the complaint worked, in the words the letter uses. */
    enum Status {
        RESOLVED("Đã đạt", "resolved"),
        IMPROVED("Có cải thiện, chưa đạt", "improved, still below"),
        NOT_IMPROVED("Chưa cải thiện", "not improved"),
        INSUFFICIENT("Chưa đủ mẫu", "not enough samples");

        final String vi;
        final String en;

        Status(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }
    }
}
