package dev.autoif.export.persistence;

import static org.assertj.core.api.Assertions.assertThat;

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
        List<JudgedSample> expected = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            // few instruction and query ids, so ties on the leading sort columns cross page boundaries
            expected.add(new JudgedSample("ins-" + i % 7, "q-" + i % 5, String.format("r%05d", i),
                    i % 11 == 0 ? null : "instruction " + i % 7, i % 11 == 0 ? null : "query " + i % 5,
                    "prompt " + i, "response " + i + " Ünïcödé", i % 3 / 2.0, i % 13 == 0 ? null : (double) (i % 10),
                    i % 4 != 0));
        }
        store(expected, run, other);

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
        for (int i = 0; i < 1_100; i++) {
            int sample = i / 8;
            expected.add(new VerifiedSample("ins-" + sample % 3, "q-" + sample % 4, "s-" + sample, sample % 2, i % 8,
                    "instruction " + sample % 3, "query " + sample % 4, "prompt " + sample, "response " + i,
                    i % 5 / 4.0));
        }
        List<VerifiedSample> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        QuarkusTransaction.requiringNew().run(() -> shuffled.forEach(s -> {
            VerifiedResponseRow row = new VerifiedResponseRow();
            row.runId = run;
            row.instructionId = s.instructionId();
            row.queryId = s.queryId();
            row.sampleId = s.sampleId();
            row.attempt = s.attempt();
            row.responseIndex = s.index();
            row.instruction = s.instruction();
            row.query = s.query();
            row.prompt = s.prompt();
            row.response = s.response();
            row.passRate = s.passRate();
            row.persist();
        }));

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
    }

    /** The rows in a shuffled order, and the same rows under another run id in between. */
    private static void store(List<JudgedSample> samples, String run, String other) {
        List<JudgedSample> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, new Random(42));
        QuarkusTransaction.requiringNew().run(() -> {
            for (JudgedSample s : shuffled) {
                for (String r : List.of(run, other)) {
                    JudgedResponseRow row = new JudgedResponseRow();
                    row.runId = r;
                    row.responseId = s.responseId();
                    row.instructionId = s.instructionId();
                    row.queryId = s.queryId();
                    row.instruction = s.instruction();
                    row.query = s.query();
                    row.prompt = s.prompt();
                    row.response = s.response();
                    row.passRate = s.passRate();
                    row.score = s.score();
                    row.analysis = "analysis";
                    row.status = s.score() == null ? "UNSCORED" : "SCORED";
                    row.kept = s.kept();
                    row.persist();
                }
            }
        });
    }
}
