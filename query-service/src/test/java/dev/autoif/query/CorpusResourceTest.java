package dev.autoif.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.autoif.query.persistence.CorpusEntity;
import dev.autoif.query.persistence.CorpusLoader;
import dev.autoif.query.persistence.QueryEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Corpus uploads through the real HTTP endpoint into PostgreSQL. */
@QuarkusTest
class CorpusResourceTest {

    @Inject
    CorpusLoader loader;

    private static String newId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse upload(String id, String format, String body) {
        var req = given().contentType("application/octet-stream").body(body.getBytes(StandardCharsets.UTF_8))
                .queryParam("id", id);
        if (format != null) {
            req = req.queryParam("format", format);
        }
        return req.when().post("/corpora").then();
    }

    private static List<String> texts(String corpusId) {
        return QuarkusTransaction.requiringNew().call(() -> QueryEntity.<QueryEntity>list(
                "corpusId = ?1 order by ordinal", corpusId).stream().map(q -> q.text).toList());
    }

    @Test
    void theSampleCorpusIsLoadedAtStartUp() throws IOException {
        long lines;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("corpora/sample.jsonl")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        }
        assertThat(lines).isGreaterThanOrEqualTo(200);

        given().when().get("/corpora/sample").then().statusCode(200)
                .body("status", equalTo("READY"))
                .body("read", equalTo((int) lines))
                .body("stored", equalTo((int) lines))
                .body("malformed", equalTo(0));
        given().when().get("/corpora").then().statusCode(200).body("id", hasItem("sample"));
        // a restart finds it complete and does not read it again
        assertThat(loader.isLoaded("sample")).isTrue();
        assertThat(texts("sample")).hasSize((int) lines);
    }

    @Test
    void jsonlWithMalformedLinesStoresTheRestAndReportsLineNumbers() {
        String id = newId();
        String body = """
                {"query": "How do I boil an egg?"}
                {"query": "How do I boil an egg?"}
                {"query": "
                {"messages": [{"role": "user", "content": "Name three rivers."}]}
                {"query": "   "}
                {"answer": "no query"}
                """;

        upload(id, null, body).statusCode(201)
                .header("Location", containsString("/corpora/" + id))
                .body("format", equalTo("jsonl"))
                .body("read", equalTo(6)).body("stored", equalTo(2)).body("duplicate", equalTo(1))
                .body("empty", equalTo(1)).body("malformed", equalTo(2)).body("tooLong", equalTo(0))
                .body("malformedLines.line", equalTo(List.of(3, 6)))
                .body("malformedLines[0].reason", containsString("broken JSON"));

        assertThat(texts(id)).containsExactly("How do I boil an egg?", "Name three rivers.");
        given().when().get("/corpora/" + id).then().statusCode(200).body("stored", equalTo(2))
                .body("malformedLines.line", equalTo(List.of(3, 6)));
    }

    @Test
    void shareGptIsDetectedAndTheFirstHumanTurnStored() {
        String id = newId();
        String body = """
                [{"conversations": [{"from": "human", "value": "Tell me a joke."}, {"from": "gpt", "value": "No."}]},
                 {"conversations": [{"from": "gpt", "value": "Hi"}]},
                 {"conversations": [{"from": "human", "value": "What is 2+2?"}]}]
                """;

        upload(id, null, body).statusCode(201).body("format", equalTo("sharegpt"))
                .body("stored", equalTo(2)).body("malformed", equalTo(1))
                .body("malformedLines[0].line", equalTo(2))
                .body("malformedLines[0].reason", equalTo("no human turn"));

        assertThat(texts(id)).containsExactly("Tell me a joke.", "What is 2+2?");
    }

    @Test
    void plainTextWithATooLongLineAndAnExplicitFormat() {
        String id = newId();
        String body = "{not json but a text query}\n\nshort one\n" + "z".repeat(9000) + "\n";

        upload(id, "text", body).statusCode(201).body("format", equalTo("text"))
                .body("read", equalTo(4)).body("stored", equalTo(2)).body("empty", equalTo(1))
                .body("tooLong", equalTo(1));

        assertThat(texts(id)).containsExactly("{not json but a text query}", "short one");
    }

    @Test
    void anUploadWithNothingUsableIsABadRequestAndLeavesNothing() {
        String id = newId();

        upload(id, "jsonl", "{broken\n{\"query\": \"\"}\nnot json\n").statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("no usable query"))
                .body("detail", containsString("malformed 2"));

        given().when().get("/corpora/" + id).then().statusCode(404).contentType("application/problem+json");
        assertThat(texts(id)).isEmpty();
    }

    @Test
    void filtersOnUploadKeepThePapersQueriesAndCountWhatEachRemoved() {
        String id = newId();
        String body = """
                {"query": "How do I make my resume stand out to recruiters?"}
                {"query": "thanks"}
                {"query": "Qu'est-ce que la photosynthèse et pourquoi est-elle importante pour les plantes ?"}
                {"query": "Write a limerick about a cat who learns to play the piano."}
                """;
        var req = given().contentType("application/octet-stream").body(body.getBytes(StandardCharsets.UTF_8))
                .queryParam("id", id).queryParam("minChars", 20).queryParam("maxChars", 300)
                .queryParam("language", "en");
        req.when().post("/corpora").then().statusCode(201)
                .body("read", equalTo(4)).body("stored", equalTo(2))
                .body("filters.minChars", equalTo(20)).body("filters.maxChars", equalTo(300))
                .body("filters.language", equalTo("en"))
                .body("filtered.min-chars", equalTo(1)).body("filtered.language", equalTo(1));
        assertThat(texts(id)).containsExactly("How do I make my resume stand out to recruiters?",
                "Write a limerick about a cat who learns to play the piano.");
        given().when().get("/corpora/" + id).then().statusCode(200).body("filtered.language", equalTo(1))
                .body("filters.language", equalTo("en"));
    }

    @Test
    void everyStoredCorpusIsAnnouncedOnTheCorporaTopic() {
        String id = newId();
        upload(id, "text", "first query\nsecond query\n").statusCode(201);
        var announced = dev.autoif.testinfra.TopicProbe.read(dev.autoif.contracts.Topics.CORPORA, 1,
                r -> id.equals(r.key()), java.time.Duration.ofSeconds(30));
        var a = dev.autoif.contracts.EnvelopeCodec.<dev.autoif.contracts.CorpusAnnounced>decode(
                announced.getFirst().value(), dev.autoif.contracts.MessageType.CorpusAnnounced).payload();
        assertThat(a.corpusId()).isEqualTo(id);
        assertThat(a.queries()).isEqualTo(2);
        assertThat(dev.autoif.testinfra.TopicProbe.read(dev.autoif.contracts.Topics.CORPORA, 1,
                r -> "sample".equals(r.key()), java.time.Duration.ofSeconds(30))).as("the bootstrap corpus")
                .isNotEmpty();
        upload(newId(), "text", "\n\n").statusCode(400);
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        given().contentType("application/octet-stream").body("a\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("minChars", "twenty").queryParam("maxChars", "-1").queryParam("format", "xml")
                .when().post("/corpora").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("minChars", "maxChars", "format"));
        given().contentType("application/octet-stream").body("a\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("maxChars", 0).queryParam("language", "xx")
                .when().post("/corpora").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("maxChars", "language")));
        String id = newId();
        given().contentType("application/octet-stream").body("hi\nyo\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("id", id).queryParam("minChars", 5).when().post("/corpora").then().statusCode(400)
                .body("detail", containsString("removed by filters {min-chars=2}"));
    }

    @Test
    void badParametersAndTakenIdsAreProblems() {
        upload(newId(), "xml", "a\n").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"));
        upload("../etc", null, "a\n").statusCode(400).body("errors[0].field", equalTo("id"));
        upload("sample", null, "a\n").statusCode(409).contentType("application/problem+json");
        given().when().get("/corpora/nope").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("nope"));
    }

    @Test
    void aHalfLoadedCorpusIsLoadedAgain() {
        String id = newId();
        QuarkusTransaction.requiringNew().run(() -> {
            CorpusEntity c = new CorpusEntity();
            c.id = id;
            c.format = "text";
            c.status = CorpusEntity.Status.LOADING;
            c.source = "test";
            c.createdAt = Instant.now();
            c.persist();
        });

        assertThat(loader.isLoaded(id)).isFalse();
        given().when().get("/corpora/" + id).then().statusCode(404);
    }
}
