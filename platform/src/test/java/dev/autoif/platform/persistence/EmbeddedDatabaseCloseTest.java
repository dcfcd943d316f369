package dev.autoif.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database stays open when its last connection closes (the pool drops idle connections): by default H2
 * closes it then, and a stage that had been idle met "The database has been closed" on its next records. A table that
 * is NOT PERSISTENT keeps its rows only in the open database, so its rows show whether it was closed in between.
 */
class EmbeddedDatabaseCloseTest {

    @TempDir
    Path dir;

    @Test
    void theConfiguredUrlKeepsTheDatabaseOpenWithoutConnections() throws Exception {
        String url = EmbeddedDatabaseInterruptTest.defaultUrl().replace("./data/${quarkus.application.name}/db",
                dir.resolve("kept/db").toString());
        assertThat(rowsAfterTheLastConnectionClosed(url)).isEqualTo(1);
    }

    @Test
    void withoutTheCloseDelayTheDatabaseClosesWithItsLastConnection() throws Exception {
        // the control: H2's default closes it, and the in-memory rows are gone
        assertThat(rowsAfterTheLastConnectionClosed("jdbc:h2:retry:" + dir.resolve("closed/db"))).isZero();
    }

    private static int rowsAfterTheLastConnectionClosed(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("create memory table t (id int primary key) not persistent");
            c.createStatement().execute("insert into t values (1)");
        }
        try (Connection c = DriverManager.getConnection(url);
                ResultSet r = c.createStatement().executeQuery("select count(*) from t")) {
            r.next();
            return r.getInt(1);
        } finally {
            // a database kept open would outlive the test's directory
            try (Connection c = DriverManager.getConnection(url)) {
                c.createStatement().execute("shutdown");
            }
        }
    }
}
