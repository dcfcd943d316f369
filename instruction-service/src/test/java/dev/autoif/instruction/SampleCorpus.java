package dev.autoif.instruction;

import dev.autoif.contracts.CorpusAnnounced;
import dev.autoif.instruction.persistence.CorpusRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * No query service runs in these tests: the default corpus is made known at start, as its announcement on the
 * corpora topic would (CorpusCheckTest sends a real announcement).
 */
@ApplicationScoped
public class SampleCorpus {

    void onStart(@Observes StartupEvent event, CorpusRegistry corpora) {
        QuarkusTransaction.requiringNew().run(() -> corpora.remember(new CorpusAnnounced("sample", 500,
                Instant.now())));
    }
}
