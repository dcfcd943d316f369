package dev.autoif.export.bench;

import io.quarkus.test.junit.QuarkusTest;

/** {@link PaperSizeBenchmark} on PostgreSQL (the module's test database, see TestInfrastructure). */
@QuarkusTest
class PaperSizeBenchmarkPostgres extends PaperSizeBenchmark {

    @Override
    String database() {
        return "PostgreSQL";
    }
}
