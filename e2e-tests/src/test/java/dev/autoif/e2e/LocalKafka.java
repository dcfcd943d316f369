package dev.autoif.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The standalone KRaft broker of {@code deploy/local/kafka.sh} (the one local runs use), with its state under the
 * IT's own data directory and on free ports, so it never meets a local run's broker.
 */
final class LocalKafka implements AutoCloseable {

    private final Path root;
    private final Map<String, String> env;
    private final Path pidFile;
    private final int port;

    private LocalKafka(Path root, Map<String, String> env, Path pidFile, int port) {
        this.root = root;
        this.env = env;
        this.pidFile = pidFile;
        this.port = port;
    }

    static LocalKafka start(Path root, Path dataDir, Path logDir) {
        int port = Ports.free();
        int controller = Ports.free();
        Map<String, String> env = Map.of("AUTOIF_DATA", dataDir.toString(),
                "AUTOIF_KAFKA_PORT", Integer.toString(port),
                "AUTOIF_KAFKA_CONTROLLER_PORT", Integer.toString(controller),
                "JAVA_HOME", System.getProperty("java.home"));
        LocalKafka kafka = new LocalKafka(root, env, dataDir.resolve("kafka/kafka.pid"), port);
        int rc = kafka.script("start", logDir.resolve("kafka-script.log"));
        if (rc != 0) {
            kafka.close();
            throw new IllegalStateException("deploy/local/kafka.sh start failed (" + rc + "), see "
                    + logDir.resolve("kafka-script.log") + " and " + dataDir.resolve("kafka/kafka.out"));
        }
        return kafka;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private int script(String verb, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(List.of("bash", root.resolve("deploy/local/kafka.sh").toString(),
                    verb)).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        // The script's broker is not our child: stop it through the script, then make sure by its pid.
        Optional<ProcessHandle> broker = pid().flatMap(ProcessHandle::of);
        script("stop", pidFile.getParent().resolve("stop.log"));
        broker.ifPresent(h -> {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        });
    }

    private Optional<Long> pid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
