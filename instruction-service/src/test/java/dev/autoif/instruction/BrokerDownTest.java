package dev.autoif.instruction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.instruction.persistence.RunStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The broker is away for run specs: the runs-out channel points at a port nobody listens on (the shared in-JVM
 * broker keeps serving the other suites). Submitting and cancelling answer 503 within the publish timeout and leave
 * nothing behind; reading a run still answers from the database.
 */
@QuarkusTest
@TestProfile(BrokerDownTest.NoBrokerForSpecs.class)
class BrokerDownTest {

    public static class NoBrokerForSpecs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.runs-out.bootstrap.servers", "127.0.0.1:9",
                    "autoif.instruction.publish-timeout", "3s",
                    "mp.messaging.outgoing.runs-out.max.block.ms", "2000",
                    "mp.messaging.outgoing.runs-out.request.timeout.ms", "1500",
                    "mp.messaging.outgoing.runs-out.delivery.timeout.ms", "2000");
        }
    }

    private static final Duration BOUND = Duration.ofSeconds(8);

    @Inject
    RunStore store;

    @Test
    void submitIs503InBoundedTimeAndStoresNothing() {
        long before = total();
        Instant start = Instant.now();
        given().contentType(ContentType.JSON).body("{\"name\": \"no broker\", \"seedInstructions\": [\"Be brief.\"]}")
                .when().post("/runs").then().statusCode(503).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(503)).header("Retry-After", notNullValue());
        Duration took = Duration.between(start, Instant.now());
        System.out.printf("POST /runs with the broker away answered 503 in %d ms (publish timeout 3 s)%n",
                took.toMillis());
        assertThat(took).isLessThan(BOUND);
        assertThat(total()).as("no phantom run").isEqualTo(before);
    }

    @Test
    void cancelIs503AndChangesNothingWhileReadsStillAnswer() {
        RunSpec spec = new RunSpec("stored-" + System.nanoTime(), "stored", List.of("Be brief."),
                RunParameters.defaults(), "sample", false, Instant.now());
        store.create(spec);
        Instant start = Instant.now();
        given().when().post("/runs/" + spec.runId() + "/cancel").then().statusCode(503)
                .contentType(startsWith("application/problem+json"));
        assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
        given().when().get("/runs/" + spec.runId()).then().statusCode(200).body("spec.cancelled", equalTo(false));
    }

    private static long total() {
        return ((Number) given().when().get("/runs").then().statusCode(200).extract().path("total")).longValue();
    }
}
