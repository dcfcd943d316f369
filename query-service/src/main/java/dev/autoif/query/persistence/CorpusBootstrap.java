package dev.autoif.query.persistence;

import dev.autoif.platform.http.ProblemException;
import dev.autoif.query.config.QueryConfig;
import dev.autoif.query.domain.CorpusFormat;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Loads the configured corpora ({@code autoif.query.corpora.<id>.path}) at start-up, once: a corpus already stored
 * completely is not read again, so restarts are cheap and ids stay stable. A missing or unusable file is logged and
 * skipped; it does not stop the service.
 */
@ApplicationScoped
public class CorpusBootstrap {

    private static final Logger LOG = Logger.getLogger(CorpusBootstrap.class);
    private static final String CLASSPATH = "classpath:";

    void onStart(@Observes StartupEvent event, CorpusLoader loader, QueryConfig config) {
        for (Map.Entry<String, QueryConfig.CorpusSource> e : config.corpora().entrySet()) {
            load(loader, e.getKey(), e.getValue());
        }
        loader.announceAll();
    }

    private static void load(CorpusLoader loader, String id, QueryConfig.CorpusSource source) {
        if (loader.isLoaded(id)) {
            LOG.debugf("corpus %s already loaded", id);
            return;
        }
        Optional<CorpusFormat> format = source.format().flatMap(CorpusFormat::parse);
        try (InputStream in = open(source.path())) {
            loader.upload(id, format, in, source.path());
        } catch (ProblemException e) {
            if (e.status() == 409) {
                LOG.infof("corpus %s is being loaded by another instance", id);
            } else {
                LOG.errorf("corpus %s could not be loaded from %s: %s", id, source.path(), e.getMessage());
            }
        } catch (IOException e) {
            LOG.errorf("corpus %s could not be loaded from %s: %s", id, source.path(), e.getMessage());
        }
    }

    private static InputStream open(String path) throws IOException {
        if (path.startsWith(CLASSPATH)) {
            String resource = path.substring(CLASSPATH.length());
            InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            return in;
        }
        return Files.newInputStream(Path.of(path));
    }
}
