package dev.autoif.instruction;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** GET /instructions: a run's instructions searched, filtered by origin and paged in the database. */
@QuarkusTest
class InstructionSearchTest {

    @Test
    void searchesByTextAndOriginAndPages() {
        String run = given().contentType(ContentType.JSON).body("""
                {"name": "search test", "seedInstructions": ["Answer in LOWERCASE letters only.",
                 "Use at most 50 words; 100% of them short."],
                 "parameters": {"selfInstructRounds": 1, "functionsPerInstruction": 3}}
                """).when().post("/runs").then().statusCode(201).extract().path("runId");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("run", run)
                .queryParam("origin", "seed").when().get("/instructions").then().statusCode(200)
                .body("total", equalTo(2)));

        given().queryParam("run", run).queryParam("q", "lowercase").when().get("/instructions").then()
                .statusCode(200).body("total", equalTo(1))
                .body("items.text", containsInAnyOrder("Answer in LOWERCASE letters only."));
        given().queryParam("run", run).queryParam("q", "100%").when().get("/instructions").then()
                .statusCode(200).body("total", equalTo(1)).body("items.text", everyItem(containsString("100%")));
        given().queryParam("run", run).queryParam("q", "0%").queryParam("origin", "augmented")
                .when().get("/instructions").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("run", run).queryParam("origin", "seed").queryParam("limit", 1)
                .queryParam("offset", 1).when().get("/instructions").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("total", equalTo(2)).body("offset", equalTo(1))
                .body("items[0].text", equalTo("Use at most 50 words; 100% of them short."));
    }

    @Test
    void badParametersAre400NamingThemAndAnUnknownRunIs404() {
        given().queryParam("limit", 501).queryParam("origin", "typed").queryParam("offset", -1)
                .when().get("/instructions").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("run", "limit", "origin", "offset"));
        given().queryParam("run", "nope").when().get("/instructions").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theEndpointIsDocumented() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/instructions"));
    }
}
