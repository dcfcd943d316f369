package dev.autoif.testinfra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every service answers, whatever it does: readiness with the broker and the database, the OpenAPI document
 * and Prometheus metrics. A service's test extends this class and carries {@code @QuarkusTest}.
 */
public abstract class ServiceEndpointsContract {

    @Test
    void isReadyWithTheBrokerAndTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesOpenApiAndMetrics() {
        given().when().get("/q/openapi?format=json").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
