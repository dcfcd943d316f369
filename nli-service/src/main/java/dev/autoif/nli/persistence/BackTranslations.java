package dev.autoif.nli.persistence;

import dev.autoif.contracts.NliJudgement;
import dev.autoif.contracts.NliLabel;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Stores every labelled back-translation and pages them for people to inspect; rows never leave as entities. */
@ApplicationScoped
public class BackTranslations {

    /** One labelled back-translation as the API shows it. */
    public record Stored(String instructionId, String functionId, String backTranslation, NliLabel label,
            double entailment, double neutral, double contradiction, String outcome, String mode) {
    }

    /** What to list: a run's rows, optionally of one instruction and one label. */
    public record Filter(String runId, String instructionId, NliLabel label) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String runId, String instructionId, List<NliJudgement> judgements, String outcome,
            String mode) {
        for (int i = 0; i < judgements.size(); i++) {
            NliJudgement j = judgements.get(i);
            String id = instructionId + "#" + i;
            BackTranslationRow row = BackTranslationRow.findById(id);
            if (row == null) {
                row = new BackTranslationRow();
                row.id = id;
            }
            row.runId = runId;
            row.instructionId = instructionId;
            row.position = i;
            row.functionId = j.functionId();
            row.backTranslation = j.backTranslation();
            row.label = j.label();
            row.entailment = j.entailment();
            row.neutral = j.neutral();
            row.contradiction = j.contradiction();
            row.outcome = outcome;
            row.mode = mode;
            row.persist();
        }
    }

    @Transactional
    public List<Stored> page(Filter f, int offset, int limit) {
        return BackTranslationRow.<BackTranslationRow>find(where(f), Sort.by("instructionId").and("position"),
                parameters(f)).range(offset, offset + limit - 1).list().stream()
                .map(r -> new Stored(r.instructionId, r.functionId, r.backTranslation, r.label, r.entailment,
                        r.neutral, r.contradiction, r.outcome, r.mode)).toList();
    }

    @Transactional
    public long count(Filter f) {
        return BackTranslationRow.count(where(f), parameters(f));
    }

    private static String where(Filter f) {
        return "runId = :run" + (f.instructionId() == null ? "" : " and instructionId = :instruction")
                + (f.label() == null ? "" : " and label = :label");
    }

    private static Parameters parameters(Filter f) {
        Parameters p = Parameters.with("run", f.runId());
        if (f.instructionId() != null) {
            p.and("instruction", f.instructionId());
        }
        if (f.label() != null) {
            p.and("label", f.label());
        }
        return p;
    }
}
