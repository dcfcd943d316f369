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

    /** Init argument: a classpath SQL script run in the new database before the service starts. */
    public static final String SCRIPT = "script";

    private String database;
    private String script;

    @Override
    public void init(Map<String, String> initArgs) {
        script = initArgs.get(SCRIPT);
    }

    @Override
    public Map<String, String> start() {
        database = uniqueName();
        admin("CREATE DATABASE " + database);
        if (script != null) {
            run(database, script);
        }
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

    /** Runs a script of statements, each ending with ';' at the end of a line ('--' lines are comments). */
    private static void run(String database, String resource) {
        String sql;
        try (java.io.InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no classpath resource " + resource);
            }
            sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), USER, "");
                Statement s = c.createStatement()) {
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(resource + " failed in " + database + ": " + e.getMessage(), e);
        }
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
