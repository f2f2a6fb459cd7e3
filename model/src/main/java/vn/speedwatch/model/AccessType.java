package vn.speedwatch.model;

/** How the device reached the Internet; decides which QCVN threshold applies. */
public enum AccessType {
    FIXED_FIBER("Cáp quang", "Fibre"),
    FIXED_OTHER("Cố định khác", "Other fixed line"),
    MOBILE_4G("Di động 4G", "Mobile 4G"),
    MOBILE_5G("Di động 5G", "Mobile 5G"),
    PUBLIC_WIFI("Wi-Fi công cộng", "Public Wi-Fi"),
    UNKNOWN("Không rõ", "Unknown");

    private final String labelVi;
    private final String labelEn;

    AccessType(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    public boolean isFixed() {
        return this == FIXED_FIBER || this == FIXED_OTHER;
    }

    public boolean isMobile() {
        return this == MOBILE_4G || this == MOBILE_5G;
    }
}
