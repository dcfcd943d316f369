package dev.autoif.llmsim.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Stable 64-bit fingerprints and seed mixing: every random choice the simulator makes derives from these. */
public final class RequestKey {

    public static final long CONTENT = 0x1L;
    public static final long FAULT = 0x2L;
    public static final long HTTP = 0x3L;
    public static final long LATENCY = 0x4L;

    private RequestKey() {
    }

    public static long fingerprint(String canonical) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** SplitMix64 over the parts: order matters, every bit of every part reaches the result. */
    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = splitmix(h ^ p);
        }
        return h;
    }

    private static long splitmix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
