package dev.autoif.testinfra;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * A test profile that runs the service on an in-memory H2 database (the local default) instead of PostgreSQL, with
 * the broker and the LLM simulator as usual: the service's Flyway migrations must apply on H2 and Hibernate must
 * validate the result, as on PostgreSQL.
 */
public class H2Database implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "h2",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:autoif-h2-check;DB_CLOSE_DELAY=-1",
                "quarkus.datasource.username", "sa", "quarkus.datasource.password", "");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaResource.class), new TestResourceEntry(LlmSimulatorResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
