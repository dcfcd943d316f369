package dev.autoif.verifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import dev.autoif.contracts.ScoredFunction;
import dev.autoif.verifier.persistence.VerifiedInstruction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /verified-instructions/{id}: what cross-validation kept of one instruction, or 404. */
@QuarkusTest
class VerifiedInstructionEndpointTest {

    @Test
    void aKeptInstructionShowsItsFunctionsWithAccuracy() {
        String id = "vi-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            VerifiedInstruction row = new VerifiedInstruction();
            row.instructionId = id;
            row.runId = "run-vi";
            row.text = "Answer in lowercase.";
            row.functions = List.of(new ScoredFunction("f1", "def evaluate(r): return r.islower()", 1.0, false),
                    new ScoredFunction("f2", "def evaluate(r): return True", 0.75, true));
            row.verifiedAt = Instant.parse("2026-01-02T03:04:05Z");
            row.persist();
        });
        given().when().get("/verified-instructions/" + id).then().statusCode(200)
                .body("instructionId", equalTo(id))
                .body("runId", equalTo("run-vi"))
                .body("text", equalTo("Answer in lowercase."))
                .body("functions.functionId", contains("f1", "f2"))
                .body("functions.accuracy", contains(1.0f, 0.75f))
                .body("functions.constant", contains(false, true));
    }

    @Test
    void anInstructionCrossValidationDidNotKeepIs404ProblemJson() {
        given().when().get("/verified-instructions/never-kept").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theEndpointIsDocumented() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/verified-instructions/{instructionId}"));
    }
}
