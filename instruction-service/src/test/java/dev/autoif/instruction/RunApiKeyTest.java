package dev.autoif.instruction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With an API key configured, the run API refuses callers without it: 401 problem+json, nothing stored. */
@QuarkusTest
@TestProfile(RunApiKeyTest.WithKey.class)
class RunApiKeyTest {

    private static final String KEY = "instruction-test-key";
    private static final String RUN = """
            {"name": "keyed", "seedInstructions": ["Answer in lowercase letters only."],
             "parameters": {"selfInstructRounds": 1, "functionsPerInstruction": 3}}
            """;

    public static class WithKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("autoif.api-key", KEY);
        }
    }

    @Test
    void mutatingWithoutTheKeyIs401ProblemJsonAndStoresNothing() {
        int before = total();
        given().contentType(ContentType.JSON).body(RUN).when().post("/runs").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(401));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(RUN).when()
                .post("/runs").then().statusCode(401).body("detail", equalTo("invalid API key"));
        given().when().post("/runs/any/cancel").then().statusCode(401);
        given().when().get("/runs").then().statusCode(401);
        assertThat(total()).isEqualTo(before);
    }

    private static int total() {
        return given().header("Authorization", "Bearer " + KEY).when().get("/runs").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void theKeyOpensTheApi() {
        String runId = given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON).body(RUN)
                .when().post("/runs").then().statusCode(201).extract().path("runId");
        given().header("Authorization", "Bearer " + KEY).when().post("/runs/" + runId + "/cancel").then()
                .statusCode(200).body("status", equalTo("cancelled"));
    }
}
