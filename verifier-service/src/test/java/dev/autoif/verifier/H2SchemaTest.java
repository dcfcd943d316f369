package dev.autoif.verifier;

import dev.autoif.testinfra.H2Database;
import dev.autoif.testinfra.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** On H2 (the local default) the migrations apply and Hibernate validates the schema: the service is ready. */
@QuarkusTest
@TestProfile(H2Database.class)
class H2SchemaTest extends ServiceEndpointsContract {
}
