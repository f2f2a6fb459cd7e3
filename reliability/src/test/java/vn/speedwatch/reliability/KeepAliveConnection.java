package vn.speedwatch.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection on a plain socket, used one request at a time the way a
 * keep-alive client pool uses it, but with nothing hidden: every byte of the answer is read here,
 * so a request without an answer is the server's doing, not a client library's. The connection is
 * reopened after the server closes it (after {@code Connection: close} or an end of stream).
 */
final class KeepAliveConnection implements AutoCloseable {

    /** The server closed the connection before the status line. */
    static final int CLOSED = RawHttp.CLOSED;

    /** No answer within the read timeout, with the connection still open. */
    static final int SILENT = RawHttp.SILENT;

    private final int port;
    private final Duration readTimeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int requestsOnThisSocket;
    private int socketsOpened;

    KeepAliveConnection(int port, Duration readTimeout) {
        this.port = port;
        this.readTimeout = readTimeout;
    }

    /** How many sockets this connection has opened: 1 if the server never closed one. */
    int socketsOpened() {
        return socketsOpened;
    }

    /** How many requests the current socket has carried before this one. */
    int requestsOnThisSocket() {
        return requestsOnThisSocket;
    }

    /**
     * Sends one request and reads its whole answer; the status, {@link #CLOSED} or {@link #SILENT}.
     * The socket is kept for the next request unless the answer said {@code Connection: close} or
     * anything went wrong.
     */
    int exchange(String method, String uri, String contentType, String apiKey, byte[] body) {
        try {
            open();
            StringBuilder head =
                    new StringBuilder(method)
                            .append(' ')
                            .append(uri)
                            .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ")
                            .append(body.length)
                            .append("\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (apiKey != null) {
                head.append("X-Api-Key: ").append(apiKey).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            requestsOnThisSocket++;
            return readAnswer();
        } catch (SocketTimeoutException e) {
            close();
            return SILENT;
        } catch (IOException e) {
            close();
            return CLOSED;
        }
    }

    private void open() throws IOException {
        if (socket == null) {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            requestsOnThisSocket = 0;
            socketsOpened++;
        }
    }

    private int readAnswer() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            close();
            return CLOSED;
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        if (chunked) {
            skipChunks();
        } else if (length >= 0) {
            in.skipNBytes(length);
        } else {
            closeAfter = true; // the body runs to the end of the connection
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
                size > 0;
                size = Long.parseLong(line().split(";")[0].trim(), 16)) {
            in.skipNBytes(size);
            line();
        }
        for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
            // trailers are not used
        }
    }

    /** A CRLF-terminated line without its end, or null at the end of the stream. */
    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket
            }
            socket = null;
        }
    }
}
