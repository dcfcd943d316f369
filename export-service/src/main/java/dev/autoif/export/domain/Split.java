package dev.autoif.export.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A seeded train/validation split by prompt (instruction id x query id): every response and pair of one prompt lands
 * in the same split, and the assignment depends only on the seed and the ids, so it is the same in every format, on
 * every request, while rows are streamed (nothing is shuffled in memory).
 *
 * @param validationFraction share of prompts in validation, 0 (no validation split) to below 1
 * @param seed changes which prompts are held out
 * @param part which side this export holds
 */
public record Split(double validationFraction, long seed, Part part) {

    public enum Part implements ExportParam {
        TRAIN,
        VALIDATION
    }

    public static final long DEFAULT_SEED = 42;

    public Split {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1)");
        }
    }

    /** Everything in train. */
    public static Split none() {
        return new Split(0, DEFAULT_SEED, Part.TRAIN);
    }

    public boolean holds(String instructionId, String queryId) {
        return isValidation(instructionId, queryId) == (part == Part.VALIDATION);
    }

    boolean isValidation(String instructionId, String queryId) {
        if (validationFraction == 0) {
            return false;
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        byte[] d = sha.digest((seed + "\u0000" + instructionId + "\u0000" + (queryId == null ? "" : queryId))
                .getBytes(StandardCharsets.UTF_8));
        // the top 53 bits as a uniform fraction in [0, 1)
        double u = (ByteBuffer.wrap(d).getLong() >>> 11) * 0x1.0p-53;
        return u < validationFraction;
    }
}
