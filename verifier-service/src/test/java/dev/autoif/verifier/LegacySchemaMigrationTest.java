package dev.autoif.verifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.autoif.testinfra.PreviousReleaseDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service starts on a database the previous release created (fixture {@code legacy/previous-release.sql}: its
 * Hibernate-made schema, no Flyway history, a kept instruction whose functions are a PostgreSQL large object): Flyway
 * baselines it, applies what came after (the functions become JSON text), Hibernate validates the result, and the old
 * row reads back unchanged, with its large object gone.
 */
@QuarkusTest
@TestProfile(PreviousReleaseDatabase.class)
class LegacySchemaMigrationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void thePreviousReleasesKeptFunctionsReadBackAfterTheMigration() throws SQLException {
        given().when().get("/verified-instructions/legacy-ins-1").then().statusCode(200)
                .body("runId", equalTo("legacy-run-1"))
                .body("text", equalTo("Answer in lowercase letters only."))
                .body("functions.functionId", contains("legacy-f1", "legacy-f2"))
                .body("functions[1].code", containsString("'É' not in response"))
                .body("functions.accuracy", contains(1.0f, 0.75f));
        given().contentType("application/json")
                .body(Map.of("instructionId", "legacy-ins-1", "responses", List.of("fine", "NOT FINE")))
                .when().post("/verify").then().statusCode(200)
                .body("results.passRate", contains(1.0f, 0.5f));
        assertThat(column("select version from flyway_schema_history where success order by version"))
                .as("baselined at the previous release, then this release's migrations")
                .containsExactly("2026.12.01.50", "2026.12.01.60", "2026.12.01.70", "2026.12.01.76",
                        "2026.12.02.20");
        assertThat(column("select data_type from information_schema.columns"
                + " where table_name = 'verified_instruction' and column_name = 'functionsjson'"))
                .containsExactly("text");
        assertThat(column("select count(*) from pg_largeobject_metadata"))
                .as("the functions' large object is unlinked; only the instruction text's remains")
                .containsExactly("1");
        assertThat(column("select id from processed_message")).contains("cross-validation|legacy-message");
    }

    private List<String> column(String sql) throws SQLException {
        return PreviousReleaseDatabase.column(db, sql);
    }
}
