package dev.autoif.instruction.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable instruction ids: the same run and the same instruction (up to case, spacing and trailing punctuation) give
 * the same id, so a resumed run re-publishes under the same keys and message ids.
 */
public final class InstructionIds {

    private InstructionIds() {
    }

    public static String of(String runId, String instruction) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (runId + "\n" + InstructionText.comparisonKey(instruction)).getBytes(StandardCharsets.UTF_8));
            return "ins-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
