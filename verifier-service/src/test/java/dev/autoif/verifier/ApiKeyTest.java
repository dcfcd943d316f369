package dev.autoif.verifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With AUTOIF_API_KEY set, everything but health and metrics needs the bearer key (platform ApiKeyFilter). */
@QuarkusTest
@TestProfile(ApiKeyTest.WithKey.class)
class ApiKeyTest {

    public static class WithKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("autoif.api-key", "s3cret");
        }
    }

    @Test
    void refusesRequestsWithoutTheKeyAsProblemJson() {
        given().when().get("/q/openapi").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"));
        given().header("Authorization", "Bearer wrong").when().get("/q/openapi").then().statusCode(401)
                .body("detail", equalTo("invalid API key"));
    }

    @Test
    void acceptsTheKey() {
        given().header("Authorization", "Bearer s3cret").when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void healthAndMetricsStayOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void unknownPathsAreProblemJsonToo() {
        given().header("Authorization", "Bearer s3cret").when().get("/no/such/thing").then().statusCode(404);
    }
}
