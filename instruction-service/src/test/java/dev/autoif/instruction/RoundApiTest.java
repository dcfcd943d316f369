package dev.autoif.instruction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.PolicyEndpoint;
import dev.autoif.contracts.RoundRequested;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code POST /runs/{id}/rounds}: validation, a run that is not done, numbering, defaults, the published record. */
@QuarkusTest
class RoundApiTest {

    private static final String SMALL_RUN = """
            {"name": "round test", "seedInstructions": ["Answer in lowercase letters only."],
             "parameters": {"selfInstructRounds": 1, "functionsPerInstruction": 3, "seed": 5}}
            """;
    private static final String ROUND = """
            {"policy": {"baseUrl": "http://policy:8000/v1", "model": "sft-1"}}
            """;

    @Test
    void invalidRequestsAre400NamingEachFieldAndUnknownRuns404() {
        given().contentType(ContentType.JSON).body(ROUND).when().post("/runs/nope/rounds").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/runs/nope/rounds").then().statusCode(404);
        String runId = RunApiTest.submit(SMALL_RUN);
        given().contentType(ContentType.JSON).body("""
                {"policy": {"baseUrl": "ftp://x", "model": " ", "apiKeyEnv": "DATABASE_PASSWORD"},
                 "k": 0, "temperature": 2.5, "prompts": 0, "promptForm": "tagged"}
                """).when().post("/runs/" + runId + "/rounds").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("policy.baseUrl", "policy.model", "policy.apiKeyEnv", "k",
                        "temperature", "prompts", "promptForm"));
        given().contentType(ContentType.JSON).body("{\"k\": 8}").when().post("/runs/" + runId + "/rounds").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("policy"));
        given().contentType(ContentType.JSON).body("{\"policy\": {\"baseUrl\": \"http://x\", \"model\": \"m\","
                + " \"apiKey\": \"sk-secret\"}}").when().post("/runs/" + runId + "/rounds").then().statusCode(400);
        given().when().get("/runs/" + runId + "/rounds").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aRunThatIsNotDoneHasNoRoundsYet() {
        String runId = RunApiTest.submit(SMALL_RUN);
        given().contentType(ContentType.JSON).body(ROUND).when().post("/runs/" + runId + "/rounds").then()
                .statusCode(409).contentType(startsWith("application/problem+json"));
    }

    @Test
    void roundsOfADoneRunAreNumberedTakeTheDefaultsAndArePublished() {
        String runId = RunApiTest.submit(SMALL_RUN);
        await().atMost(Duration.ofSeconds(30)).until(() -> !"queued".equals(
                given().when().get("/runs/" + runId).then().extract().path("status")));
        TopicProbe.send(Topics.RUNS_PROGRESS, runId, EnvelopeCodec.encode(Envelope.of("test-export:" + runId, runId,
                MessageType.StageProgress, new StageProgress(runId, Stage.EXPORT, 0, 0, Map.of(), 0, 0, 0, true))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/runs/" + runId).then()
                .body("status", equalTo("done")));

        given().contentType(ContentType.JSON).body(ROUND).when().post("/runs/" + runId + "/rounds").then()
                .statusCode(202).body("round", equalTo(1)).body("k", equalTo(8))
                .body("temperature", equalTo(0.8f)).body("promptForm", equalTo("natural"))
                .body("seed", equalTo(5)).body("policy.apiKeyEnv", equalTo("OPENAI_API_KEY"));
        given().contentType(ContentType.JSON).body("""
                {"policy": {"baseUrl": "http://policy-2:8000/v1", "model": "sft-2", "apiKeyEnv": "POLICY_API_KEY"},
                 "k": 4, "temperature": 1.0, "prompts": 10, "promptForm": "template", "seed": 9}
                """).when().post("/runs/" + runId + "/rounds").then().statusCode(202).body("round", equalTo(2));
        given().when().get("/runs/" + runId + "/rounds").then().statusCode(200).body("round", equalTo(List.of(1, 2)))
                .body("policy.model", equalTo(List.of("sft-1", "sft-2")));

        List<ConsumerRecord<String, String>> published = TopicProbe.read(Topics.ROUNDS, 2,
                r -> runId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(published).extracting(r -> EnvelopeCodec.<RoundRequested>decode(r.value(),
                MessageType.RoundRequested).payload()).containsExactly(
                        new RoundRequested(runId, 1, new PolicyEndpoint("http://policy:8000/v1", "sft-1",
                                "OPENAI_API_KEY"), 8, 0.8, null, "natural", 5),
                        new RoundRequested(runId, 2, new PolicyEndpoint("http://policy-2:8000/v1", "sft-2",
                                "POLICY_API_KEY"), 4, 1.0, 10, "template", 9));
    }
}
