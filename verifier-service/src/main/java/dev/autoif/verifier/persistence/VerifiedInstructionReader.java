package dev.autoif.verifier.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.ScoredFunction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads one cross-validated instruction with its kept functions and their accuracy, for people to inspect. */
@ApplicationScoped
public class VerifiedInstructionReader {

    /** A verified instruction as stored: text and kept functions in cross-validation order. */
    public record Stored(String instructionId, String runId, String text, Instant verifiedAt,
            List<ScoredFunction> functions) {
    }

    @Transactional
    public Optional<Stored> find(String instructionId) {
        VerifiedInstruction row = VerifiedInstruction.findById(instructionId);
        if (row == null) {
            return Optional.empty();
        }
        try {
            List<ScoredFunction> functions = EnvelopeCodec.mapper().readValue(row.functionsJson,
                    new TypeReference<List<ScoredFunction>>() { });
            return Optional.of(new Stored(row.instructionId, row.runId, row.text, row.verifiedAt, functions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored functions of " + instructionId + " are unreadable", e);
        }
    }
}
