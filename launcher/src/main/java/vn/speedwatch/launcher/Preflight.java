package vn.speedwatch.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks done before anything starts, so that the two mistakes people make most (a port already
 * taken, a data directory they cannot write) give one clear line instead of a half-started system.
 */
final class Preflight {

    private Preflight() {}

    /** Creates the directory if needed and proves it is writable. */
    static void requireWritableDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new LauncherException(
                    "Không ghi được vào thư mục dữ liệu " + dir + " (" + e.getMessage() + ")",
                    "data directory " + dir + " is not writable");
        }
    }

    /** Fails when something already listens on the port (0 means any free port: always fine). */
    static void requireFreePort(String host, int port, String what) {
        if (port == 0) {
            return;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new LauncherException(
                    "Cổng " + port + " (" + what + ") đang được chương trình khác dùng; chọn cổng"
                            + " khác, ví dụ --port " + (port + 1),
                    "port " + port + " (" + what + ") is already in use");
        }
    }
}
