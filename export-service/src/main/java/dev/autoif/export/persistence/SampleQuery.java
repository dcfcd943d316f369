package dev.autoif.export.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of a run's sampled responses (every verified response, passing or not) joined with its judgement when it
 * has one, for the dashboard. Filters and paging run in the database, so a page costs the same on a run of 100,000
 * samples; the order is the export order.
 */
@ApplicationScoped
public class SampleQuery {

    /** Which samples a page holds. */
    public enum Outcome { ALL, KEPT, DROPPED }

    /** The filter of a page; null fields do not filter. */
    public record Filter(Outcome outcome, String text, String instructionId) {
    }

    /** One verified response and, when it was judged, the judgement. */
    public record Row(String sampleId, int attempt, int responseIndex, String instructionId, String queryId,
            String instruction, String query, String prompt, String response, double passRate, String responseId, Double score, String analysis,
            String status, Boolean kept) {
    }

    private static final String FROM = " from VerifiedResponseRow v left join JudgedResponseRow j"
            + " on j.runId = v.runId and j.responseId = concat(v.sampleId, '|r', cast(v.responseIndex as String))";

    private final EntityManager em;

    public SampleQuery(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<Row> page(String runId, Filter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Row> q = em.createQuery("select new " + Row.class.getName() + "(v.sampleId, v.attempt,"
                + " v.responseIndex, v.instructionId, v.queryId, v.instruction, v.query, v.prompt, v.response,"
                + " v.passRate, j.responseId, j.score, j.analysis, j.status, j.kept)" + FROM + where(runId, filter, params)
                // the run id first, as the table's index, so H2 walks the index instead of sorting the run's rows
                + " order by v.runId, v.instructionId, v.queryId, v.sampleId, v.attempt, v.responseIndex", Row.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Transactional
    public long count(String runId, Filter filter) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> q = em.createQuery("select count(v)" + FROM + where(runId, filter, params), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    private static String where(String runId, Filter f, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" where v.runId = :run");
        params.put("run", runId);
        if (f.outcome() == Outcome.KEPT) {
            w.append(" and j.kept = true");
        } else if (f.outcome() == Outcome.DROPPED) {
            w.append(" and (j.id is null or j.kept = false)");
        }
        if (f.instructionId() != null) {
            w.append(" and v.instructionId = :instruction");
            params.put("instruction", f.instructionId());
        }
        if (f.text() != null) {
            w.append(" and (lower(v.prompt) like :text escape '\\' or lower(v.response) like :text escape '\\')");
            params.put("text", "%" + f.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return w.toString();
    }
}
