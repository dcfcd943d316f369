package dev.autoif.llmsim.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.llmsim.PythonRunner;
import dev.autoif.llmsim.PythonRunner.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The diversity mode's draws: different constraints, each with a function that agrees with its checker on CPython. */
class DiversityTest {

    private static final List<String> QUERIES = CatalogueTest.QUERIES;

    private final Catalogue catalogue = Catalogue.standard();

    @Test
    void theDefaultDrawIsTheStandardOneUnchanged() {
        List<Family> standard = Families.all();
        assertThat(catalogue.standardFamilies()).extracting(Family::id)
                .containsExactlyElementsOf(standard.stream().map(Family::id).toList());
        for (int s = 0; s < 500; s++) {
            SplittableRandom before = new SplittableRandom(s);
            Constraint expected = standard.get(before.nextInt(standard.size())).draw(before);
            SplittableRandom now = new SplittableRandom(s);
            Constraint drawn = catalogue.draw(now);
            assertThat(drawn.family().id()).isEqualTo(expected.family().id());
            assertThat(drawn.params()).isEqualTo(expected.params());
            assertThat(now.nextLong()).as("same number of draws").isEqualTo(before.nextLong());
        }
    }

    @Test
    void theDefaultSeedsAreReadAsStandardConstraints() throws Exception {
        List<String> seeds = Files.readAllLines(Path.of("../instruction-service/src/main/resources/seeds/default-seeds.txt"))
                .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(40);
        for (String seed : seeds) {
            assertThat(catalogue.parseInstruction(seed)).as(seed).get()
                    .satisfies(c -> assertThat(catalogue.standardFamilies()).contains(c.family()));
        }
    }

    @Test
    void diverseDrawsAreAlmostAllDifferentConstraintsFromManyFamilies() {
        SplittableRandom rng = new SplittableRandom(7);
        Set<String> distinct = new HashSet<>();
        Map<String, Integer> byFamily = new HashMap<>();
        int draws = 16_000;
        for (int i = 0; i < draws; i++) {
            Constraint c = catalogue.drawDiverse(rng);
            distinct.add(c.family().id() + c.params());
            byFamily.merge(c.family().id(), 1, Integer::sum);
        }
        assertThat(distinct.size()).as("distinct constraints of %d", draws).isGreaterThan(draws * 97 / 100);
        assertThat(byFamily.size()).isGreaterThan(50);
        assertThat(byFamily.values()).allMatch(n -> n < draws * 15 / 100);
        assertThat(byFamily.keySet().stream().filter(id -> id.contains("+")).count()).isEqualTo(31);
    }

    @Test
    void theWordsACombinationForbidsAppearNowhereElse() {
        Set<String> avoid = new HashSet<>(Diversity.AVOID);
        assertThat(avoid).hasSize(Diversity.AVOID.size());
        List<String> elsewhere = new ArrayList<>();
        elsewhere.addAll(Diversity.KEYWORDS);
        elsewhere.addAll(Families.KEYWORDS);
        elsewhere.addAll(Diversity.START_WORDS);
        Stream.of(Diversity.END_PHRASES, Diversity.REPEAT_PHRASES, TextKit.OFF_TOPICS).flatMap(List::stream)
                .flatMap(p -> Stream.of(p.split("[^A-Za-z]+"))).forEach(elsewhere::add);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 300; i++) {
            elsewhere.addAll(List.of(TextKit.about(QUERIES.get(i % QUERIES.size()), rng).text(3).split("[^A-Za-z]+")));
        }
        for (Family f : catalogue.standardFamilies()) {
            for (int s = 0; s < 20; s++) {
                Constraint c = f.draw(new SplittableRandom(s));
                String text = c.comply(TextKit.offTopic(new SplittableRandom(s))) + " "
                        + c.violate(TextKit.offTopic(new SplittableRandom(s)));
                elsewhere.addAll(List.of(text.split("[^A-Za-z]+")));
            }
        }
        assertThat(elsewhere.stream().map(w -> w.toLowerCase(Locale.ROOT)).filter(avoid::contains).distinct())
                .isEmpty();
        assertThat(Diversity.KEYWORDS).doesNotHaveDuplicates().allMatch(w -> w.matches("[a-z]{4,}"));
    }

    /**
     * What cross-validation needs of every instruction the mode writes: it reads back to its constraint, the function
     * the simulator writes for it reads back too, and its compliant and violating texts get the verdicts the Java
     * checker gives them from the real Python function on CPython (both polarities).
     */
    @Test
    void aSampleOfDiverseInstructionsGetsFunctionsThatAgreeWithTheCheckerOnCPython() throws Exception {
        List<Job> jobs = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Set<String> families = new HashSet<>();
        int seed = 0;
        for (int s = 0; s < 600; s++) {
            SplittableRandom rng = new SplittableRandom(10_000 + s);
            Constraint base = catalogue.drawDiverse(rng);
            families.add(base.family().id());
            String instruction = base.instruction(rng);
            assertThat(catalogue.parseInstruction("- " + instruction)).as(instruction).contains(base);
            for (Constraint c : List.of(base, base.negate())) {
                assertThat(catalogue.parseFunction(c.python())).as(c.python()).contains(c);
                String query = QUERIES.get(s % QUERIES.size());
                String yes = c.comply(TextKit.about(query, new SplittableRandom(seed++)));
                String no = c.violate(TextKit.about(query, new SplittableRandom(seed++)));
                String label = c.family().id() + " " + c.params() + " negated=" + c.negated();
                assertThat(c.check(yes)).as("java comply %s: %s", label, yes).isTrue();
                assertThat(c.check(no)).as("java violate %s: %s", label, no).isFalse();
                jobs.add(Job.run(c.python(), yes));
                expected.add(true);
                labels.add(label + " comply: " + yes);
                jobs.add(Job.run(c.python(), no));
                expected.add(false);
                labels.add(label + " violate: " + no);
            }
        }
        assertThat(jobs).hasSize(600 * 4);
        assertThat(PythonRunner.disagreements(jobs, expected, labels)).as("python disagreements").isEmpty();
        assertThat(families).hasSizeGreaterThan(35);
    }

    @Test
    void combinedInstructionsReadNaturally() {
        Family combined = catalogue.families().stream().filter(f -> f.id().equals("words_max+word_avoid")).findFirst()
                .orElseThrow();
        Constraint c = new Constraint(combined, new Params(Map.of("n", "137", "x", "penguin")), false);
        assertThat(c.instruction()).isEqualTo("Answer with at most 137 words. Also, never use the word 'penguin'.");
        assertThat(c.negate().instruction())
                .isEqualTo("Either answer with more than 137 words, or use the word 'penguin' somewhere in your response.");
        assertThat(Pattern.compile("def evaluate\\(response\\):").matcher(c.python()).results().count()).isEqualTo(1);
    }
}
