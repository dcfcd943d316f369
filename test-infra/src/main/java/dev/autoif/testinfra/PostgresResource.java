package dev.autoif.testinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh database on the local PostgreSQL server (127.0.0.1:5432, trust auth) for each test suite, so suites
 * never see each other's rows; dropped when the suite ends. Host, port, user and admin database can be overridden
 * with AUTOIF_TEST_PG_HOST / _PORT / _USER / _DB.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = env("AUTOIF_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("AUTOIF_TEST_PG_PORT", "5432");
    private static final String USER = env("AUTOIF_TEST_PG_USER", "postgres");
    private static final String ADMIN_DB = env("AUTOIF_TEST_PG_DB", "test");

    private String database;

    @Override
    public Map<String, String> start() {
        database = uniqueName();
        admin("CREATE DATABASE " + database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (database != null) {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String uniqueName() {
        String module = System.getProperty("user.dir", "suite");
        module = module.substring(module.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        return "autoif_" + module + "_" + ProcessHandle.current().pid() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(ADMIN_DB), USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is needed for tests (" + sql
                    + "): " + e.getMessage() + ". Start it with: pg_ctlcluster 15 main start", e);
        }
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
