package dev.autoif.query.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives independent, reproducible seeds from a run's seed and the identity of what is being sampled. A hash (not
 * {@code seed + i}) keeps neighbouring instructions from getting overlapping random streams.
 */
public final class Seeds {

    private Seeds() {
    }

    public static long derive(long base, String... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(ByteBuffer.allocate(Long.BYTES).putLong(base).array());
            for (String p : parts) {
                d.update((byte) 0); // separator: ("ab","c") and ("a","bc") differ
                d.update(p.getBytes(StandardCharsets.UTF_8));
            }
            return ByteBuffer.wrap(d.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Which queries an instruction gets. Derived from the instruction's text, not its id: ids include the run id, and
     * the same spec with the same seed must draw the same queries again (a resubmitted run reproduces its dataset,
     * and its LLM requests hit the cache).
     */
    public static long queryPick(long runSeed, String instructionText) {
        return derive(runSeed, "queries", instructionText);
    }

    /** The LLM seed for the responses of one instruction x query at one attempt; from texts, like {@link #queryPick}. */
    public static int responses(long runSeed, String instructionText, String queryText, int attempt) {
        return llmSeed(derive(runSeed, "responses", instructionText, queryText, Integer.toString(attempt)));
    }

    /**
     * A non-negative int seed for an LLM request; the client adds the sample index when it sends samples
     * separately, so a margin is left below Integer.MAX_VALUE.
     */
    public static int llmSeed(long seed) {
        return (int) Math.floorMod(seed, (long) Integer.MAX_VALUE - 1024);
    }

    /**
     * The LLM seed of one prompt in online DPO round {@code round}: from the round's seed, the round and the texts, so
     * a round never asks what an earlier round asked (the LLM cache keys on the seed) and a repeated round does.
     */
    public static int round(long roundSeed, int round, String instructionText, String queryText) {
        return llmSeed(derive(roundSeed, "round", Integer.toString(round), instructionText, queryText));
    }
}
