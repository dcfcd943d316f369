package dev.autoif.verifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.autoif.contracts.Verdict;
import dev.autoif.verifier.domain.CrossValidationReport;
import dev.autoif.verifier.domain.CrossValidationReport.CaseReport;
import dev.autoif.verifier.domain.CrossValidationReport.FunctionReport;
import dev.autoif.verifier.persistence.VerifiedInstructions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /cross-validations/{id}: each function's verdict per case and fate, stored as JSON, kept or dropped. */
@QuarkusTest
class CrossValidationEndpointTest {

    @Inject
    VerifiedInstructions store;

    @Test
    void aDroppedInstructionShowsEachFunctionsVerdictsAndFate() {
        String id = "cv-" + UUID.randomUUID();
        CrossValidationReport report = new CrossValidationReport(List.of(
                new FunctionReport("f1", "kept", 1.0, List.of(Verdict.PASS, Verdict.FAIL)),
                new FunctionReport("f2", "function-accuracy", 0.5, List.of(Verdict.PASS, Verdict.TIMEOUT)),
                new FunctionReport("f3", "function-syntax-error", null, List.of())),
                List.of(new CaseReport("HELLO", true, 1.0, true), new CaseReport("hello", false, 0.5, true)));
        QuarkusTransaction.requiringNew().run(() -> store.saveReport(id, "run-cv", "too-few-functions", report));
        // a redelivered record writes the same row again
        QuarkusTransaction.requiringNew().run(() -> store.saveReport(id, "run-cv", "too-few-functions", report));

        given().when().get("/cross-validations/" + id).then().statusCode(200)
                .body("instructionId", equalTo(id))
                .body("runId", equalTo("run-cv"))
                .body("outcome", equalTo("too-few-functions"))
                .body("functions.functionId", contains("f1", "f2", "f3"))
                .body("functions.outcome", contains("kept", "function-accuracy", "function-syntax-error"))
                .body("functions[1].accuracy", equalTo(0.5f))
                .body("functions[2].accuracy", nullValue())
                .body("functions[1].verdicts", contains("pass", "timeout"))
                .body("cases.input", contains("HELLO", "hello"))
                .body("cases.expected", contains(true, false))
                .body("cases.accuracy", contains(1.0f, 0.5f));
    }

    @Test
    void anInstructionNotSeenIs404ProblemJson() {
        given().when().get("/cross-validations/never-seen").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theEndpointIsDocumented() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/cross-validations/{instructionId}"));
    }
}
