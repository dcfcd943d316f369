package dev.autoif.verifier;

import dev.autoif.testinfra.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends ServiceEndpointsContract {
}
