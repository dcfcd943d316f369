package dev.autoif.export.persistence;

import dev.autoif.contracts.LlmSpend;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.RoundRequested;
import dev.autoif.export.config.ExportConfig;
import dev.autoif.export.domain.FunnelReport;
import dev.autoif.export.domain.PairRule;
import dev.autoif.export.domain.RoundSummary;
import dev.autoif.export.domain.VerifiedSample;
import dev.autoif.platform.persistence.RunRoundKey;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Online DPO rounds: their rows, their verified responses and the reads the round endpoints need. */
@ApplicationScoped
public class RoundStore {

    private static final List<String> ORDER = List.of("instructionId", "queryId", "sampleId", "responseIndex");

    private static final LlmSpend NO_SPEND = new LlmSpend(0, 0, 0, 0, 0, 0, 0);

    private final ExportConfig config;

    public RoundStore(ExportConfig config) {
        this.config = config;
    }

    public static boolean exists(String runId, int round) {
        return RoundRow.findByIdOptional(new RunRoundKey(runId, round)).isPresent();
    }

    /** The round's row, with the number of prompts sent; call inside the consumer's transaction. */
    public static void create(RoundRequested r, int prompts) {
        RoundRow row = new RoundRow();
        row.runId = r.runId();
        row.round = r.round();
        row.baseUrl = r.policy().baseUrl();
        row.model = r.policy().model();
        row.k = r.k();
        row.temperature = r.temperature();
        row.promptForm = r.promptForm();
        row.prompts = prompts;
        row.requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        row.persist();
    }

    public static boolean holds(ResponseVerified v) {
        return Existing.any(RoundResponseRow.class, "runId = ?1 and round = ?2 and sampleId = ?3", v.runId(),
                v.round(), v.sampleId());
    }

    /** A prompt of a round came back verified: its responses stored, the round's tallies moved. */
    public static void store(ResponseVerified v) {
        v.responses().forEach(r -> RoundResponseRow.of(v, r).persist());
        LlmSpend s = v.policySpend() == null ? NO_SPEND : v.policySpend();
        Panache.getEntityManager().createQuery("update RoundRow r set r.promptsVerified = r.promptsVerified + 1,"
                + " r.responses = r.responses + :n, r.llmCalls = r.llmCalls + :calls,"
                + " r.promptTokens = r.promptTokens + :prompt, r.completionTokens = r.completionTokens + :completion,"
                + " r.cacheHits = r.cacheHits + :hits, r.costMicroUsd = r.costMicroUsd + :cost,"
                + " r.savedMicroUsd = r.savedMicroUsd + :saved, r.unknownPriceCalls = r.unknownPriceCalls + :unknown"
                + " where r.runId = :run and r.round = :round")
                .setParameter("n", v.responses().size()).setParameter("calls", s.calls())
                .setParameter("prompt", s.promptTokens()).setParameter("completion", s.completionTokens())
                .setParameter("hits", s.cacheHits()).setParameter("cost", s.costMicroUsd())
                .setParameter("saved", s.savedMicroUsd()).setParameter("unknown", s.unknownPriceCalls())
                .setParameter("run", v.runId()).setParameter("round", v.round()).executeUpdate();
    }

    /** The run's rounds in order, each with its count of prompts that have pairs. */
    public List<RoundSummary> rounds(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> RoundRow.<RoundRow>list("runId", Sort.by("round"),
                runId).stream().map(RoundStore::summary).toList());
    }

    public Optional<RoundSummary> round(String runId, int round) {
        return QuarkusTransaction.requiringNew().call(() -> RoundRow.<RoundRow>findByIdOptional(
                new RunRoundKey(runId, round)).map(RoundStore::summary));
    }

    private static RoundSummary summary(RoundRow r) {
        Number withPairs = (Number) Panache.getEntityManager().createQuery("select count(*) from (select"
                + " v.instructionId as i from RoundResponseRow v where v.runId = :run and v.round = :round"
                + " group by v.instructionId, v.queryId"
                + " having max(v.passRate) > :chosenAbove and min(v.passRate) <= :rejectedAtMost)")
                .setParameter("run", r.runId).setParameter("round", r.round)
                .setParameter("chosenAbove", PairRule.CHOSEN_ABOVE)
                .setParameter("rejectedAtMost", PairRule.REJECTED_AT_MOST).getSingleResult();
        return new RoundSummary(r.round, RoundSummary.status(r.prompts, r.promptsVerified), r.baseUrl, r.model, r.k,
                r.temperature, r.promptForm, r.prompts, r.promptsVerified, r.responses, withPairs.longValue(),
                r.requestedAt, FunnelReport.Usage.of(r.llmCalls, r.promptTokens, r.completionTokens,
                        r.costMicroUsd, r.savedMicroUsd, r.unknownPriceCalls));
    }

    /** The round's verified responses in pair order (instruction, query, sample, index), page by page. */
    public Iterator<VerifiedSample> responses(String runId, int round) {
        return new Pages<>(after -> QuarkusTransaction.requiringNew().call(() -> RoundResponseRow
                .<RoundResponseRow>find("runId = :run and round = :round"
                        + (after == null ? "" : " and " + Keyset.after(ORDER)),
                        // run and round first, as the index: H2 then reads a page off it instead of sorting
                        Sort.by("runId").and("round").and("instructionId").and("queryId").and("sampleId")
                                .and("responseIndex"),
                        params(runId, round, after))
                .range(0, config.pageSize() - 1).list().stream()
                .map(r -> r.sample(0))
                .toList()), config.pageSize());
    }

    private static Map<String, Object> params(String runId, int round, VerifiedSample after) {
        Map<String, Object> p = new HashMap<>();
        p.put("run", runId);
        p.put("round", round);
        if (after != null) {
            p.put("k0", after.instructionId());
            p.put("k1", after.queryId());
            p.put("k2", after.sampleId());
            p.put("k3", after.index());
        }
        return p;
    }
}
