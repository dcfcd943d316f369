package dev.autoif.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CorpusIngestTest {

    private final InMemoryQueryStore store = new InMemoryQueryStore();

    private IngestReport ingest(String body, CorpusFormat format, IngestLimits limits) throws IOException {
        return new CorpusIngest("c1", store, limits).ingest(stream(body), format);
    }

    private IngestReport ingest(String body, CorpusFormat format) throws IOException {
        return ingest(body, format, new IngestLimits(40, 10, 2));
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainTextDropsEmptiesDuplicatesAndOverLongQueries() throws IOException {
        String body = "How do I sort a list?\n\n   \nHow do I sort a list?\r\n  Write a haiku.  \r\n"
                + "x".repeat(41) + "\nlast line without newline";

        IngestReport r = ingest(body, CorpusFormat.TEXT);

        assertThat(store.texts()).containsExactly("How do I sort a list?", "Write a haiku.",
                "last line without newline");
        assertThat(r).isEqualTo(new IngestReport(7, 3, 2, 1, 1, 0, java.util.List.of(), java.util.List.of(),
                java.util.Map.of()));
        assertThat(store.rows).extracting(NewQuery::ordinal).containsExactly(0L, 1L, 2L);
        assertThat(store.rows).extracting(NewQuery::line).containsExactly(1L, 5L, 7L);
    }

    @Test
    void duplicatesAcrossBatchesAreDroppedAndBatchesStayBounded() throws IOException {
        IngestReport r = ingest("a\nb\nc\nd\na\ne\nd\nc\nf\n", CorpusFormat.TEXT);

        assertThat(store.texts()).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(r.stored()).isEqualTo(6);
        assertThat(r.duplicate()).isEqualTo(3);
        assertThat(store.batches).isEqualTo(3);
        assertThat(store.rows).extracting(NewQuery::ordinal).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(store.rows).extracting(NewQuery::hash).doesNotHaveDuplicates()
                .allSatisfy(h -> assertThat(h).hasSize(64));
    }

    @Test
    void theFingerprintSetGrowsAndRemembersEveryValue() {
        LongHashSet set = new LongHashSet();
        for (long v = -50_000; v < 50_000; v++) {
            assertThat(set.add(v * 7919)).isTrue();
        }
        for (long v = -50_000; v < 50_000; v++) {
            assertThat(set.add(v * 7919)).isFalse();
        }
        assertThat(set.size()).isEqualTo(100_000);
    }

    @Test
    void jsonlReadsQueryAndOpenAiMessagesAndReportsMalformedLines() throws IOException {
        String body = """
                {"query": "What is the capital of Peru?"}
                {"messages": [{"role": "system", "content": "be nice"}, {"role": "user", "content": "Explain recursion."}]}

                {"messages": [{"role": "user", "content": [{"type": "text", "text": "Describe"}, {"type": "text", "text": "a cat."}]}]}
                {"query": "broken
                {"query": 42}
                {"prompt": "no query field"}
                [1, 2]
                {"messages": [{"role": "assistant", "content": "hi"}]}
                {"query": ""}
                """;

        IngestReport r = ingest(body, CorpusFormat.JSONL);

        assertThat(store.texts()).containsExactly("What is the capital of Peru?", "Explain recursion.",
                "Describe\na cat.");
        assertThat(r.read()).isEqualTo(9);
        assertThat(r.stored()).isEqualTo(3);
        assertThat(r.empty()).isEqualTo(1);
        assertThat(r.malformed()).isEqualTo(5);
        assertThat(r.malformedLines()).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(r.malformedReasons().get(0)).startsWith("broken JSON");
        assertThat(r.malformedReasons().get(1)).contains("not a string");
        assertThat(r.malformedReasons().get(4)).contains("no user message");
    }

    @Test
    void onlyTheFirstMalformedLinesAreListedButAllAreCounted() throws IOException {
        IngestReport r = ingest("x\n".repeat(5).replace("x", "{"), CorpusFormat.JSONL, new IngestLimits(40, 2, 10));

        assertThat(r.malformed()).isEqualTo(5);
        assertThat(r.malformedLines()).containsExactly(1L, 2L);
    }

    @Test
    void shareGptTakesTheFirstHumanTurnAndSkipsBadConversations() throws IOException {
        String body = """
                [
                  {"id": "a", "conversations": [{"from": "gpt", "value": "Hello!"},
                                               {"from": "human", "value": "Plan a trip to Rome."},
                                               {"from": "human", "value": "second turn"}]},
                  {"id": "b", "conversations": [{"from": "gpt", "value": "only the model"}]},
                  {"id": "c"},
                  "not an object",
                  {"id": "d", "conversations": [{"from": "user", "value": "  Fix my SQL query.  "}]}
                ]
                """;

        IngestReport r = ingest(body, CorpusFormat.SHAREGPT);

        assertThat(store.texts()).containsExactly("Plan a trip to Rome.", "Fix my SQL query.");
        assertThat(r.malformed()).isEqualTo(3);
        assertThat(r.malformedLines()).containsExactly(5L, 6L, 7L);
        assertThat(r.malformedReasons()).containsExactly("no human turn", "no \"conversations\" array",
                "conversation is not a JSON object");
    }

    @Test
    void shareGptWithBrokenSyntaxKeepsWhatCameBefore() throws IOException {
        String body = "[\n{\"conversations\": [{\"from\": \"human\", \"value\": \"first\"}]},\n{\"conversations\": [\n";

        IngestReport r = ingest(body, CorpusFormat.SHAREGPT);

        assertThat(store.texts()).containsExactly("first");
        assertThat(r.malformed()).isEqualTo(1);
        assertThat(r.malformedReasons().getFirst()).startsWith("broken JSON");
    }

    @Test
    void aGiganticLineIsSkippedUnheld() throws IOException {
        String body = "{\"query\": \"" + "y".repeat(200_000) + "\"}\n{\"query\": \"fine\"}\n";

        IngestReport r = ingest(body, CorpusFormat.JSONL);

        assertThat(store.texts()).containsExactly("fine");
        assertThat(r.tooLong()).isEqualTo(1);
    }

    @Test
    void detectsTheFormatFromTheFirstCharacter() throws IOException {
        assertThat(detect("\uFEFF  \n[{}]")).isEqualTo(CorpusFormat.SHAREGPT);
        assertThat(detect("\n{\"query\": \"x\"}")).isEqualTo(CorpusFormat.JSONL);
        assertThat(detect("How are you?")).isEqualTo(CorpusFormat.TEXT);
        assertThat(detect("")).isEqualTo(CorpusFormat.TEXT);
        BufferedInputStream in = new BufferedInputStream(stream("[1]"));
        CorpusFormat.detect(in);
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("[1]");
    }

    private static CorpusFormat detect(String s) throws IOException {
        return CorpusFormat.detect(new BufferedInputStream(stream(s)));
    }
}
