package vn.speedwatch.reports;

/** The verdict word of a per-TDP row, shared by the PDF table, the CSV and the map legend. */
enum CellStatus {
    FLAGGED("Đề nghị cải thiện", "improvement requested"),
    MET("Đạt", "meets QCVN"),
    NOT_EVALUATED("Không áp dụng", "no QCVN threshold"),
    INSUFFICIENT("chưa đủ mẫu", "not enough samples");

    final String vi;
    final String en;

    CellStatus(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    static CellStatus of(TdpLine line) {
        if (!line.enoughSamples()) {
            return INSUFFICIENT;
        }
        if (line.flagged()) {
            return FLAGGED;
        }
        return line.verdict().met() == null ? NOT_EVALUATED : MET;
    }
}
