package dev.autoif.llm.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitStatusTest {

    @Test
    void openAiResetDurations() {
        assertThat(ResetDuration.parse("20ms")).contains(Duration.ofMillis(20));
        assertThat(ResetDuration.parse("1s")).contains(Duration.ofSeconds(1));
        assertThat(ResetDuration.parse("8.64s")).contains(Duration.ofMillis(8_640));
        assertThat(ResetDuration.parse("6m0s")).contains(Duration.ofMinutes(6));
        assertThat(ResetDuration.parse("1h2m3.5s")).contains(Duration.ofMillis(3_723_500));
        assertThat(ResetDuration.parse("0s")).contains(Duration.ZERO);
        assertThat(ResetDuration.parse("1500us")).contains(Duration.ofNanos(1_500_000));
        assertThat(ResetDuration.parse("2")).as("bare seconds").contains(Duration.ofSeconds(2));
        for (String bad : new String[] {"", "soon", "5x", "1m-2s", "s", "ms5", "99999999999999999999h", "1.2.3s"}) {
            assertThat(ResetDuration.parse(bad)).as(bad).isEmpty();
        }
        assertThat(ResetDuration.parse(null)).isEmpty();
    }

    @Test
    void headersOfBothLimits() {
        Map<String, String> h = Map.of("x-ratelimit-limit-requests", "600", "x-ratelimit-remaining-requests", "598",
                "x-ratelimit-reset-requests", "200ms", "x-ratelimit-limit-tokens", "100000",
                "x-ratelimit-remaining-tokens", "99800", "x-ratelimit-reset-tokens", "120ms");
        RateLimitStatus s = RateLimitStatus.parse(n -> Optional.ofNullable(h.get(n)), Optional.empty());
        assertThat(s.requests()).isEqualTo(new RateLimitStatus.Budget(600, 598, Duration.ofMillis(200)));
        assertThat(s.tokens()).isEqualTo(new RateLimitStatus.Budget(100_000, 99_800, Duration.ofMillis(120)));
        assertThat(s.isEmpty()).isFalse();
    }

    @Test
    void aMissingOrBrokenHeaderDropsThatLimitOnly() {
        Map<String, String> h = Map.of("x-ratelimit-limit-requests", "600", "x-ratelimit-remaining-requests", "lots",
                "x-ratelimit-reset-requests", "1s", "x-ratelimit-limit-tokens", "1000",
                "x-ratelimit-remaining-tokens", "5000", "x-ratelimit-reset-tokens", "0s");
        RateLimitStatus s = RateLimitStatus.parse(n -> Optional.ofNullable(h.get(n)), Optional.empty());
        assertThat(s.requests()).isNull();
        assertThat(s.tokens().remaining()).as("clamped to the limit").isEqualTo(1000);
        assertThat(RateLimitStatus.parse(n -> Optional.empty(), Optional.empty()).isEmpty()).isTrue();
    }
}
