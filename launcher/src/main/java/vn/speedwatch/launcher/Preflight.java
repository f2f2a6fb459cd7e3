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

    /**
     * Kafka's log, Flink's checkpoints and the embedded database all grow in the data directory;
     * below this much free space one of them fails mid-run, so refuse to start instead.
     */
    static final long MIN_FREE_BYTES = 128L << 20;

    /** Creates the directory if needed and proves it is writable and has room to grow. */
    static void requireWritableDir(Path dir) {
        requireWritableDir(dir, MIN_FREE_BYTES);
    }

    static void requireWritableDir(Path dir, long minFreeBytes) {
        long free;
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | SecurityException e) {
            throw new LauncherException(
                    "Không ghi được vào thư mục dữ liệu " + dir + " (" + e.getMessage() + ")",
                    "data directory " + dir + " is not writable");
        }
        if (free < minFreeBytes) {
            throw new LauncherException(
                    "Ổ đĩa của thư mục dữ liệu "
                            + dir
                            + " gần đầy: còn "
                            + mebibytes(free)
                            + ", cần ít nhất "
                            + mebibytes(minFreeBytes),
                    "the disk of data directory "
                            + dir
                            + " is almost full: "
                            + mebibytes(free)
                            + " free, at least "
                            + mebibytes(minFreeBytes)
                            + " needed");
        }
    }

    private static String mebibytes(long bytes) {
        return (bytes >> 20) + " MiB";
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
                    "Cổng "
                            + port
                            + " ("
                            + what
                            + ") đang được chương trình khác dùng; chọn cổng"
                            + " khác, ví dụ --port "
                            + (port + 1),
                    "port " + port + " (" + what + ") is already in use");
        }
    }
}
