package dev.autoif.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The original code's query filter (ShareGPT queries of 20-300 characters in English), each removal counted. */
class CorpusIngestFiltersTest {

    private final InMemoryQueryStore store = new InMemoryQueryStore();

    private IngestReport ingest(String body, CorpusIngestFilters filters) throws IOException {
        return new CorpusIngest("c1", store, new IngestLimits(1000, 10, 3), filters)
                .ingest(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), CorpusFormat.TEXT);
    }

    @Test
    void lengthAndLanguageFiltersCountWhatEachRemoved() throws IOException {
        String body = String.join("\n",
                "How do I sort a list of numbers in Python?",
                "Hi there",
                "Wie kann ich in Python eine Liste von Zahlen sortieren, ohne die Originalliste zu verändern?",
                "Comment puis-je trier une liste de nombres en Python sans modifier la liste d'origine ?",
                "Write a short story about a lighthouse keeper who finds a message in a bottle.",
                "x".repeat(301),
                "How do I sort a list of numbers in Python?",
                "¿Cuál es la mejor manera de aprender a programar si nunca he escrito código antes?",
                "Explain the difference between a process and a thread in an operating system.");

        IngestReport r = ingest(body, new CorpusIngestFilters(20, 300, "en"));

        assertThat(store.texts()).containsExactly("How do I sort a list of numbers in Python?",
                "Write a short story about a lighthouse keeper who finds a message in a bottle.",
                "Explain the difference between a process and a thread in an operating system.");
        assertThat(r.filtered()).isEqualTo(Map.of(CorpusIngestFilters.MIN_CHARS, 1L,
                CorpusIngestFilters.MAX_CHARS, 1L, CorpusIngestFilters.LANGUAGE, 3L));
        assertThat(r.duplicate()).isEqualTo(1);
        assertThat(r.read()).isEqualTo(r.stored() + r.empty() + r.duplicate() + r.tooLong() + r.malformed()
                + r.filteredTotal());
    }

    @Test
    void boundsAreInclusiveAndCountCharactersNotBytesOrUtf16Units() throws IOException {
        String twenty = "a".repeat(19) + "é";
        String emoji = "😀".repeat(20); // 40 UTF-16 units, 20 characters
        IngestReport r = ingest(twenty + "\n" + emoji + "\n" + "b".repeat(19) + "\n" + "c".repeat(21),
                new CorpusIngestFilters(20, 20, null));
        assertThat(store.texts()).containsExactly(twenty, emoji);
        assertThat(r.filtered()).isEqualTo(Map.of(CorpusIngestFilters.MIN_CHARS, 1L, CorpusIngestFilters.MAX_CHARS,
                1L));
    }

    @Test
    void withoutFiltersNothingIsRemovedAndNothingIsCounted() throws IOException {
        IngestReport r = ingest("Hi\nBonjour tout le monde, comment allez-vous aujourd'hui ?\n",
                CorpusIngestFilters.none());
        assertThat(r.stored()).isEqualTo(2);
        assertThat(r.filtered()).isEmpty();
        assertThat(CorpusIngestFilters.none().any()).isFalse();
    }

    @Test
    void theDetectorKnowsTheCommonLanguagesAndAnswersNothingForNoText() {
        assertThat(CorpusIngestLanguage.supported()).contains("en", "de", "fr", "es", "zh", "ja", "ru");
        assertThat(CorpusIngestLanguage.guess("The quick brown fox jumps over the lazy dog near the river bank."))
                .isEqualTo("en");
        assertThat(CorpusIngestLanguage.guess("Der schnelle braune Fuchs springt über den faulen Hund.")).isEqualTo(
                "de");
        assertThat(CorpusIngestLanguage.guess("12345 !!! ???")).isNull();
    }

    @Test
    void invalidFiltersAreNamed() {
        assertThat(new CorpusIngestFilters(-1, 0, "klingon").violations()).extracting(Violation::field)
                .containsExactly("minChars", "maxChars", "language");
        assertThat(new CorpusIngestFilters(30, 20, " EN ").violations()).extracting(Violation::field)
                .containsExactly("maxChars");
        assertThat(new CorpusIngestFilters(null, null, " EN ").language()).isEqualTo("en");
    }
}
