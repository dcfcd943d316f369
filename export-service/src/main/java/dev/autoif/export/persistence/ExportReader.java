package dev.autoif.export.persistence;

import dev.autoif.export.config.ExportConfig;
import dev.autoif.export.domain.CasePair;
import dev.autoif.export.domain.ExportCounts;
import dev.autoif.export.domain.JudgedSample;
import dev.autoif.export.domain.PairRule;
import dev.autoif.export.domain.VerifiedSample;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a run's rows in export order, one keyset page per short transaction: memory holds one page whatever the run's
 * size, no connection stays open while a slow client downloads, and no entity outlives its page.
 */
@ApplicationScoped
public class ExportReader {

    private static final List<String> JUDGED_ORDER = List.of("instructionId", "queryId", "responseId");
    private static final List<String> VERIFIED_ORDER = List.of("instructionId", "queryId", "sampleId", "attempt",
            "responseIndex");
    private static final List<String> CASE_ORDER = List.of("instructionId", "pairIndex");

    private static final String ACCEPTED = " and instructionId in (select a.instructionId from"
            + " AcceptedInstructionRow a where a.runId = :run)";

    private final ExportConfig config;
    private final EntityManager em;

    public ExportReader(ExportConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    public Iterator<JudgedSample> judged(String runId) {
        return new Pages<>(after -> QuarkusTransaction.requiringNew().call(() -> JudgedResponseRow
                .<JudgedResponseRow>find(where(JUDGED_ORDER, after != null), sort(JUDGED_ORDER),
                        params(runId, after == null ? null
                                : new Object[] {after.instructionId(), after.queryId(), after.responseId()}))
                .range(0, config.pageSize() - 1).list().stream()
                .map(r -> new JudgedSample(r.instructionId, r.queryId, r.responseId, r.instruction, r.query,
                        r.prompt, r.response,
                        r.passRate, r.score, r.kept))
                .toList()), config.pageSize());
    }

    public Iterator<VerifiedSample> verified(String runId) {
        return new Pages<>(after -> QuarkusTransaction.requiringNew().call(() -> VerifiedResponseRow
                .<VerifiedResponseRow>find(where(VERIFIED_ORDER, after != null), sort(VERIFIED_ORDER),
                        params(runId, after == null ? null
                                : new Object[] {after.instructionId(), after.queryId(), after.sampleId(),
                                        after.attempt(), after.index()}))
                .range(0, config.pageSize() - 1).list().stream()
                .map(VerifiedResponseRow::sample)
                .toList()), config.pageSize());
    }

    /**
     * Every verified response of the prompt (instruction and query) that sample {@code sampleId} belongs to, in
     * sampling order: the group query-level pairs are built from. Empty when the sample is unknown.
     */
    @Transactional
    public List<VerifiedSample> promptOf(String runId, String sampleId) {
        List<VerifiedResponseRow> one = VerifiedResponseRow.<VerifiedResponseRow>find(
                "runId = ?1 and sampleId = ?2", runId, sampleId).range(0, 0).list();
        if (one.isEmpty()) {
            return List.of();
        }
        return VerifiedResponseRow.<VerifiedResponseRow>find("runId = ?1 and instructionId = ?2 and queryId = ?3",
                        sort(VERIFIED_ORDER), runId, one.getFirst().instructionId, one.getFirst().queryId)
                .list().stream()
                .map(r -> new VerifiedSample(r.instructionId, r.queryId, r.sampleId, r.attempt, r.responseIndex,
                        r.instruction, r.query, r.prompt, r.response, r.passRate))
                .toList();
    }

    /** Case pairs of instructions that survived NLI (an {@link AcceptedInstructionRow} exists), in export order. */
    public Iterator<CasePair> casePairs(String runId) {
        return new Pages<>(after -> QuarkusTransaction.requiringNew().call(() -> CasePairRow
                .<CasePairRow>find(where(CASE_ORDER, after != null) + ACCEPTED, sort(CASE_ORDER),
                        params(runId, after == null ? null : new Object[] {after.instructionId(), after.pairIndex()}))
                .range(0, config.pageSize() - 1).list().stream()
                .map(r -> new CasePair(r.instructionId, r.pairIndex, r.instruction, r.chosen, r.rejected))
                .toList()), config.pageSize());
    }

    /** True when a row of the run reached this service (progress: {@code ProgressLedger#holds}). */
    @Transactional
    public boolean holdsAnything(String runId) {
        return JudgedResponseRow.count("runId", runId) > 0 || VerifiedResponseRow.count("runId", runId) > 0
                || CasePairRow.count("runId", runId) > 0
                || AcceptedInstructionRow.count("runId", runId) > 0;
    }

    @Transactional
    public ExportCounts counts(String runId) {
        Number prompts = (Number) em.createQuery("select count(*) from (select v.instructionId as i from"
                + " VerifiedResponseRow v where v.runId = :run group by v.instructionId, v.queryId"
                + " having max(v.passRate) > :chosenAbove and min(v.passRate) <= :rejectedAtMost)")
                .setParameter("run", runId).setParameter("chosenAbove", PairRule.CHOSEN_ABOVE)
                .setParameter("rejectedAtMost", PairRule.REJECTED_AT_MOST).getSingleResult();
        return new ExportCounts(JudgedResponseRow.count("runId", runId),
                JudgedResponseRow.count("runId = ?1 and kept = true", runId),
                VerifiedResponseRow.count("runId", runId), prompts.longValue(), CasePairRow.count("runId", runId),
                CasePairRow.count("runId = ?1 and instructionId in (select a.instructionId from"
                        + " AcceptedInstructionRow a where a.runId = ?1)", runId));
    }

    private static String where(List<String> order, boolean after) {
        return "runId = :run" + (after ? " and " + Keyset.after(order) : "");
    }

    private static Sort sort(List<String> order) {
        Sort s = Sort.by(order.getFirst());
        order.stream().skip(1).forEach(s::and);
        return s;
    }

    private static Map<String, Object> params(String runId, Object[] cursor) {
        Map<String, Object> p = new HashMap<>();
        p.put("run", runId);
        if (cursor != null) {
            for (int i = 0; i < cursor.length; i++) {
                p.put("k" + i, cursor[i]);
            }
        }
        return p;
    }
}
