package dev.autoif.platform.messaging.step;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code autoif.messaging.*}: the consumer step and its outbox, the same in every service. */
@ConfigMapping(prefix = "autoif.messaging")
public interface MessagingConfig {

    /**
     * How long a record waits for its run's spec, which travels on another topic and may arrive later. A record
     * whose run stays unknown goes to the dead-letter topic.
     */
    @WithDefault("60s")
    Duration runSpecWait();

    /**
     * A record whose work meets an unavailable database (connection refused or lost, pool exhausted, too many
     * clients) is processed again, after a backoff that starts here and doubles up to
     * {@link #databaseRetryMaxBackoff}, for as long as {@link #databaseOutageLimit}: an outage costs time, not
     * records. Meanwhile the service reports not ready ({@link DatabaseOutage}).
     */
    @WithDefault("1s")
    Duration databaseRetryBackoff();

    @WithDefault("30s")
    Duration databaseRetryMaxBackoff();

    /**
     * How long one record waits for the database before it goes to the dead-letter topic after all. Keep it below
     * {@code mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms} (1 h), past which the
     * channel itself reports a record stuck.
     */
    @WithDefault("20m")
    Duration databaseOutageLimit();

    /** The outbox relay. */
    Outbox outbox();

    /**
     * How long one broker round trip of the dead-letter endpoints ({@code /admin/dead-letters}) may take before the
     * call answers 503.
     */
    @WithDefault("10s")
    Duration deadLetterTimeout();

    interface Outbox {

        /** How often the relay looks for committed records that were not sent (after a crash or a broker outage). */
        @WithDefault("5s")
        Duration sweepInterval();

        /**
         * Only records older than this are swept: younger ones are on their way through the fast path of the
         * process (or of another replica) that committed them.
         */
        @WithDefault("30s")
        Duration sweepMinAge();

        /** Records read per sweep and deleted per statement. */
        @WithDefault("500")
        int batchSize();

        /** Wait before the relay tries again after the broker refused or timed out. */
        @WithDefault("2s")
        Duration retryBackoff();
    }
}
