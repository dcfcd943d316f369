package dev.autoif.query.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the corpus filters cost (not part of the build; prints figures, asserts nothing):
 * {@code ./mvnw -B -pl query-service -am test -Dtest=CorpusIngestFiltersBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Ingests the same 50,000 generated queries (five languages, 5 to 400 characters) into memory without filters (the
 * baseline), with the length filters, and with length and language filters, in one JVM.
 */
class CorpusIngestFiltersBenchmark {

    private static final String[] WORDS = {
        "How do I sort a list of numbers in Python without changing the original list",
        "Wie kann ich in Python eine Liste von Zahlen sortieren ohne die Originalliste zu verändern",
        "Comment puis-je trier une liste de nombres en Python sans modifier la liste d'origine",
        "Cuál es la mejor manera de aprender a programar si nunca he escrito código antes",
        "Come posso ordinare un elenco di numeri in Python senza modificare l'elenco originale"};

    @Test
    void measure() throws IOException {
        Random random = new Random(1);
        StringBuilder body = new StringBuilder();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            String base = WORDS[random.nextInt(WORDS.length)];
            String q = (base + " " + i + " " + base).substring(0, 5 + random.nextInt(Math.min(395, base.length())));
            body.append(q).append(' ').append(i).append('\n');
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        long load = System.nanoTime();
        CorpusIngestLanguage.guess("warm up the profiles");
        System.out.printf("language profiles loaded in %.2f s%n", (System.nanoTime() - load) / 1e9);
        for (int round = 0; round < 2; round++) {
            double none = run(bytes, CorpusIngestFilters.none(), "no filters (baseline)");
            double length = run(bytes, new CorpusIngestFilters(20, 300, null), "minChars=20 maxChars=300");
            double lang = run(bytes, new CorpusIngestFilters(20, 300, "en"), "minChars=20 maxChars=300 language=en");
            System.out.printf("round %d: length filters %.2fx the baseline's time, with language %.2fx%n", round,
                    length / none, lang / none);
        }
    }

    private static double run(byte[] bytes, CorpusIngestFilters filters, String label) throws IOException {
        InMemoryQueryStore store = new InMemoryQueryStore();
        long t = System.nanoTime();
        IngestReport r = new CorpusIngest("bench", store, new IngestLimits(1000, 10, 500), filters)
                .ingest(new ByteArrayInputStream(bytes), CorpusFormat.TEXT);
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf("%-40s %7.3f s %9.0f queries/s  stored %d, removed %s%n", label, s, r.read() / s,
                r.stored(), r.filtered());
        return s;
    }
}
