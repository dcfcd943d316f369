package dev.autoif.e2e;

import dev.autoif.llmsim.LlmSimulator;
import dev.autoif.llmsim.SimulatorOptions;
import dev.autoif.testinfra.PostgresResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole system on this machine: the standalone broker, the LLM simulator (in this JVM, fixed seed), one fresh
 * PostgreSQL database per service and the six packaged services as their own processes on free ports. Closing it
 * stops everything it started, in reverse order, whatever failed before; each service's log stays in
 * {@code target/e2e/logs}.
 */
final class Stack implements AutoCloseable {

    static final String LLM_KEY = "e2e-key";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<Service, ManagedProcess> services = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, Launch> launches = new EnumMap<>(Service.class);
    /** Each service's own database: JDBC URL and user. */
    private final Map<Service, Map<String, String>> databases = new EnumMap<>(Service.class);
    private LlmSimulator simulator;
    private String kafkaBootstrap;
    private ManagedProcess dashboard;
    private int dashboardPort;

    private Stack() {
    }

    static Stack start(Path root, Path work, long simulatorSeed, Duration readyWithin) {
        Stack stack = new Stack();
        try {
            stack.boot(root, work, simulatorSeed, readyWithin);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void boot(Path root, Path work, long simulatorSeed, Duration readyWithin) {
        Leftovers.clean(root, work.resolve("data"));
        Path logs = work.resolve("logs");
        long t0 = System.nanoTime();
        Map<Service, Path> jars = packageAll(root, work.resolve("apps"));
        System.out.printf("e2e: services packaged for PostgreSQL in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);

        LocalKafka kafka = LocalKafka.start(root, work.resolve("data"), logs);
        started.push(kafka);
        kafkaBootstrap = kafka.bootstrapServers();

        simulator = LlmSimulator.start(SimulatorOptions.defaults().withSeed(simulatorSeed).withApiKey(LLM_KEY));
        started.push(simulator);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (Service s : Service.values()) {
            PostgresResource db = new PostgresResource();
            Map<String, String> dbConfig = db.start();
            started.push(db::stop);
            databases.put(s, dbConfig);
            int port = Ports.free();
            ports.put(s, port);
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            // the same value the app was re-augmented with, so the runtime config agrees with the build
            env.put("QUARKUS_DATASOURCE_DB_KIND", "postgresql");
            env.put("QUARKUS_DATASOURCE_JDBC_URL", dbConfig.get("quarkus.datasource.jdbc.url"));
            env.put("QUARKUS_DATASOURCE_USERNAME", dbConfig.get("quarkus.datasource.username"));
            env.put("AUTOIF_LLM_BASE_URL", simulator.baseUrl());
            env.put("OPENAI_BASE_URL", simulator.baseUrl());
            env.put("OPENAI_API_KEY", LLM_KEY);
            env.put("AUTOIF_API_KEY", null);
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                    "--enable-native-access=ALL-UNNAMED"));
            if (Boolean.getBoolean("autoif.e2e.profile")) {
                // a flight recording per service process (for benchmarks): logs/<module>-<pid>.jfr
                cmd.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                        + logs.resolve(s.module + "-%p.jfr"));
            }
            cmd.addAll(List.of("-jar", jars.get(s).toString()));
            Launch launch = new Launch(cmd, env, work.resolve("run").resolve(s.module), logs);
            launches.put(s, launch);
            ManagedProcess p = launch.start(s, s.module + ".log");
            started.push(p);
            services.put(s, p);
        }
        awaitReady(List.of(Service.values()), readyWithin);
    }

    /** Re-augments the services two at a time (CPU-bound; the machine is small). */
    private static Map<Service, Path> packageAll(Path root, Path apps) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<Service, Future<Path>> futures = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                futures.put(s, pool.submit(() -> PostgresPackager.packageForPostgres(root, s.module,
                        apps.resolve(s.module))));
            }
            Map<Service, Path> jars = new EnumMap<>(Service.class);
            for (var e : futures.entrySet()) {
                jars.put(e.getKey(), e.getValue().get());
            }
            return jars;
        } catch (Exception e) {
            throw new IllegalStateException("packaging the services for PostgreSQL failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** How a service was started, to start it again after a kill. */
    private record Launch(List<String> command, Map<String, String> env, Path workDir, Path logs) {
        ManagedProcess start(Service s, String logName) {
            return ManagedProcess.start(s.module, command, env, workDir, logs.resolve(logName));
        }
    }

    /** SIGSTOP: the service holds its state and uses no CPU until {@link #resume}. */
    void pause(Service s) {
        services.get(s).signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    void resume(Service s) {
        services.get(s).signal("CONT");
    }

    /** {@code kill -9} of a service: no shutdown hook, no commit, no flush. */
    void kill(Service s) {
        services.get(s).kill();
    }

    /**
     * A graceful stop (SIGTERM, waits for the exit): the service leaves its consumer groups, so a restart gets its
     * partitions at once (after a kill the broker waits the session timeout, 45 s, before it hands them on).
     */
    void stop(Service s) {
        services.get(s).close();
    }

    /** CPU time each running service has used so far. */
    Map<Service, Duration> cpu() {
        Map<Service, Duration> out = new EnumMap<>(Service.class);
        services.forEach((s, p) -> out.put(s, p.cpu()));
        return out;
    }

    /** Starts a killed service again, same port, database and configuration, and waits until it is ready. */
    void restart(Service s, Duration readyWithin) {
        restart(s, readyWithin, Map.of());
    }

    /** As {@link #restart(Service, Duration)}, with environment variables added to (or replacing) its own. */
    void restart(Service s, Duration readyWithin, Map<String, String> extraEnv) {
        Launch base = launches.get(s);
        Map<String, String> env = new HashMap<>(base.env());
        env.putAll(extraEnv);
        Launch launch = new Launch(base.command(), env, base.workDir(), base.logs());
        ManagedProcess p = launch.start(s, s.module + ".restart-" + System.currentTimeMillis() + ".log");
        started.push(p);
        services.put(s, p);
        awaitReady(List.of(s), readyWithin);
    }

    private void awaitReady(List<Service> services, Duration within) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(within);
        List<Service> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (Service s : List.copyOf(waiting)) {
                ManagedProcess p = this.services.get(s);
                if (!p.alive()) {
                    throw new IllegalStateException(s.module + " exited during start-up; log " + p.log() + ":\n"
                            + p.tail(40));
                }
                if (ready(http, s)) {
                    waiting.remove(s);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                StringBuilder b = new StringBuilder("not ready within " + within + ":");
                for (Service s : waiting) {
                    b.append("\n--- ").append(s.module).append(" (").append(this.services.get(s).log()).append(")\n")
                            .append(this.services.get(s).tail(25));
                }
                throw new IllegalStateException(b.toString());
            }
            sleep(1000);
        }
    }

    private boolean ready(HttpClient http, Service s) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url(s) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Starts the packaged dashboard (no database, so no re-augmentation) pointed at the six services and waits for it
     * to be ready; {@link #close()} stops it with the rest.
     */
    synchronized String startDashboard(Path root, Path work, Duration readyWithin) {
        Path jar = root.resolve("dashboard/target/quarkus-app/quarkus-run.jar");
        if (!java.nio.file.Files.isRegularFile(jar)) {
            throw new IllegalStateException("the dashboard is not packaged: " + jar + " is missing");
        }
        dashboardPort = Ports.free();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(dashboardPort));
        for (Service s : Service.values()) {
            String name = s.module.substring(0, s.module.indexOf('-')).toUpperCase(java.util.Locale.ROOT);
            env.put("AUTOIF_DASHBOARD_SERVICES_" + name, url(s));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        dashboard = ManagedProcess.start("dashboard", List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                jar.toString()), env, work.resolve("run").resolve("dashboard"),
                work.resolve("logs").resolve("dashboard.log"));
        started.push(dashboard);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(readyWithin);
        while (true) {
            if (!dashboard.alive()) {
                throw new IllegalStateException("dashboard exited during start-up:\n" + dashboard.tail(40));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(dashboardUrl() + "q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return dashboardUrl();
                }
            } catch (Exception e) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("dashboard not ready within " + readyWithin + ":\n"
                        + dashboard.tail(25));
            }
            sleep(500);
        }
    }

    /** The dashboard's page, ending in a slash. */
    String dashboardUrl() {
        return "http://127.0.0.1:" + dashboardPort + "/";
    }

    /** A single number from a service's own database, e.g. a count of rows of a table it owns. */
    long count(Service s, String sql) {
        Map<String, String> db = databases.get(s);
        try (Connection c = DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"),
                db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"));
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(s + "'s database: " + sql + ": " + e.getMessage(), e);
        }
    }

    String url(Service s) {
        return "http://127.0.0.1:" + ports.get(s);
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    LlmSimulator simulator() {
        return simulator;
    }

    /** Services that died while the run was going: a clear failure instead of a timeout. */
    List<String> deadServices() {
        List<String> dead = new ArrayList<>();
        services.forEach((s, p) -> {
            if (!p.alive()) {
                dead.add(s.module + " (log " + p.log() + "):\n" + p.tail(30));
            }
        });
        return dead;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Idempotent; the test's @AfterAll and the JVM shutdown hook may both call it. */
    @Override
    public synchronized void close() {
        // every service gets SIGTERM at once: a graceful Quarkus stop takes seconds each on a busy machine
        services.values().forEach(ManagedProcess::requestStop);
        if (dashboard != null) {
            dashboard.requestStop();
        }
        RuntimeException first = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("stopping the stack: " + e.getMessage(), e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
