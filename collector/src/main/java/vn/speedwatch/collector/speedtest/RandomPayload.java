package vn.speedwatch.collector.speedtest;

import io.vertx.core.buffer.Buffer;
import java.util.SplittableRandom;

/**
 * The bytes the download test streams: one block of random bytes made at start-up and sent again
 * and again. Random so that no proxy or compressing link can shrink them and flatter the result;
 * generated once because making fresh randomness per request would cost more CPU than sending.
 */
final class RandomPayload {

    static final int BLOCK_BYTES = 256 * 1024;

    private final Buffer block;

    RandomPayload() {
        byte[] bytes = new byte[BLOCK_BYTES];
        new SplittableRandom().nextBytes(bytes);
        this.block = Buffer.buffer(bytes);
    }

    /** The first {@code n} bytes of the block ({@code n <= BLOCK_BYTES}). */
    Buffer take(int n) {
        return n == BLOCK_BYTES ? block.copy() : block.getBuffer(0, n);
    }
}
