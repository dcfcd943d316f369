package dev.autoif.export.bench;

import dev.autoif.testinfra.H2Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;

/** {@link PaperSizeBenchmark} on an H2 file database, as deploy/local runs the service. */
@QuarkusTest
@TestProfile(PaperSizeBenchmarkH2.H2File.class)
class PaperSizeBenchmarkH2 extends PaperSizeBenchmark {

    @Override
    String database() {
        return "H2 (file)";
    }

    /** The H2 profile with the local runs' file database (a fresh one per benchmark run) instead of memory. */
    public static class H2File extends H2Database {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.datasource.jdbc.url", "jdbc:h2:retry:./target/benchmark/h2-" + ProcessHandle.current()
                    .pid() + "/db");
            return config;
        }
    }
}
