package dev.autoif.llmsim;

/**
 * Per-API-key limits enforced like OpenAI's: requests and tokens per minute, each a bucket that refills
 * continuously. 0 = that limit is off; both 0 (the default) = no limits and no {@code x-ratelimit-*} headers.
 */
public record RateLimits(long requestsPerMinute, long tokensPerMinute) {

    public static final RateLimits OFF = new RateLimits(0, 0);

    public RateLimits {
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must be >= 0 (0 = off), got " + requestsPerMinute
                    + " rpm, " + tokensPerMinute + " tpm");
        }
    }

    public boolean enabled() {
        return requestsPerMinute > 0 || tokensPerMinute > 0;
    }
}
