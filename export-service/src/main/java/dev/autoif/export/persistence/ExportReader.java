package dev.autoif.export.persistence;

import dev.autoif.export.config.ExportConfig;
import dev.autoif.export.domain.CasePair;
import dev.autoif.export.domain.ExportCounts;
import dev.autoif.export.domain.JudgedSample;
import dev.autoif.export.domain.PairRule;
import dev.autoif.export.domain.VerifiedSample;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
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

    /** The constructor arguments of each record, as columns. */
    private static final String JUDGED = "instructionId, queryId, responseId, instruction, query, prompt, response,"
            + " passRate, score, kept";
    private static final String VERIFIED = "instructionId, queryId, sampleId, attempt, responseIndex, instruction,"
            + " query, prompt, response, passRate";
    private static final String CASE = "instructionId, pairIndex, instruction, chosen, rejected";

    /**
     * A case pair's instruction survived NLI. A correlated {@code exists} on the accepted table's key, not
     * {@code instructionId in (select ...)}: H2 reuses an {@code in} subquery's result only while no other transaction
     * changes the table, and a busy run adds accepted instructions all the time, so it ran the subquery again for every
     * row (a count of 62k case pairs ran for minutes in a paper-size run; a 60k-row test with a writer: over 5
     * minutes, against under 1 s for the join and 1.5-3.4 s for the exists).
     */
    private static final String ACCEPTED = " and exists (select 1 from AcceptedInstructionRow a where a.runId = e.runId"
            + " and a.instructionId = e.instructionId)";

    private final ExportConfig config;
    private final EntityManager em;

    public ExportReader(ExportConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    public Iterator<JudgedSample> judged(String runId) {
        return new Pages<>(after -> page(JudgedSample.class, JUDGED, "JudgedResponseRow", JUDGED_ORDER, "", runId,
                after == null ? null : new Object[] {after.instructionId(), after.queryId(), after.responseId()}),
                config.pageSize());
    }

    public Iterator<VerifiedSample> verified(String runId) {
        return new Pages<>(after -> page(VerifiedSample.class, VERIFIED, "VerifiedResponseRow", VERIFIED_ORDER, "",
                runId, after == null ? null : new Object[] {after.instructionId(), after.queryId(), after.sampleId(),
                        after.attempt(), after.index()}),
                config.pageSize());
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
        return em.createQuery("select new " + VerifiedSample.class.getName() + "(" + VERIFIED + ") from"
                        + " VerifiedResponseRow where runId = :run and instructionId = :instruction and queryId = :query"
                        + " order by runId, " + String.join(", ", VERIFIED_ORDER), VerifiedSample.class)
                .setParameter("run", runId).setParameter("instruction", one.getFirst().instructionId)
                .setParameter("query", one.getFirst().queryId).getResultList();
    }

    /** Case pairs of instructions that survived NLI (an {@link AcceptedInstructionRow} exists), in export order. */
    public Iterator<CasePair> casePairs(String runId) {
        return new Pages<>(after -> page(CasePair.class, CASE, "CasePairRow", CASE_ORDER, ACCEPTED, runId,
                after == null ? null : new Object[] {after.instructionId(), after.pairIndex()}), config.pageSize());
    }

    /**
     * One keyset page in its own short transaction, as records built by the query (no managed entities: nothing to
     * track or check for changes at commit), the columns a line needs only, ordered as the table's index with the run
     * id in front: the same order within a run, and H2 then reads the page off the index and stops after it. Ordered
     * without the run id, H2 sorted every row of the run after the cursor on every page, which made a paper-size
     * export quadratic (PostgreSQL sees through it).
     */
    private <T> List<T> page(Class<T> type, String columns, String entity, List<String> order, String condition,
            String runId, Object[] cursor) {
        String hql = "select new " + type.getName() + "(" + columns + ") from " + entity + " e where "
                + where(order, cursor != null) + condition + " order by runId, " + String.join(", ", order);
        return QuarkusTransaction.requiringNew().call(() -> {
            TypedQuery<T> q = em.createQuery(hql, type);
            params(runId, cursor).forEach(q::setParameter);
            return q.setMaxResults(config.pageSize()).getResultList();
        });
    }

    /** True when a row of the run reached this service (progress: {@code ProgressLedger#holds}). */
    @Transactional
    public boolean holdsAnything(String runId) {
        return JudgedResponseRow.count("runId", runId) > 0 || VerifiedResponseRow.count("runId", runId) > 0
                || CasePairRow.count("runId", runId) > 0
                || AcceptedInstructionRow.count("runId", runId) > 0;
    }

    /**
     * What the service holds for a run. A paper-size run's counts walk ~800k case pairs and ~120k responses: the kept
     * judgements and the prompts with a chosen and a rejected response are counted off indexes (V2026.12.02.50; on
     * the finished paper-size run's database, warm: 950 ms -> 29 ms and 1,093 ms -> 226 ms, all six counts 4.8 s ->
     * 1.9 s), and on a loaded machine the read may take longer than the default transaction timeout, where it ended
     * as a 500 (15 times in that run while its stages were busiest). The case pairs of accepted instructions are
     * counted by a join on the accepted table's key (see {@link #ACCEPTED} for why not {@code in (select ...)}).
     */
    @Transactional
    @TransactionConfiguration(timeout = COUNT_TIMEOUT_S)
    public ExportCounts counts(String runId) {
        Number prompts = (Number) em.createQuery("select count(*) from (select v.instructionId as i from"
                + " VerifiedResponseRow v where v.runId = :run group by v.instructionId, v.queryId"
                + " having max(v.passRate) > :chosenAbove and min(v.passRate) <= :rejectedAtMost)")
                .setParameter("run", runId).setParameter("chosenAbove", PairRule.CHOSEN_ABOVE)
                .setParameter("rejectedAtMost", PairRule.REJECTED_AT_MOST).getSingleResult();
        return new ExportCounts(JudgedResponseRow.count("runId", runId),
                JudgedResponseRow.count("runId = ?1 and kept = true", runId),
                VerifiedResponseRow.count("runId", runId), prompts.longValue(), CasePairRow.count("runId", runId),
                ((Number) em.createQuery("select count(*) from AcceptedInstructionRow a join CasePairRow c"
                        + " on c.runId = a.runId and c.instructionId = a.instructionId where a.runId = :run")
                        .setParameter("run", runId).getSingleResult()).longValue());
    }

    static final int COUNT_TIMEOUT_S = 600;

    private static String where(List<String> order, boolean after) {
        return "runId = :run" + (after ? " and " + Keyset.after(order) : "");
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
