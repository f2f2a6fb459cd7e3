package vn.speedwatch.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * SHA-256 of the aggregate rows behind a report, so an operator can ask for the evidence and check
 * it. Rows are fed in canonical order (TDP code, access type, bucket start), one line each: {@code
 * tdp|access|bucketStart(ISO-8601 UTC)|samples|devices|downloadMean|uploadMean|latencyMean|
 * evaluated|below|base64(downloadSketch)|base64(uploadSketch)|base64(latencySketch)\n}, numbers as
 * Java prints them ({@code Double.toString}), absent values empty.
 */
final class DataFingerprint {

    private final MessageDigest digest = Sha256.digest();
    private int rows;

    void add(DayRow r) {
        String line =
                String.join(
                                "|",
                                r.tdpCode(),
                                r.accessType().name(),
                                r.bucketStart().toString(),
                                Long.toString(r.sampleCount()),
                                Integer.toString(r.deviceCount()),
                                text(r.downloadMean()),
                                text(r.uploadMean()),
                                text(r.latencyMean()),
                                Long.toString(r.qcvnEvaluated()),
                                Long.toString(r.belowQcvn()),
                                base64(r.downloadSketch()),
                                base64(r.uploadSketch()),
                                base64(r.latencySketch()))
                        + "\n";
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        rows++;
    }

    int rows() {
        return rows;
    }

    String hex() {
        return Sha256.hex(digest);
    }

    private static String text(Double d) {
        return d == null ? "" : d.toString();
    }

    private static String base64(byte[] b) {
        return b == null ? "" : Base64.getEncoder().encodeToString(b);
    }
}
