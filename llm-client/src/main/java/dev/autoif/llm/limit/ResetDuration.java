package dev.autoif.llm.limit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The durations of OpenAI's {@code x-ratelimit-reset-*} headers, written like Go's {@code time.Duration}:
 * {@code 20ms}, {@code 1s}, {@code 8.64s}, {@code 6m0s}, {@code 1h2m3.5s}. A bare number is taken as seconds.
 */
public final class ResetDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");

    private ResetDuration() {
    }

    public static Optional<Duration> parse(String value) {
        try {
            return value == null ? Optional.empty() : parseOrEmpty(value);
        } catch (ArithmeticException e) {
            return Optional.empty(); // absurdly large: not a reset time
        }
    }

    private static Optional<Duration> parseOrEmpty(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 40) {
            return Optional.empty();
        }
        if (v.matches("\\d+(\\.\\d+)?")) {
            return Optional.of(nanos(new BigDecimal(v), 1_000_000_000L));
        }
        Matcher m = PART.matcher(v);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < v.length()) {
            if (!m.find(at) || m.start() != at) {
                return Optional.empty();
            }
            total = total.plus(nanos(new BigDecimal(m.group(1)), switch (m.group(2)) {
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "us", "µs" -> 1_000L;
                default -> 1L;
            }));
            at = m.end();
        }
        return Optional.of(total);
    }

    private static Duration nanos(BigDecimal amount, long unitNanos) {
        return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(unitNanos)).toBigInteger().longValueExact());
    }
}
