package dev.autoif.llm.retry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the wait an endpoint asks for: {@code Retry-After} as delay-seconds or HTTP-date (RFC 9110 10.2.3), and the
 * millisecond {@code retry-after-ms} header OpenAI also sends. Unparsable values are ignored (normal backoff applies).
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @param retryAfter the {@code Retry-After} value, may be null
     * @param retryAfterMs the {@code retry-after-ms} value, may be null; preferred when valid (finer grained)
     * @param now the current time, to turn an HTTP-date into a wait
     */
    public static Optional<Duration> parse(String retryAfter, String retryAfterMs, Instant now) {
        Optional<Duration> ms = millis(retryAfterMs);
        return ms.isPresent() ? ms : parse(retryAfter, now);
    }

    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        Optional<Duration> seconds = number(v, 1000);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> millis(String value) {
        return value == null ? Optional.empty() : number(value.trim(), 1);
    }

    /** Non-negative decimal number of {@code unitMillis}; some servers send fractional seconds. */
    private static Optional<Duration> number(String v, long unitMillis) {
        if (v.isEmpty() || !v.chars().allMatch(c -> Character.isDigit(c) || c == '.') || v.length() > 12) {
            return Optional.empty();
        }
        try {
            long ms = new BigDecimal(v).multiply(BigDecimal.valueOf(unitMillis)).longValue();
            return Optional.of(Duration.ofMillis(ms));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
