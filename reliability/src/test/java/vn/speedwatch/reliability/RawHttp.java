package vn.speedwatch.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A deliberately rude HTTP/1.1 client on a plain socket, for what a well-behaved client library
 * refuses to send: broken headers, lying Content-Length, bodies trickled a byte at a time.
 */
final class RawHttp {

    /** The answer was a closed connection rather than a status line. */
    static final int CLOSED = -1;

    /** Nothing came back within the read timeout. */
    static final int SILENT = -2;

    private RawHttp() {}

    /** Sends {@code head} and {@code body} at once; the status code, CLOSED or SILENT. */
    static int send(int port, String head, byte[] body, Duration readTimeout) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout((int) readTimeout.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return status(s.getInputStream());
        } catch (SocketTimeoutException e) {
            return SILENT;
        } catch (IOException e) {
            return CLOSED;
        }
    }

    /**
     * Announces {@code length} bytes and then sends one byte every {@code gap}, never finishing;
     * returns what the server answers while it waits.
     */
    static int trickle(int port, int length, Duration gap, Duration giveUpAfter) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout((int) gap.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(
                    ("POST /api/v1/measurements HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: "
                                    + length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            out.write('{');
            InputStream in = s.getInputStream();
            while (System.nanoTime() < deadline) {
                try {
                    return status(in);
                } catch (SocketTimeoutException quiet) {
                    out.write(' ');
                    out.flush();
                }
            }
            return SILENT;
        } catch (IOException e) {
            return CLOSED;
        }
    }

    /** The status lines read from one connection, and whether the server closed it. */
    record Answers(java.util.List<Integer> statuses, boolean closed) {}

    /**
     * Sends {@code head} + {@code body}, then {@code next} on the same connection, and collects
     * every status line until the server closes or {@code wait} passes without a byte.
     */
    static Answers keepAlive(int port, String head, byte[] body, String next, Duration wait) {
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout((int) wait.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.write(next.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            StringBuilder seen = new StringBuilder();
            byte[] buf = new byte[8192];
            while (true) {
                int n;
                try {
                    n = s.getInputStream().read(buf);
                } catch (SocketTimeoutException quiet) {
                    return new Answers(parse(seen, statuses), false);
                }
                if (n < 0) {
                    return new Answers(parse(seen, statuses), true);
                }
                seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            return new Answers(statuses, true);
        }
    }

    private static java.util.List<Integer> parse(CharSequence text, java.util.List<Integer> into) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("HTTP/1\\.1 (\\d{3}) ").matcher(text);
        while (m.find()) {
            into.add(Integer.parseInt(m.group(1)));
        }
        return into;
    }

    /** Reads "HTTP/1.1 nnn" from the stream; CLOSED on end of stream. */
    private static int status(InputStream in) throws IOException {
        byte[] line = new byte[12];
        int n = 0;
        while (n < line.length) {
            int r = in.read(line, n, line.length - n);
            if (r < 0) {
                return CLOSED;
            }
            n += r;
        }
        String text = new String(line, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + text);
        }
        return Integer.parseInt(text.substring(9, 12));
    }
}
