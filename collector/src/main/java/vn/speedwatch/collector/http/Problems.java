package vn.speedwatch.collector.http;

import java.time.Duration;
import java.util.List;

/** The collector's problem documents, worded once in both languages. */
public final class Problems {

    private Problems() {}

    public static Problem malformed() {
        return Problem.of(
                400,
                "malformed-body",
                "Nội dung không đọc được",
                "Malformed body",
                "Nội dung gửi lên không phải JSON hợp lệ.",
                "The body is not valid JSON.");
    }

    public static Problem badRequest(String detailVi, String detailEn) {
        return Problem.of(
                400, "bad-request", "Yêu cầu không hợp lệ", "Bad request", detailVi, detailEn);
    }

    public static Problem unauthorized() {
        return Problem.of(
                401,
                "unknown-api-key",
                "Khóa API không hợp lệ",
                "Unknown API key",
                "Khóa API trong tiêu đề X-Api-Key không được chấp nhận.",
                "The key in the X-Api-Key header is not accepted.");
    }

    public static Problem originNotAllowed() {
        return Problem.of(
                403,
                "origin-not-allowed",
                "Trang gọi không được phép",
                "Origin not allowed",
                "Trang web này không được phép gọi API của hệ thống.",
                "This web origin may not call the API.");
    }

    /** Any other refusal of the request itself, with its own status. */
    public static Problem clientError(int status) {
        return Problem.of(
                status,
                "client-error",
                "Yêu cầu không được chấp nhận",
                "Request not accepted",
                "Máy chủ không thể xử lý yêu cầu này.",
                "The server cannot process this request.");
    }

    public static Problem notFound() {
        return Problem.of(
                404,
                "not-found",
                "Không tìm thấy",
                "Not found",
                "Không có tài nguyên nào ở địa chỉ này.",
                "There is no resource at this address.");
    }

    public static Problem unknownReceipt() {
        return Problem.of(
                404,
                "unknown-receipt",
                "Không tìm thấy kết quả",
                "Result not found",
                "Mã biên nhận không đúng hoặc không thuộc kết quả nào.",
                "The receipt is not valid or belongs to no result.");
    }

    public static Problem methodNotAllowed() {
        return Problem.of(
                405,
                "method-not-allowed",
                "Phương thức không được hỗ trợ",
                "Method not allowed",
                "Địa chỉ này không nhận phương thức HTTP đã dùng.",
                "This address does not accept the HTTP method used.");
    }

    public static Problem tooLarge(long maxBytes) {
        return Problem.of(
                413,
                "body-too-large",
                "Nội dung quá lớn",
                "Body too large",
                "Nội dung gửi lên vượt quá " + maxBytes + " byte.",
                "The body exceeds " + maxBytes + " bytes.");
    }

    public static Problem batchTooLarge() {
        return Problem.of(
                413,
                "batch-too-large",
                "Quá nhiều kết quả",
                "Batch too large",
                "Số kết quả gửi cùng lúc vượt quá giới hạn.",
                "The batch holds more measurements than allowed.");
    }

    public static Problem unsupportedMediaType(List<String> accepted) {
        String list = String.join(", ", accepted);
        return Problem.of(
                415,
                "unsupported-media-type",
                "Kiểu nội dung không được hỗ trợ",
                "Unsupported media type",
                "Hãy gửi với Content-Type là một trong: " + list + ".",
                "Send with a Content-Type among: " + list + ".");
    }

    public static Problem invalid() {
        return Problem.of(
                422,
                "invalid-measurement",
                "Kết quả đo không hợp lệ",
                "Invalid measurement",
                "Không có kết quả nào được nhận; xem danh sách lỗi.",
                "No measurement was accepted; see the list of errors.");
    }

    public static Problem rateLimited(Duration retryAfter) {
        return Problem.of(
                        429,
                        "rate-limited",
                        "Gửi quá nhanh",
                        "Too many requests",
                        "Bạn đã gửi quá nhiều yêu cầu; hãy thử lại sau ít phút.",
                        "Too many requests from this client; retry later.")
                .withRetryAfter(retryAfter);
    }

    public static Problem unavailable(Duration retryAfter) {
        return Problem.of(
                        503,
                        "temporarily-unavailable",
                        "Tạm thời không nhận được",
                        "Temporarily unavailable",
                        "Hệ thống tạm thời chưa lưu được kết quả; chưa có kết quả nào được nhận, hãy"
                                + " gửi lại sau.",
                        "The result could not be stored right now; nothing was accepted, send it again"
                                + " later.")
                .withRetryAfter(retryAfter);
    }

    public static Problem lookupUnavailable(Duration retryAfter) {
        return Problem.of(
                        503,
                        "lookup-unavailable",
                        "Tạm thời không tra cứu được",
                        "Look-up temporarily unavailable",
                        "Kho dữ liệu tạm thời không trả lời; hãy thử lại sau.",
                        "The warehouse is not answering right now; try again later.")
                .withRetryAfter(retryAfter);
    }

    public static Problem erasureUnavailable(Duration retryAfter) {
        return Problem.of(
                        503,
                        "erasure-unavailable",
                        "Tạm thời chưa xóa được",
                        "Erasure temporarily unavailable",
                        "Yêu cầu xóa chưa được ghi nhận; hãy gửi lại sau.",
                        "The erasure was not recorded; send it again later.")
                .withRetryAfter(retryAfter);
    }

    public static Problem internal() {
        return Problem.of(
                500,
                "internal-error",
                "Lỗi hệ thống",
                "Internal error",
                "Đã có lỗi phía máy chủ; lỗi đã được ghi lại.",
                "Something went wrong on the server; it has been logged.");
    }
}
