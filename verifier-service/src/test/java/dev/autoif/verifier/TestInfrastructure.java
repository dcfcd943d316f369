package dev.autoif.verifier;

import dev.autoif.testinfra.KafkaResource;
import dev.autoif.testinfra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this service runs against the real Kafka broker and its own PostgreSQL database. */
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
