package dev.autoif.export.persistence;

import io.quarkus.test.junit.QuarkusTest;

/** {@link ExportReaderContract} on PostgreSQL. */
@QuarkusTest
class ExportReaderTest extends ExportReaderContract {
}
