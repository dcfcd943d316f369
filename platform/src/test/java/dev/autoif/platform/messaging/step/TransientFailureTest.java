package dev.autoif.platform.messaging.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.InvalidMessageException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures the consumer step retries instead of dead-lettering the record at once. */
class TransientFailureTest {

    @Test
    void anUnreachableOrOverloadedDatabaseIsTransient() {
        // PostgreSQL "too many clients already" is SQL state 53300; connection failures are class 08
        assertThat(ConsumerStep.transientDatabaseFailure(new IllegalStateException("wrapped",
                new SQLException("FATAL: sorry, too many clients already", "53300")))).isTrue();
        assertThat(ConsumerStep.transientDatabaseFailure(new RuntimeException(
                new SQLTransientConnectionException("pool exhausted")))).isTrue();
        assertThat(ConsumerStep.transientDatabaseFailure(new RuntimeException(new SQLException("gone", "08006"))))
                .isTrue();
    }

    @Test
    void badRecordsAndOtherFailuresAreNot() {
        assertThat(ConsumerStep.transientDatabaseFailure(new InvalidMessageException("broken"))).isFalse();
        assertThat(ConsumerStep.transientDatabaseFailure(new RuntimeException(new SQLException("dup", "23505"))))
                .isFalse();
        assertThat(ConsumerStep.transientDatabaseFailure(new IllegalStateException("LLM retries exhausted")))
                .isFalse();
    }
}
