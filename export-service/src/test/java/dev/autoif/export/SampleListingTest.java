package dev.autoif.export;

import static dev.autoif.export.Records.judged;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /runs/{id}/samples: every verified response joined with its judgement (by the response id query-service gives
 * it), filtered and paged in the database, with why each one was not kept.
 */
@QuarkusTest
class SampleListingTest {

    @Test
    void everySampleWithItsJudgementAndWhyItWasNotKept() {
        String run = "run-" + UUID.randomUUID();
        Records.spec(run, "samples demo");
        Records.publishVerified(Records.verified(run, "i1", "q1", 0, List.of("good answer", "bad answer",
                "Okay answer"), List.of(1.0, 0.0, 0.75)));
        Records.publishVerified(Records.verified(run, "i2", "q1", 0, List.of("waiting"), List.of(1.0)));
        Records.publishJudged(judged(run, "i1", "q1", "sample-i1-q1|r0", "good answer", 1.0, 9.0, true));
        Records.publishJudged(judged(run, "i1", "q1", "sample-i1-q1|r2", "Okay answer", 0.75, 5.0, false));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/runs/" + run + "/samples")
                .then().statusCode(200).body("total", equalTo(4))
                .body("items.score", contains(9.0f, null, 5.0f, null))
                // the run's spec (its pass-rate threshold) arrives on another topic, possibly after the samples
                .body("items.reason", contains("kept", "below-pass-rate", "below-judge-threshold",
                        "not-judged-yet")));

        given().when().get("/runs/" + run + "/samples").then().statusCode(200)
                .body("items.responseId", contains("sample-i1-q1|r0", "sample-i1-q1|r1", "sample-i1-q1|r2",
                        "sample-i2-q1|r0"))
                .body("items.reason", contains("kept", "below-pass-rate", "below-judge-threshold",
                        "not-judged-yet"))
                .body("items.kept", contains(true, false, false, false))
                .body("items[0].analysis", equalTo("analysis of sample-i1-q1|r0"))
                .body("items[0].instruction", equalTo("constraint i1"))
                .body("items[0].query", equalTo("query q1"))
                .body("items[1].passRate", equalTo(0.0f));
        given().queryParam("outcome", "kept").when().get("/runs/" + run + "/samples").then().statusCode(200)
                .body("total", equalTo(1)).body("items.response", contains("good answer"));
        given().queryParam("outcome", "dropped").queryParam("limit", 2).queryParam("offset", 1)
                .when().get("/runs/" + run + "/samples").then().statusCode(200)
                .body("total", equalTo(3)).body("offset", equalTo(1)).body("limit", equalTo(2))
                .body("items.response", contains("Okay answer", "waiting"));
        given().queryParam("q", "OKAY").when().get("/runs/" + run + "/samples").then().statusCode(200)
                .body("total", equalTo(1)).body("items.reason", contains("below-judge-threshold"));
        given().queryParam("q", "%").when().get("/runs/" + run + "/samples").then().statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("instruction", "i2").when().get("/runs/" + run + "/samples").then().statusCode(200)
                .body("items.response", contains("waiting"));

        // the sample's prompt's DPO pairs, by the export's pair rule: chosen best pass rate first, rejected: 0
        given().when().get("/runs/" + run + "/samples/sample-i1-q1/pairs").then().statusCode(200)
                .body("instructionId", equalTo("i1"))
                .body("responses", equalTo(3))
                .body("pairs.chosen", contains("good answer", "Okay answer"))
                .body("pairs.rejected", contains("bad answer", "bad answer"))
                .body("pairs.chosenHere", contains(true, true));
        given().queryParam("min-pass-rate", 0.8).when().get("/runs/" + run + "/samples/sample-i1-q1/pairs")
                .then().statusCode(200).body("pairs.chosen", contains("good answer"));
        // a prompt with nothing rejected has no pairs; an unknown sample is 404; a bad bound is 400
        given().when().get("/runs/" + run + "/samples/sample-i2-q1/pairs").then().statusCode(200)
                .body("pairs", empty());
        given().when().get("/runs/" + run + "/samples/nope/pairs").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().queryParam("min-pass-rate", 0).when().get("/runs/" + run + "/samples/sample-i1-q1/pairs")
                .then().statusCode(400).body("errors.field", contains("min-pass-rate"));
    }

    @Test
    void badParametersAre400NamingThemAndAnUnknownRunIs404() {
        given().queryParam("limit", 501).queryParam("outcome", "maybe").queryParam("offset", "x")
                .when().get("/runs/any/samples").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("limit", "outcome", "offset"));
        given().when().get("/runs/nope-" + UUID.randomUUID() + "/samples").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theEndpointIsDocumented() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/runs/{id}/samples"))
                .body("paths", hasKey("/runs/{id}/samples/{sampleId}/pairs"));
    }
}
