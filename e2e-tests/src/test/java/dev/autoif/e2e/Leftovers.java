package dev.autoif.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an earlier IT JVM could not stop because it was killed: its broker (found by the pid file under the IT's
 * data directory) and its databases (test-infra names them after the JVM's pid). Cleaned before a new start.
 */
final class Leftovers {

    private static final Pattern DB = Pattern.compile("autoif_e2e_tests_(\\d+)_[0-9a-f]+");

    private Leftovers() {
    }

    static void clean(Path root, Path data) {
        Path pidFile = data.resolve("kafka/kafka.pid");
        if (Files.isRegularFile(pidFile)) {
            try {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(h -> {
                    h.destroy();
                    h.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> {
                        h.destroyForcibly();
                        return h;
                    }).join();
                });
            } catch (IOException | NumberFormatException e) {
                // no readable pid: nothing to stop
            }
        }
        deleteTree(data);
        dropDatabasesOfDeadJvms();
    }

    private static void dropDatabasesOfDeadJvms() {
        String host = env("AUTOIF_TEST_PG_HOST", "127.0.0.1");
        String url = "jdbc:postgresql://" + host + ":" + env("AUTOIF_TEST_PG_PORT", "5432") + "/"
                + env("AUTOIF_TEST_PG_DB", "test");
        try (Connection c = DriverManager.getConnection(url, env("AUTOIF_TEST_PG_USER", "postgres"), "");
                Statement s = c.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select datname from pg_database where datname like 'autoif_e2e_tests_%'")) {
                while (rs.next()) {
                    Matcher m = DB.matcher(rs.getString(1));
                    if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            for (String db : stale) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            // PostgresResource reports an unreachable server clearly when the stack starts
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
