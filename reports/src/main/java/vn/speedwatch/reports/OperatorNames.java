package vn.speedwatch.reports;

import vn.speedwatch.model.Operator;

/** Full legal names of the operators, as a letter addresses them after "Kính gửi:". */
final class OperatorNames {

    private OperatorNames() {}

    static String fullName(Operator operator) {
        return switch (operator) {
            case VNPT -> "Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)";
            case VIETTEL -> "Tập đoàn Công nghiệp – Viễn thông Quân đội (Viettel)";
            case FPT -> "Công ty Cổ phần Viễn thông FPT (FPT Telecom)";
            case MOBIFONE -> "Tổng công ty Viễn thông MobiFone";
            case VIETNAMOBILE -> "Công ty Cổ phần Viễn thông Di động Vietnamobile";
            case CMC -> "Công ty Cổ phần Hạ tầng Viễn thông CMC (CMC Telecom)";
            case SCTV -> "Công ty TNHH Truyền hình Cáp Saigontourist (SCTV)";
            case OTHER -> "Các doanh nghiệp viễn thông khác";
        };
    }
}
