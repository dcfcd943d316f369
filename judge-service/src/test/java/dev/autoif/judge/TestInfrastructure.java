package dev.autoif.judge;

import dev.autoif.testinfra.KafkaResource;
import dev.autoif.testinfra.LlmSimulatorResource;
import dev.autoif.testinfra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every @QuarkusTest of this service runs against the real Kafka broker, its own PostgreSQL database and the LLM
 * simulator playing the judge (drive it with {@link dev.autoif.testinfra.SimulatorControl}).
 */
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(LlmSimulatorResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
