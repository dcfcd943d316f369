package dev.autoif.llm.limit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one answer said about the provider's limits on this API key: OpenAI's {@code x-ratelimit-*} headers (shared
 * by every client using the key, so they show what the others spend too) and {@code Retry-After}.
 *
 * @param requests the request budget, null when not sent
 * @param tokens the token budget, null when not sent
 * @param retryAfter the wait the server asked for, if any
 */
public record RateLimitStatus(Budget requests, Budget tokens, Optional<Duration> retryAfter) {

    public static final RateLimitStatus NONE = new RateLimitStatus(null, null, Optional.empty());

    /**
     * One limit as the provider reports it.
     *
     * @param limit the most the bucket holds (per minute for OpenAI's RPM and TPM)
     * @param remaining what is left now
     * @param reset the time until the bucket is full again
     */
    public record Budget(long limit, long remaining, Duration reset) {
    }

    public boolean isEmpty() {
        return requests == null && tokens == null && retryAfter.isEmpty();
    }

    /**
     * Reads the headers of one answer; a missing or unparsable header is left out, never an error.
     *
     * @param header a header's first value by (case-insensitive) name
     */
    public static RateLimitStatus parse(Function<String, Optional<String>> header, Optional<Duration> retryAfter) {
        return new RateLimitStatus(budget(header, "requests"), budget(header, "tokens"), retryAfter);
    }

    private static Budget budget(Function<String, Optional<String>> header, String what) {
        Optional<Long> limit = header.apply("x-ratelimit-limit-" + what).flatMap(RateLimitStatus::whole);
        Optional<Long> remaining = header.apply("x-ratelimit-remaining-" + what).flatMap(RateLimitStatus::whole);
        Optional<Duration> reset = header.apply("x-ratelimit-reset-" + what).flatMap(ResetDuration::parse);
        if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty() || limit.get() <= 0) {
            return null;
        }
        return new Budget(limit.get(), Math.min(remaining.get(), limit.get()), reset.get());
    }

    private static Optional<Long> whole(String v) {
        try {
            long n = Long.parseLong(v.strip());
            return n < 0 ? Optional.empty() : Optional.of(n);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
