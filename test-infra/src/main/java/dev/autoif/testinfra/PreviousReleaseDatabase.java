package dev.autoif.testinfra;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A test profile that starts the service on a PostgreSQL database the previous release created: the service's
 * fixture {@value #SCRIPT} (that release's Hibernate-made schema, no Flyway history, some rows), with the broker and
 * the LLM simulator as usual. A service's {@code LegacySchemaMigrationTest} reads the old rows back after Flyway has
 * baselined and migrated the database.
 */
public class PreviousReleaseDatabase implements QuarkusTestProfile {

    /** The classpath fixture each service's test resources hold. */
    public static final String SCRIPT = "legacy/previous-release.sql";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaResource.class), new TestResourceEntry(LlmSimulatorResource.class),
                new TestResourceEntry(PostgresResource.class, Map.of(PostgresResource.SCRIPT, SCRIPT)));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    /** The first column of every row {@code sql} selects, as text. */
    public static List<String> column(DataSource db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}
