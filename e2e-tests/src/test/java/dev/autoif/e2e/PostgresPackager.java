package dev.autoif.e2e;

import io.quarkus.bootstrap.app.AugmentResult;
import io.quarkus.bootstrap.app.CuratedApplication;
import io.quarkus.bootstrap.app.QuarkusBootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Properties;

/**
 * Packages a service for PostgreSQL. The reactor packages every service for its embedded default (H2 files), and
 * {@code quarkus.datasource.db-kind} is a build-time property: a packaged H2 app ignores a PostgreSQL URL. So the
 * IT re-augments each service from its compiled classes with {@code db-kind=postgresql}, exactly as the production
 * images are built ({@code -Dquarkus.datasource.db-kind=postgresql}), into {@code target/apps/<service>}. An output
 * newer than the service's own package is reused.
 */
final class PostgresPackager {

    private PostgresPackager() {
    }

    /** The {@code quarkus-run.jar} of the PostgreSQL build of {@code service}. */
    static Path packageForPostgres(Path root, String service, Path outDir) {
        Path module = root.resolve(service);
        Path classes = module.resolve("target/classes");
        Path reference = module.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(reference) || !Files.isDirectory(classes)) {
            throw new IllegalStateException(service + " is not packaged (no " + reference + "): build the reactor"
                    + " first, e.g. ./mvnw -B verify");
        }
        Path runJar = outDir.resolve("quarkus-app/quarkus-run.jar");
        if (Files.isRegularFile(runJar) && modified(runJar).compareTo(modified(reference)) > 0) {
            return runJar;
        }
        Properties build = new Properties();
        build.setProperty("quarkus.datasource.db-kind", "postgresql");
        QuarkusBootstrap bootstrap = QuarkusBootstrap.builder()
                .setApplicationRoot(classes)
                .setProjectRoot(module)
                .setTargetDirectory(outDir)
                .setBaseName(service)
                .setLocalProjectDiscovery(true)
                .setOffline(true)
                .setIsolateDeployment(true)
                .setMode(QuarkusBootstrap.Mode.PROD)
                .setBuildSystemProperties(build)
                .build();
        try (CuratedApplication app = bootstrap.bootstrap()) {
            AugmentResult result = app.createAugmentor().createProductionApplication();
            if (result.getJar() == null || !Files.isRegularFile(runJar)) {
                throw new IllegalStateException("re-augmenting " + service + " produced no " + runJar);
            }
            return runJar;
        } catch (Exception e) {
            throw new IllegalStateException("could not package " + service + " for PostgreSQL: " + e, e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
