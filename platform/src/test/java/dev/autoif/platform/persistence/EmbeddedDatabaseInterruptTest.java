package dev.autoif.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default database (H2 file) survives a thread that is interrupted while it reads: with H2's plain file
 * system the interrupt closes the store's shared file channel and every later statement of every connection fails
 * ("Reading from file ... failed"), which is how a paper-size run lost instruction-service's database.
 */
class EmbeddedDatabaseInterruptTest {

    @TempDir
    Path dir;

    @Test
    void theConfiguredUrlKeepsTheStoreAliveAfterAnInterruptedRead() throws Exception {
        String configured = defaultUrl();
        assertThat(configured).startsWith("jdbc:h2:retry:");
        String url = configured.replace("./data/${quarkus.application.name}/db", dir.resolve("retry/db").toString());
        assertThat(url).doesNotContain("${");
        assertThat(writesAfterInterruptedReads(url + ";CACHE_SIZE=64")).isEqualTo(5);
    }

    @Test
    void withThePlainFileSystemTheSameInterruptKillsTheStore() throws Exception {
        // the control: proves the scenario above really interrupts a read of the file
        assertThat(writesAfterInterruptedReads("jdbc:h2:file:" + dir.resolve("plain/db") + ";CACHE_SIZE=64"))
                .isZero();
    }

    /** Holds the database open, fills it well beyond the cache, then 5 times: an interrupted read, then a write. */
    private static int writesAfterInterruptedReads(String url) throws Exception {
        try (Connection keeper = DriverManager.getConnection(url)) {
            keeper.createStatement().execute("create table t (id int primary key, v varchar(1000))");
            try (PreparedStatement p = keeper.prepareStatement("insert into t values (?, ?)")) {
                for (int i = 0; i < 20_000; i++) {
                    p.setInt(1, i);
                    p.setString(2, "x".repeat(500) + i);
                    p.addBatch();
                }
                p.executeBatch();
            }
            // on disk, so that the reads below go to the file, not the cache
            keeper.createStatement().execute("checkpoint");
            int writes = 0;
            for (int k = 0; k < 5; k++) {
                int mod = k;
                Thread reader = Thread.ofVirtual().start(() -> {
                    Thread.currentThread().interrupt();
                    try (Connection c = DriverManager.getConnection(url);
                            ResultSet r = c.createStatement().executeQuery(
                                    "select sum(length(v)) from t where mod(id, 5) = " + mod)) {
                        r.next();
                    } catch (SQLException expected) {
                        // the interrupted reader itself may fail; what matters is everyone else
                    }
                });
                reader.join();
                try (Connection c = DriverManager.getConnection(url)) {
                    c.createStatement().execute("insert into t values (" + (1_000_000 + k) + ", 'after')");
                    writes++;
                } catch (SQLException e) {
                    // the store is dead
                }
            }
            return writes;
        }
    }

    static String defaultUrl() throws IOException {
        Properties p = new Properties();
        try (InputStream in = EmbeddedDatabaseInterruptTest.class.getResourceAsStream(
                "/META-INF/microprofile-config.properties")) {
            p.load(in);
        }
        return p.getProperty("quarkus.datasource.jdbc.url");
    }
}
