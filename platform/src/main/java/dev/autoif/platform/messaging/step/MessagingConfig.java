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

    /** The outbox relay. */
    Outbox outbox();

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
