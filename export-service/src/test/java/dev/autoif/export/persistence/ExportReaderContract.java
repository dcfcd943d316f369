package dev.autoif.export.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.JudgeStatus;
import dev.autoif.contracts.ResponseJudged;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.export.domain.CasePair;
import dev.autoif.export.domain.JudgedSample;
import dev.autoif.export.domain.VerifiedSample;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reader's keyset pages (500 rows) on a real database: every row of the run once, in export order, with every
 * value a line is built from, whatever order the rows were stored in and whatever other runs hold. Run on
 * PostgreSQL and on H2 by its subclasses.
 */
abstract class ExportReaderContract {

    @Inject
    ExportReader reader;

    @Test
    void judgementsComeBackOnceEachInExportOrderAcrossPages() {
        String run = "reader-" + UUID.randomUUID();
        String other = "reader-" + UUID.randomUUID();
        List<ResponseJudged> judged = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            // few instruction and query ids, so ties on the leading sort columns cross page boundaries
            Double score = i % 13 == 0 ? null : (double) (i % 10);
            judged.add(new ResponseJudged(String.format("r%05d", i), "s-" + i, run, "ins-" + i % 7,
                    i % 11 == 0 ? null : "instruction " + i % 7, "q-" + i % 5, i % 11 == 0 ? null : "query " + i % 5,
                    "prompt " + i, "response " + i + " Ünïcödé", i % 3 / 2.0, score, "analysis",
                    score == null ? JudgeStatus.UNSCORED : JudgeStatus.SCORED, score != null && i % 4 != 0));
        }
        store(judged, run, other);
        List<JudgedSample> expected = judged.stream().map(j -> new JudgedSample(j.instructionId(), j.queryId(),
                j.responseId(), j.instruction(), j.query(), j.prompt(), j.response(), j.passRate(), j.score(),
                j.kept())).toList();

        List<JudgedSample> read = new ArrayList<>();
        reader.judged(run).forEachRemaining(read::add);

        assertThat(read).containsExactlyElementsOf(expected.stream().sorted(Comparator
                .comparing(JudgedSample::instructionId).thenComparing(JudgedSample::queryId)
                .thenComparing(JudgedSample::responseId)).toList());
    }

    @Test
    void verifiedResponsesComeBackOnceEachInExportOrderAcrossPages() {
        String run = "reader-" + UUID.randomUUID();
        List<VerifiedSample> expected = new ArrayList<>();
        List<ResponseVerified> samples = new ArrayList<>();
        for (int n = 0; n < 140; n++) {
            List<VerifiedResponse> responses = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                responses.add(new VerifiedResponse(r, "response " + n + "/" + r, (n + r) % 5 / 4.0, List.of()));
            }
            ResponseVerified v = new ResponseVerified("s-" + n, run, "ins-" + n % 3, "instruction " + n % 3,
                    "q-" + n % 4, "query " + n % 4, "prompt " + n, List.of(), responses, n % 2);
            samples.add(v);
            responses.forEach(r -> expected.add(new VerifiedSample(v.instructionId(), v.queryId(), v.sampleId(),
                    v.attempt(), r.index(), v.instruction(), v.query(), v.prompt(), r.text(), r.passRate())));
        }
        Collections.shuffle(samples, new Random(7));
        QuarkusTransaction.requiringNew().run(() -> samples.forEach(v -> v.responses().reversed()
                .forEach(r -> VerifiedResponseRow.of(v, r).persist())));

        List<VerifiedSample> read = new ArrayList<>();
        reader.verified(run).forEachRemaining(read::add);

        assertThat(read).hasSizeGreaterThan(500).containsExactlyElementsOf(expected.stream().sorted(Comparator
                .comparing(VerifiedSample::instructionId).thenComparing(VerifiedSample::queryId)
                .thenComparing(VerifiedSample::sampleId).thenComparingInt(VerifiedSample::attempt)
                .thenComparingInt(VerifiedSample::index)).toList());
        VerifiedSample one = read.get(600);
        assertThat(reader.promptOf(run, one.sampleId())).containsExactlyElementsOf(read.stream()
                .filter(s -> s.instructionId().equals(one.instructionId()) && s.queryId().equals(one.queryId()))
                .toList());
    }

    @Test
    void casePairsOfAcceptedInstructionsOnlyInExportOrderAcrossPages() {
        String run = "reader-" + UUID.randomUUID();
        List<CasePair> expected = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 29; i >= 0; i--) {
                if (i % 3 != 0) {
                    AcceptedInstructionRow a = new AcceptedInstructionRow();
                    a.runId = run;
                    a.instructionId = "ins-" + i;
                    a.persist();
                }
                for (int p = 0; p < 40; p++) {
                    CasePairRow row = new CasePairRow();
                    row.runId = run;
                    row.instructionId = "ins-" + i;
                    row.pairIndex = p;
                    row.instruction = "instruction " + i;
                    row.chosen = "chosen " + i + "/" + p;
                    row.rejected = "rejected " + i + "/" + p;
                    row.persist();
                    if (i % 3 != 0) {
                        expected.add(new CasePair(row.instructionId, p, row.instruction, row.chosen, row.rejected));
                    }
                }
            }
        });

        List<CasePair> read = new ArrayList<>();
        reader.casePairs(run).forEachRemaining(read::add);

        assertThat(read).hasSize(800).containsExactlyElementsOf(expected.stream().sorted(Comparator
                .comparing(CasePair::instructionId).thenComparingInt(CasePair::pairIndex)).toList());
        // the counts agree with the pages: all case pairs, and those of accepted instructions (a join on its key)
        assertThat(reader.counts(run).instructionCasePairs()).isEqualTo(1200);
        assertThat(reader.counts(run).acceptedInstructionCasePairs()).isEqualTo(800);
    }

    /** The rows in a shuffled order, and the same rows under another run id in between. */
    private static void store(List<ResponseJudged> judged, String run, String other) {
        List<ResponseJudged> shuffled = new ArrayList<>(judged);
        Collections.shuffle(shuffled, new Random(42));
        QuarkusTransaction.requiringNew().run(() -> {
            for (ResponseJudged j : shuffled) {
                JudgedResponseRow.of(j).persist();
                JudgedResponseRow copy = JudgedResponseRow.of(j);
                copy.runId = other;
                copy.persist();
            }
        });
    }
}
