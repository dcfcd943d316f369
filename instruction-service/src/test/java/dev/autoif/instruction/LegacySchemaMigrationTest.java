package dev.autoif.instruction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.autoif.testinfra.PreviousReleaseDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service starts on a database the previous release created (fixture {@code legacy/previous-release.sql}: its
 * Hibernate-made schema, no Flyway history, rows of a finished run): Flyway baselines it, applies what came after,
 * Hibernate validates the result, and the old rows read back unchanged.
 */
@QuarkusTest
@TestProfile(PreviousReleaseDatabase.class)
class LegacySchemaMigrationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void thePreviousReleasesRowsReadBackAfterTheMigration() throws SQLException {
        given().when().get("/runs/legacy-run-1").then().statusCode(200)
                .body("name", equalTo("legacy run"))
                .body("spec.seedInstructions", contains("Answer in lowercase letters only.", "Use at most 50 words."))
                .body("spec.parameters.judgeThreshold.value", equalTo(8.0f))
                .body("generation.functions", equalTo(4))
                // progress deltas stored before running totals existed are summed on the first read
                .body("llmCalls", equalTo(8))
                .body("funnel.find { it.stage == 'SELF_INSTRUCT' }.itemsOut", equalTo(2));
        given().when().get("/runs/legacy-run-1/instructions").then().statusCode(200)
                .body("instructionId", contains("ins-legacy-1")).body("[0].cases", equalTo(12));
        assertThat(column("select version from flyway_schema_history where success order by installed_rank"))
                .as("baselined at the previous release, then this release's migrations")
                .containsExactly("2026.12.01.50", "2026.12.01.51", "2026.12.01.60", "2026.12.01.70",
                        "2026.12.01.76", "2026.12.02.10");
        assertThat(column("select count(*) from instruction_round")).as("online DPO rounds, a new table")
                .containsExactly("0");
        assertThat(column("select corpusId from known_corpus")).as("the new table, with what SampleCorpus put there")
                .containsExactly("sample");
        assertThat(column("select id from processed_message")).contains("instruction-progress|legacy-message");
    }

    private List<String> column(String sql) throws SQLException {
        return PreviousReleaseDatabase.column(db, sql);
    }
}
