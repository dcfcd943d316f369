package dev.autoif.llm.limit;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Admission for one HTTP request: a requests-per-minute bucket, a tokens-per-minute bucket (null = unlimited), a
 * bound on requests in flight, and (optional) the {@link AdaptiveLimiter} that follows the provider's own budget.
 * The static rate waits happen before taking a concurrency slot so a waiting caller does not hold a slot it cannot
 * use; the adaptive wait happens after, so the request is booked when it is really ready to go and at most
 * {@code maxConcurrency} requests wait for it.
 */
public final class RequestLimiter {

    private final Semaphore inFlight;
    private final TokenBucket requests;
    private final TokenBucket tokens;
    private final Sleeper sleeper;
    private final AdaptiveLimiter adaptive;

    public RequestLimiter(int maxConcurrency, TokenBucket requests, TokenBucket tokens, Sleeper sleeper) {
        this(maxConcurrency, requests, tokens, null, sleeper);
    }

    /** @param adaptive null: only the static limits */
    public RequestLimiter(int maxConcurrency, TokenBucket requests, TokenBucket tokens, AdaptiveLimiter adaptive,
            Sleeper sleeper) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
        this.inFlight = new Semaphore(maxConcurrency, true);
        this.requests = requests;
        this.tokens = tokens;
        this.sleeper = sleeper;
        this.adaptive = adaptive;
    }

    /** Waits until a request estimated at {@code estimatedTokens} may be sent, and takes a concurrency slot. */
    public Permit acquire(long estimatedTokens) throws InterruptedException {
        long wait = 0;
        if (requests != null) {
            wait = Math.max(wait, requests.reserve(1));
        }
        if (tokens != null) {
            wait = Math.max(wait, tokens.reserve(estimatedTokens));
        }
        try {
            sleeper.sleep(Duration.ofNanos(wait));
            inFlight.acquire();
        } catch (InterruptedException e) {
            refund(estimatedTokens, true);
            throw e;
        }
        AdaptiveLimiter.Booking booked = null;
        if (adaptive != null) {
            try {
                booked = adaptive.await(estimatedTokens, sleeper);
            } catch (InterruptedException e) {
                inFlight.release();
                refund(estimatedTokens, true);
                throw e;
            }
        }
        return new Permit(estimatedTokens, booked);
    }

    public int availableSlots() {
        return inFlight.availablePermits();
    }

    private void refund(long estimatedTokens, boolean request) {
        if (request && requests != null) {
            requests.adjust(1);
        }
        if (tokens != null) {
            tokens.adjust(estimatedTokens);
        }
    }

    /** A granted request. Close it when the request is over; settle or refund its token estimate first. */
    public final class Permit implements AutoCloseable {

        private final long estimate;
        private final AdaptiveLimiter.Booking booked;
        private boolean settled;
        private boolean closed;

        private Permit(long estimate, AdaptiveLimiter.Booking booked) {
            this.estimate = estimate;
            this.booked = booked;
        }

        /** How long the adaptive limiter held this request back (zero without one). */
        public Duration adaptiveDelay() {
            return booked == null ? Duration.ZERO : booked.waited();
        }

        /** What the answer (success or error) said about the provider's budget; feeds the adaptive limiter. */
        public void observe(RateLimitStatus status) {
            if (booked != null && !status.isEmpty()) {
                adaptive.observe(booked, status);
            }
        }

        /** The endpoint billed {@code actualTokens}: give back or take the difference from the estimate. */
        public void settle(long actualTokens) {
            if (!settled && tokens != null) {
                tokens.adjust(estimate - actualTokens);
            }
            settled = true;
        }

        /** The request was not billed (refused, reset): give the tokens back. The request still counts. */
        public void refund() {
            if (!settled) {
                RequestLimiter.this.refund(estimate, false);
            }
            settled = true;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                inFlight.release();
            }
        }
    }
}
