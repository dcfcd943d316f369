package dev.autoif.dashboard.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class ServiceProxyTest {

    @Test
    void forwardsPathQueryAndTheUsersAuthorizationHeader() {
        given().header("Authorization", "Bearer k-123")
                .when().get("/api/fake/runs/r1/instructions?page=2&size=50")
                .then().statusCode(200)
                .header("X-Autoif-Run-Complete", "false")
                .body(equalTo("GET /runs/r1/instructions?page=2&size=50 auth=Bearer k-123 body="));
    }

    @Test
    void forwardsTheBodyAndTheStatus() {
        given().contentType("application/json").body("{\"name\":\"x\"}")
                .when().post("/api/fake/runs")
                .then().statusCode(201)
                .body(equalTo("POST /runs auth=null body={\"name\":\"x\"}"));
    }

    @Test
    void passesProblemDocumentsThroughUnchanged() {
        given().when().get("/api/fake/problem")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body(equalTo(FakeUpstream.PROBLEM_BODY));
    }

    @Test
    void streamsALargeBodyWhole() {
        Response r = given().when().get("/api/fake/big");
        assertEquals(200, r.statusCode());
        assertEquals("attachment; filename=\"big.jsonl\"", r.header("Content-Disposition"));
        String[] lines = r.asString().split("\n");
        assertEquals(FakeUpstream.BIG_LINES, lines.length);
        assertTrue(lines[FakeUpstream.BIG_LINES - 1].startsWith("{\"i\":" + (FakeUpstream.BIG_LINES - 1) + ","));
    }

    @Test
    void aServiceThatIsDownIsA502NamingIt() {
        given().when().get("/api/down/runs")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("status", equalTo(502))
                .body("detail", containsString("the down service"));
    }

    @Test
    void anUnknownServiceIsA404() {
        given().when().get("/api/nosuch/runs")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no service named 'nosuch'"));
    }

    @Test
    void servesThePage() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("autoif"));
    }
}
