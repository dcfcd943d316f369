package dev.autoif.llm.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void delaySeconds() {
        assertThat(RetryAfter.parse("30", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("1.5", NOW)).contains(Duration.ofMillis(1500));
    }

    @Test
    void httpDate() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 12:00:20 GMT", NOW)).contains(Duration.ofSeconds(20));
    }

    @Test
    void httpDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void garbageIsIgnored() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.2.3", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999", NOW)).isEmpty();
    }

    @Test
    void retryAfterMsWinsWhenValid() {
        assertThat(RetryAfter.parse("2", "250", NOW)).contains(Duration.ofMillis(250));
        assertThat(RetryAfter.parse("2", "bogus", NOW)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(null, null, NOW)).isEqualTo(Optional.empty());
    }
}
