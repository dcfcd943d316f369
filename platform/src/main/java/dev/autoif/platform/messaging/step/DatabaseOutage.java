package dev.autoif.platform.messaging.step;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The records that wait for an unavailable database (connections refused, the pool exhausted, a fail-over) instead
 * of being dead-lettered: the consumer step {@linkplain #enter enters} one here while it retries its record and
 * {@linkplain #leave leaves} once the record is through or given up. While any waits, the service's readiness
 * ({@code /q/health/ready}, check {@code consumer-database}) is DOWN with, per consumer, how many records wait and
 * since when, so an operator or Kubernetes sees the outage; the gauge {@code autoif.consumer.database.waiting}
 * counts them.
 */
@ApplicationScoped
public class DatabaseOutage {

    static final String CHECK = "consumer-database";

    private final Map<String, Integer> waiting = new TreeMap<>();
    private final Clock clock;
    private Instant since;
    private int total;

    @Inject
    public DatabaseOutage(MeterRegistry meters) {
        this(meters, Clock.systemUTC());
    }

    DatabaseOutage(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        meters.gauge("autoif.consumer.database.waiting", this, DatabaseOutage::waitingRecords);
    }

    /** A record of {@code consumer} waits for the database. */
    public synchronized void enter(String consumer) {
        waiting.merge(consumer, 1, Integer::sum);
        if (total++ == 0) {
            since = clock.instant();
        }
    }

    /** A record that {@linkplain #enter waited} is through, or given up. */
    public synchronized void leave(String consumer) {
        if (waiting.merge(consumer, -1, Integer::sum) <= 0) {
            waiting.remove(consumer);
        }
        if (--total <= 0) {
            total = 0;
            since = null;
        }
    }

    public synchronized int waitingRecords() {
        return total;
    }

    /** The readiness check's answer (served by {@link Check}). */
    public synchronized HealthCheckResponse check() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named(CHECK).status(total == 0);
        if (total > 0) {
            b.withData("since", since.toString());
            waiting.forEach((consumer, n) -> b.withData(consumer, n));
        }
        return b.build();
    }

    /** {@code /q/health/ready}'s check: {@link DatabaseOutage#check()}. */
    @Readiness
    @ApplicationScoped
    public static class Check implements HealthCheck {

        private final DatabaseOutage outage;

        public Check(DatabaseOutage outage) {
            this.outage = outage;
        }

        @Override
        public HealthCheckResponse call() {
            return outage.check();
        }
    }
}
