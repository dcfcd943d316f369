package dev.autoif.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.testinfra.StreamedRequest;
import dev.autoif.testinfra.KafkaResource;
import dev.autoif.testinfra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** REST bodies are read strictly (every unknown field named, with a suggestion); Kafka records stay tolerant. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class StrictJsonTest {

    @Test
    void everyUnknownFieldIsNamedWithTheClosestKnownName() {
        given().contentType(ContentType.JSON).body("""
                {"name": "x", "corpus": "sharegpt", "parameters": {"judgeTreshold": {"value": 8}},
                 "items": [{"judgeThreshold": 1}, {"judgeThreshold": 2, "judgeSampels": 3}]}
                """).when().post("/strict-test").then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("errors.field", containsInAnyOrder("corpus", "parameters.judgeTreshold",
                        "items[1].judgeSampels"))
                .body("errors.find { it.field == 'parameters.judgeTreshold' }.message",
                        equalTo("unknown field; did you mean 'judgeThreshold'?"))
                .body("errors.find { it.field == 'items[1].judgeSampels' }.message",
                        equalTo("unknown field; did you mean 'judgeSamples'?"))
                .body("errors.find { it.field == 'corpus' }.message", equalTo("unknown field"));
    }

    @Test
    void wrongTypesNameTheField() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"parameters\": {\"judgeThreshold\": \"8\"}}")
                .when().post("/strict-test").then().statusCode(400).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("errors.field", hasItem("parameters.judgeThreshold"));
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"parameters\": {\"judgeThreshold\": 1, "
                + "\"judgeSamples\": 1.5}}").when().post("/strict-test").then().statusCode(400)
                .body("errors.field", hasItem("parameters.judgeSamples"));
        given().contentType(ContentType.JSON).body("{\"name\": 5}").when().post("/strict-test").then()
                .statusCode(400).body("errors.field", hasItem("name"));
        given().contentType(ContentType.JSON).body("[1, 2]").when().post("/strict-test").then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE));
        given().contentType(ContentType.JSON).body("{\"name\": ").when().post("/strict-test").then()
                .statusCode(400).contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void constraintsAreCheckedDeclaratively() {
        given().contentType(ContentType.JSON).body("{\"name\": \" \", \"parameters\": {\"judgeThreshold\": 11}}")
                .when().post("/strict-test").then().statusCode(400).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("errors.field", containsInAnyOrder("name", "parameters.judgeThreshold"));
        given().contentType(ContentType.JSON).body("{\"name\": \"ok\", \"parameters\": {\"judgeThreshold\": 0}}")
                .when().post("/strict-test").then().statusCode(200).body("parameters.judgeThreshold",
                        equalTo(0.0f));
    }

    @Test
    void oversizedBodiesAre413ProblemJson() {
        String big = "{\"name\": \"" + "x".repeat(70_000) + "\"}";
        given().contentType(ContentType.JSON).body(big).when().post("/strict-test").then().statusCode(413)
                .contentType(startsWith(Problem.MEDIA_TYPE)).body("status", equalTo(413));
    }

    @Test
    void chunkedBodiesAreHeldToTheLimitToo() {
        StreamedRequest.Answer big = StreamedRequest.send("POST", "/strict-test", "{\"name\": \"", 70_000, true);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(big.body()).contains("\"status\":413");
        StreamedRequest.Answer small = StreamedRequest.send("POST", "/strict-test", "{\"name\": \"", 1_000, true);
        assertThat(small.status()).as("a chunked body under the limit is read and parsed").isEqualTo(400);
        assertThat(small.body()).contains("malformed JSON");
    }

    @Test
    void overlongUrisAre414ProblemJson() {
        given().urlEncodingEnabled(false).when().get("/strict-test/x?q=" + "a".repeat(10_000)).then().statusCode(414)
                .contentType(startsWith(Problem.MEDIA_TYPE)).body("status", equalTo(414));
        given().urlEncodingEnabled(false).when().get("/strict-test/x?q=" + "a".repeat(3_000)).then().statusCode(200);
    }

    @Test
    void malformedIdsAreRefusedBeforeTheResourceRuns() {
        given().when().get("/strict-test/ok-id_1").then().statusCode(200);
        // a sample id as query-service makes them: instruction, query and attempt joined with '|'
        given().when().get("/strict-test/ins-1c29df8c|sample:182|a0").then().statusCode(200);
        given().when().get("/strict-test/" + "a".repeat(129)).then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE)).body("errors.field", hasItem("id"));
        given().urlEncodingEnabled(false).when().get("/strict-test/bad%20id%27").then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void kafkaRecordsStillIgnoreUnknownFields() {
        String json = """
                {"messageId": "m", "runId": "r", "type": "RunSpec", "schemaVersion": 1,
                 "time": "2026-01-01T00:00:00Z", "futureField": true,
                 "payload": {"runId": "r", "name": "n", "seedInstructions": ["s"], "corpusId": "sample",
                             "cancelled": false, "addedLater": 1}}
                """;
        Envelope<RunSpec> e = EnvelopeCodec.decode(json, MessageType.RunSpec);
        assertThat(e.payload().seedInstructions()).isEqualTo(List.of("s"));
    }
}
