package dev.autoif.verifier.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.ScoredFunction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Maps verified instructions to rows and back; the entity never leaves this package's callers as a wire record. */
@ApplicationScoped
public class VerifiedInstructions {

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(InstructionVerified v) {
        VerifiedInstruction row = VerifiedInstruction.findById(v.instructionId());
        if (row == null) {
            row = new VerifiedInstruction();
            row.instructionId = v.instructionId();
        }
        row.runId = v.runId();
        row.text = v.text();
        try {
            row.functionsJson = EnvelopeCodec.mapper().writeValueAsString(v.functions());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store functions of " + v.instructionId(), e);
        }
        row.verifiedAt = Instant.now();
        row.persist();
    }

    /** The kept functions' code, in order, or empty when the instruction is unknown. */
    @Transactional
    public Optional<List<String>> keptFunctions(String instructionId) {
        VerifiedInstruction row = VerifiedInstruction.findById(instructionId);
        if (row == null) {
            return Optional.empty();
        }
        try {
            List<ScoredFunction> functions = EnvelopeCodec.mapper().readValue(row.functionsJson,
                    new TypeReference<List<ScoredFunction>>() { });
            return Optional.of(functions.stream().map(ScoredFunction::code).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored functions of " + instructionId + " are unreadable", e);
        }
    }
}
