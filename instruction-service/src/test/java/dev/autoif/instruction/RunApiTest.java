package dev.autoif.instruction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.testinfra.TopicProbe;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The run API's contract: validation, paging, 404s, the published spec, cancellation and the funnel. */
@QuarkusTest
class RunApiTest {

    private static final String SMALL_RUN = """
            {"name": "api test", "seedInstructions": ["Answer in lowercase letters only.",
             "Use at most 50 words."], "parameters": {"selfInstructRounds": 1, "functionsPerInstruction": 3}}
            """;

    @Test
    void anInvalidSpecIs400NamingEachFieldAndStoresNothing() {
        long before = total();
        given().contentType(ContentType.JSON).body("""
                {"name": " ", "seedInstructions": ["ok seed", ""], "corpusId": "bad corpus!",
                 "parameters": {"functionsPerInstruction": 2, "functionAccuracy": {"value": 1.5}}}
                """).when().post("/runs").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("name", "seedInstructions[1]", "corpusId",
                        "parameters.functionsPerInstruction", "parameters.functionAccuracy.value"));
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"seedInstructions\": []}")
                .when().post("/runs").then().statusCode(400).body("errors.field", hasItem("seedInstructions"));
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void brokenJsonAndWrongTypesAre400ProblemJson() {
        given().contentType(ContentType.JSON).body("{\"name\": ").when().post("/runs").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"parameters\": {\"selfInstructRounds\": \"many\"}}")
                .when().post("/runs").then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).when().post("/runs").then().statusCode(400);
    }

    @Test
    void theApiIsDocumented() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/runs"))
                .body("paths", hasKey("/runs/{id}"))
                .body("paths", hasKey("/runs/{id}/cancel"))
                .body("paths.'/runs'.post.responses", hasKey("400"));
    }

    @Test
    void unknownRunsAre404ProblemJson() {
        given().when().get("/runs/nope").then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("run nope does not exist"));
        given().when().post("/runs/nope/cancel").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/runs/nope/instructions").then().statusCode(404);
    }

    @Test
    void pagingIsBounded() {
        given().queryParam("size", 0).when().get("/runs").then().statusCode(400).body("errors.field", hasItem("size"));
        given().queryParam("size", 101).when().get("/runs").then().statusCode(400);
        given().queryParam("page", -1).queryParam("size", "abc").when().get("/runs").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("page", "size"));
        String a = submit(SMALL_RUN);
        sleepPastTheMillisecond();
        String b = submit(SMALL_RUN);
        given().queryParam("size", 1).when().get("/runs").then().statusCode(200)
                .body("size", equalTo(1)).body("page", equalTo(0)).body("items.size()", equalTo(1))
                .body("items[0].runId", equalTo(b));
        given().queryParam("size", 1).queryParam("page", 1).when().get("/runs").then().statusCode(200)
                .body("items[0].runId", equalTo(a));
    }

    @Test
    void aValidRunIs201WithLocationAndItsSpecIsPublishedKeyedByRunId() {
        String location = given().contentType(ContentType.JSON).body(SMALL_RUN).when().post("/runs").then()
                .statusCode(201).body("runId", matchesPattern("[0-9a-f-]{36}")).body("status", notNullValue())
                .extract().header("Location");
        String runId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).endsWith("/runs/" + runId);

        given().when().get(location).then().statusCode(200).body("runId", equalTo(runId))
                .body("name", equalTo("api test"))
                .body("spec.parameters.selfInstructRounds", equalTo(1))
                .body("spec.parameters.functionsPerInstruction", equalTo(3))
                .body("spec.parameters.responsesPerQuery", equalTo(8))
                .body("spec.corpusId", equalTo("sample"))
                .body("funnel.stage", hasItems("SELF_INSTRUCT", "FUNCTION_GENERATION", "EXPORT"));

        List<ConsumerRecord<String, String>> published = TopicProbe.read(Topics.RUNS, 1,
                r -> runId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        RunSpec spec = EnvelopeCodec.<RunSpec>decode(published.getFirst().value(), MessageType.RunSpec).payload();
        assertThat(spec.seedInstructions()).containsExactly("Answer in lowercase letters only.",
                "Use at most 50 words.");
        assertThat(spec.cancelled()).isFalse();
    }

    @Test
    void cancellingRepublishesTheSpecCancelledAndIsRepeatable() {
        String runId = submit(SMALL_RUN);
        given().when().post("/runs/" + runId + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        given().when().post("/runs/" + runId + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        given().when().get("/runs/" + runId).then().body("status", equalTo("cancelled"))
                .body("spec.cancelled", equalTo(true));

        List<ConsumerRecord<String, String>> specs = TopicProbe.read(Topics.RUNS, 3, r -> runId.equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(EnvelopeCodec.<RunSpec>decode(specs.getLast().value(), MessageType.RunSpec).payload().cancelled()).isTrue();
    }

    @Test
    void aRunIsDoneWhenTheLastStageIsAndCannotBeCancelledThen() {
        String runId = submit(SMALL_RUN);
        await().atMost(Duration.ofSeconds(30)).until(() -> !"queued".equals(
                given().when().get("/runs/" + runId).then().extract().path("status")));
        TopicProbe.send(Topics.RUNS_PROGRESS, runId, EnvelopeCodec.encode(Envelope.of("test-export:" + runId, runId,
                MessageType.StageProgress, new StageProgress(runId, Stage.EXPORT, 0, 0, Map.of(), 0, 0, 0, true))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/runs/" + runId).then()
                .body("status", equalTo("done")));
        given().when().post("/runs/" + runId + "/cancel").then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theFunnelFoldsProgressDeltasOnceEachAndBadDeltasGoToTheDeadLetterTopic() {
        String runId = submit(SMALL_RUN);
        given().when().post("/runs/" + runId + "/cancel").then().statusCode(200);
        String delta = EnvelopeCodec.encode(Envelope.of("test-cv:" + runId, runId, MessageType.StageProgress,
                new StageProgress(runId, Stage.CROSS_VALIDATION, 4, 3, Map.of("function-accuracy", 1L), 0, 0, 0,
                        false)));
        TopicProbe.send(Topics.RUNS_PROGRESS, runId, delta);
        TopicProbe.send(Topics.RUNS_PROGRESS, runId, delta);
        String badKey = "bad-" + UUID.randomUUID();
        TopicProbe.send(Topics.RUNS_PROGRESS, badKey, "{not json");
        TopicProbe.send(Topics.RUNS_PROGRESS, runId, EnvelopeCodec.encode(Envelope.of("test-cv2:" + runId, runId,
                MessageType.StageProgress, new StageProgress(runId, Stage.CROSS_VALIDATION, 1, 1, Map.of(), 0, 0, 0,
                        false))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/runs/" + runId).then()
                .body("funnel.find { it.stage == 'CROSS_VALIDATION' }.itemsIn", equalTo(5))
                .body("funnel.find { it.stage == 'CROSS_VALIDATION' }.itemsOut", equalTo(4))
                // function-level drops are a tally of their own, not the instruction stage's
                .body("funnel.find { it.stage == 'CROSS_VALIDATION' }.dropped", anEmptyMap())
                .body("tallies.functions.dropped.function-accuracy", equalTo(1)));
        assertThat(TopicProbe.read(Topics.dlq(Topics.RUNS_PROGRESS), 1, r -> badKey.equals(r.key()),
                Duration.ofSeconds(30))).hasSize(1);
    }

    static String submit(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/runs").then().statusCode(201)
                .extract().path("runId");
    }

    private static void sleepPastTheMillisecond() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long total() {
        return ((Number) given().when().get("/runs").then().statusCode(200).extract().path("total")).longValue();
    }
}
