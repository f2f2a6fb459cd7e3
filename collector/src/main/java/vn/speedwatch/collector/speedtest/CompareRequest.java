package vn.speedwatch.collector.speedtest;

import java.util.Arrays;
import java.util.Optional;
import vn.speedwatch.collector.http.Problem;
import vn.speedwatch.collector.http.Problems;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.Operator;

/** The cell a receipt asks to compare with: a known TDP, operator code and access type. */
record CompareRequest(String tdp, String operator, String access) {

    /** A valid request, or the problem naming what is wrong. */
    record Parsed(CompareRequest request, Optional<Problem> problem) {}

    /** Checks the three query parameters against the area registry and the enums. */
    static final class Validator {

        private final AreaRegistry areas;

        Validator(AreaRegistry areas) {
            this.areas = areas;
        }

        Parsed parse(String tdp, String operator, String access) {
            if (tdp == null || areas.find(tdp.trim()).isEmpty()) {
                return bad(
                        "Tổ dân phố không có trong danh sách: " + tdp, "Unknown TDP code: " + tdp);
            }
            if (!isName(Operator.values(), operator)) {
                return bad("Nhà mạng không hợp lệ: " + operator, "Unknown operator: " + operator);
            }
            if (!isName(AccessType.values(), access) || "UNKNOWN".equals(access)) {
                return bad(
                        "Loại kết nối không hợp lệ: " + access, "Unknown access type: " + access);
            }
            return new Parsed(new CompareRequest(tdp.trim(), operator, access), Optional.empty());
        }

        private static Parsed bad(String vi, String en) {
            return new Parsed(null, Optional.of(Problems.badRequest(vi, en)));
        }

        private static boolean isName(Enum<?>[] values, String name) {
            return name != null && Arrays.stream(values).anyMatch(v -> v.name().equals(name));
        }
    }
}
