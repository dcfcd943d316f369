package dev.autoif.instruction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Topics;
import dev.autoif.instruction.persistence.RunStore;
import dev.autoif.instruction.persistence.StoredRun;
import dev.autoif.testinfra.KafkaResource;
import dev.autoif.testinfra.LlmSimulatorResource;
import dev.autoif.testinfra.ProxiedPostgresResource;
import dev.autoif.testinfra.TcpProxy;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away while the service runs (a proxy in front of PostgreSQL cuts every connection and refuses
 * new ones): submitting, changing a budget and cancelling answer 503 problem+json with Retry-After, within the pool's
 * acquisition timeout, not a 500; once the database is back nothing of the refused requests is stored or published,
 * and a new submission works.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.ProxiedDatabase.class)
class DatabaseDownTest {

    public static class ProxiedDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "3S",
                    "quarkus.datasource.jdbc.login-timeout", "2S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaResource.class),
                    new TestResourceEntry(LlmSimulatorResource.class),
                    new TestResourceEntry(ProxiedPostgresResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** Generous: the acquisition timeout is 3 s; the figure is printed, not asserted tightly. */
    private static final Duration BOUND = Duration.ofSeconds(15);

    TcpProxy database;

    @Inject
    RunStore store;

    @AfterEach
    void restore() {
        database.restore();
    }

    @Test
    void mutatingRequestsAre503AndLeaveNothingBehind() {
        RunSpec stored = new RunSpec("db-down-" + System.nanoTime(), "stored", List.of("Be brief."),
                RunParameters.defaults(), "sample", false, Instant.now());
        store.create(stored);
        long before = store.count();
        String name = "refused-" + System.nanoTime();

        database.cut();
        unavailable("POST /runs", () -> given().contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"seedInstructions\": [\"Be brief.\"]}").when().post("/runs")
                .then());
        unavailable("PATCH /runs/{id}", () -> given().contentType(ContentType.JSON).body("{\"maxCostUsd\": 3.5}")
                .when().patch("/runs/" + stored.runId()).then());
        unavailable("POST /runs/{id}/cancel", () -> given().when().post("/runs/" + stored.runId() + "/cancel")
                .then());
        unavailable("GET /runs/{id}", () -> given().when().get("/runs/" + stored.runId()).then());
        database.restore();

        assertThat(store.count()).as("no run from the refused submission").isEqualTo(before);
        StoredRun after = store.find(stored.runId()).orElseThrow();
        assertThat(after.spec().maxCostUsd()).as("budget unchanged").isNull();
        assertThat(after.spec().cancelled()).as("not cancelled").isFalse();
        assertThat(TopicProbe.read(Topics.RUNS, 1, r -> r.value().contains(name) || (stored.runId().equals(r.key())),
                Duration.ofSeconds(3))).as("nothing of the refused requests on the runs topic").isEmpty();

        given().contentType(ContentType.JSON).body("{\"name\": \"after the outage\", \"seedInstructions\": [\"Be"
                + " brief.\"]}").when().post("/runs").then().statusCode(201).body("runId", notNullValue());
        assertThat(store.count()).isEqualTo(before + 1);
    }

    private static void unavailable(String what, Supplier<ValidatableResponse> request) {
        Instant start = Instant.now();
        ValidatableResponse r = request.get();
        Duration took = Duration.between(start, Instant.now());
        System.out.printf("%s with the database away answered %d in %d ms (acquisition timeout 3 s)%n", what,
                r.extract().statusCode(), took.toMillis());
        r.statusCode(503).contentType(startsWith("application/problem+json")).body("status", equalTo(503))
                .header("Retry-After", notNullValue());
        assertThat(took).isLessThan(BOUND);
    }
}
