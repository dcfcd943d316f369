package dev.autoif.export.persistence;

import dev.autoif.testinfra.H2Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ExportReaderContract} on H2, the local default. */
@QuarkusTest
@TestProfile(H2Database.class)
class ExportReaderH2Test extends ExportReaderContract {
}
