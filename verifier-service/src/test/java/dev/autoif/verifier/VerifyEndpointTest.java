package dev.autoif.verifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.ScoredFunction;
import dev.autoif.verifier.persistence.VerifiedInstructions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /verify: the exact request and response shapes, verdict spelling, and clear 400/404 problems. */
@QuarkusTest
class VerifyEndpointTest {

    static final String LOWER = "def evaluate(response):\n    return response == response.lower()\n";
    static final String SHORT = "def evaluate(response):\n    return len(response.split()) <= 2\n";
    static final String LOUD = "def evaluate(response):\n    print('x' * 1000000)\n    return True\n";
    static final String NLTK = "import nltk\ndef evaluate(response):\n    return True\n";

    @Inject
    VerifiedInstructions instructions;

    @Test
    void scoresEveryResponseWithEveryFunctionInOrder() {
        given().contentType("application/json")
                .body(Map.of("functions", List.of(LOWER, SHORT, LOUD, NLTK),
                        "responses", List.of("two words", "Three Long Words", "ok")))
                .when().post("/verify")
                .then().statusCode(200)
                .body("results", hasSize(3))
                .body("results[0].verdicts", contains("pass", "pass", "resource-exhausted", "invalid"))
                .body("results[0].passRate", equalTo(0.5f))
                .body("results[1].verdicts", contains("fail", "fail", "resource-exhausted", "invalid"))
                .body("results[1].passRate", equalTo(0.0f))
                .body("results[2].verdicts", contains("pass", "pass", "resource-exhausted", "invalid"));
    }

    @Test
    void scoresWithTheKeptFunctionsOfAStoredInstruction() {
        String id = "ins-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> instructions.save(new InstructionVerified(id, "run-x",
                "Answer in lowercase, in at most two words.", InstructionOrigin.SEED,
                List.of(new ScoredFunction("f0", LOWER, 1.0, false), new ScoredFunction("f1", SHORT, 1.0, false)),
                List.of(), List.of("f0", "f1"), List.of(), List.of(), List.of())));

        given().contentType("application/json")
                .body(Map.of("instructionId", id, "responses", List.of("fine", "Not Fine At All")))
                .when().post("/verify")
                .then().statusCode(200)
                .body("results.passRate", contains(1.0f, 0.0f))
                .body("results[1].verdicts", contains("fail", "fail"));
    }

    @Test
    void anUnknownInstructionIsA404Problem() {
        given().contentType("application/json")
                .body(Map.of("instructionId", "no-such-instruction", "responses", List.of("x")))
                .when().post("/verify")
                .then().statusCode(404).contentType(containsString("application/problem+json"))
                .body("detail", containsString("no-such-instruction"));
    }

    @Test
    void badRequestsAreClear400Problems() {
        given().contentType("application/json")
                .body(Map.of("functions", List.of(LOWER), "instructionId", "x", "responses", List.of("a")))
                .when().post("/verify")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("functions"));
        given().contentType("application/json")
                .body(Map.of("functions", List.of(LOWER), "responses", List.of()))
                .when().post("/verify")
                .then().statusCode(400).body("errors.field", hasItem("responses"));
        given().contentType("application/json")
                .body(Map.of("functions", List.of(LOWER), "responses", List.of("a".repeat(70_000))))
                .when().post("/verify")
                .then().statusCode(400).body("errors.field", hasItem("responses[0]"));
        given().contentType("application/json")
                .body("{\"functions\": [\"def evaluate(r):\\n  return True\"], \"responses\": [")
                .when().post("/verify")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("status", equalTo(400));
    }
}
