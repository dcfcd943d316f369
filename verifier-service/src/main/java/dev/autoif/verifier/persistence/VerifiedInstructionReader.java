package dev.autoif.verifier.persistence;

import dev.autoif.contracts.ScoredFunction;
import dev.autoif.verifier.domain.CrossValidationReport;
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

    /**
     * Cross-validation's report on one instruction, kept or dropped.
     *
     * @param outcome {@code kept} or the instruction's drop reason
     */
    public record Report(String instructionId, String runId, String outcome, Instant checkedAt,
            List<CrossValidationReport.FunctionReport> functions, List<CrossValidationReport.CaseReport> cases) {
    }

    @Transactional
    public Optional<Report> report(String instructionId) {
        CrossValidationResult row = CrossValidationResult.findById(instructionId);
        return row == null ? Optional.empty() : Optional.of(new Report(row.instructionId, row.runId, row.outcome,
                row.checkedAt, row.report.functions(), row.report.cases()));
    }

    @Transactional
    public Optional<Stored> find(String instructionId) {
        VerifiedInstruction row = VerifiedInstruction.findById(instructionId);
        return row == null ? Optional.empty()
                : Optional.of(new Stored(row.instructionId, row.runId, row.text, row.verifiedAt, row.functions));
    }
}
