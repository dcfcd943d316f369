package dev.autoif.verifier.persistence;

import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.ScoredFunction;
import dev.autoif.verifier.domain.CrossValidationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        row.functions = List.copyOf(v.functions());
        row.verifiedAt = Instant.now();
        row.persist();
    }

    /** Cross-validation's report on one instruction, kept ({@code outcome = kept}) or dropped (its reason). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saveReport(String instructionId, String runId, String outcome, CrossValidationReport report) {
        CrossValidationResult row = CrossValidationResult.findById(instructionId);
        if (row == null) {
            row = new CrossValidationResult();
            row.instructionId = instructionId;
        }
        row.runId = runId;
        row.outcome = outcome;
        row.report = report;
        row.checkedAt = Instant.now();
        row.persist();
    }

    /** The kept functions' code, in order, or empty when the instruction is unknown. */
    @Transactional
    public Optional<List<String>> keptFunctions(String instructionId) {
        VerifiedInstruction row = VerifiedInstruction.findById(instructionId);
        return row == null ? Optional.empty() : Optional.of(code(row));
    }

    /** The kept functions' code of each known instruction among {@code instructionIds}; unknown ones are absent. */
    @Transactional
    public Map<String, List<String>> keptFunctions(Collection<String> instructionIds) {
        Map<String, List<String>> found = new HashMap<>();
        if (instructionIds.isEmpty()) {
            return found;
        }
        List<VerifiedInstruction> rows = VerifiedInstruction.list("instructionId in ?1", Set.copyOf(instructionIds));
        for (VerifiedInstruction row : rows) {
            found.put(row.instructionId, code(row));
        }
        return found;
    }

    private static List<String> code(VerifiedInstruction row) {
        return row.functions.stream().map(ScoredFunction::code).toList();
    }

    /** The kept functions with their ids (an online DPO round's samples travel without them); empty when unknown. */
    @Transactional
    public List<dev.autoif.contracts.FunctionRef> keptFunctionRefs(String instructionId) {
        VerifiedInstruction row = VerifiedInstruction.findById(instructionId);
        return row == null ? List.of() : row.functions.stream()
                .map(f -> new dev.autoif.contracts.FunctionRef(f.functionId(), f.code())).toList();
    }
}
