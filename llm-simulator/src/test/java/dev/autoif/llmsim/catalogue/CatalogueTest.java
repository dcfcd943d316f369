package dev.autoif.llmsim.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.llmsim.PythonRunner;
import dev.autoif.llmsim.PythonRunner.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    static final List<String> QUERIES = List.of(
            "How do I bake sourdough bread at home?",
            "Explain quantum computing to a curious child.",
            "What are the benefits of regular exercise for older adults?",
            "Hi!",
            "Summarise the history of the Roman aqueducts and their engineering.");
    private static final int DRAWS = 12;

    private final Catalogue catalogue = Catalogue.standard();

    @Test
    void hasAtLeast25FamiliesAcrossTheRequiredCategories() {
        assertThat(catalogue.families()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(catalogue.families().stream().map(Family::id).collect(Collectors.toSet()))
                .hasSize(catalogue.families().size());
        assertThat(catalogue.families().stream().map(Family::category).collect(Collectors.toSet()))
                .containsAll(Set.of("length", "lexical", "keywords", "case", "format", "structure", "punctuation",
                        "start_end", "language"));
    }

    @Test
    void everyPhrasingAndContradictionReadsBackToTheSameConstraint() {
        for (Family f : catalogue.families()) {
            for (int s = 0; s < DRAWS; s++) {
                Constraint c = f.draw(new SplittableRandom(s));
                for (Template t : f.phrasings()) {
                    String text = t.render(c.params());
                    assertThat(catalogue.parseInstruction(text)).as(text).contains(c);
                    assertThat(catalogue.parseInstruction("- " + text.toLowerCase())).as(text)
                            .get().extracting(Constraint::family).isEqualTo(f);
                }
                String contra = f.contradiction().render(c.params());
                assertThat(catalogue.parseInstruction(contra)).as(contra).contains(c.negate());
            }
        }
    }

    @Test
    void everyFunctionReadsBackToItsConstraint() {
        for (Family f : catalogue.families()) {
            for (int s = 0; s < DRAWS; s++) {
                Constraint c = f.draw(new SplittableRandom(s));
                assertThat(catalogue.parseFunction(c.python())).as(c.python()).contains(c);
                assertThat(catalogue.parseFunction(c.negate().python())).contains(c.negate());
            }
        }
    }

    @Test
    void styleInstructionsAreNotRecognised() {
        assertThat(catalogue.parseInstruction("Write the response in the voice of a pirate captain.")).isEmpty();
        assertThat(catalogue.parseInstruction("Answer with at most many words.")).isEmpty();
        assertThat(catalogue.parseFunction("def evaluate(response):\n    return True\n")).isEmpty();
    }

    @Test
    void perturbedConstraintsDifferInParameters() {
        int differing = 0;
        for (Family f : catalogue.families()) {
            Constraint c = f.draw(new SplittableRandom(3));
            Constraint p = c.perturb(new SplittableRandom(4));
            if (p != null) {
                assertThat(p.family()).isEqualTo(f);
                assertThat(p.params()).isNotEqualTo(c.params());
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(15);
    }

    /**
     * The heart of the simulator's honesty: for every family, many parameter draws and several topics, the
     * compliant text passes and the violating text fails both the Java mirror and the real Python function on
     * CPython; negated constraints the other way round.
     */
    @Test
    void compliantAndViolatingTextsAgreeWithJavaAndCPython() throws Exception {
        List<Job> jobs = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int seed = 0;
        for (Family f : catalogue.families()) {
            for (int s = 0; s < DRAWS; s++) {
                Constraint base = f.draw(new SplittableRandom(1000 + s));
                for (Constraint c : List.of(base, base.negate())) {
                    String query = QUERIES.get(s % QUERIES.size());
                    String yes = c.comply(TextKit.about(query, new SplittableRandom(seed++)));
                    String no = c.violate(TextKit.about(query, new SplittableRandom(seed++)));
                    assertThat(c.check(yes)).as("java comply %s %s: %s", f.id(), c.params(), yes).isTrue();
                    assertThat(c.check(no)).as("java violate %s %s: %s", f.id(), c.params(), no).isFalse();
                    jobs.add(Job.run(c.python(), yes));
                    expected.add(true);
                    labels.add(f.id() + " " + c.params() + " negated=" + c.negated() + " comply: " + yes);
                    jobs.add(Job.run(c.python(), no));
                    expected.add(false);
                    labels.add(f.id() + " " + c.params() + " negated=" + c.negated() + " violate: " + no);
                }
            }
        }
        assertThat(jobs).hasSize(catalogue.families().size() * DRAWS * 4);
        assertThat(PythonRunner.disagreements(jobs, expected, labels)).as("python disagreements").isEmpty();
    }
}
