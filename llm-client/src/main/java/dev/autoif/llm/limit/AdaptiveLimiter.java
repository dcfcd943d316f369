package dev.autoif.llm.limit;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Slows one client down before the provider refuses it, from what the provider says about the budget that every
 * client on the API key shares (the {@code x-ratelimit-*} headers). Nothing is divided by hand: each client only
 * sees the shared remaining budget, and when it is low, spreads it until the reset.
 *
 * <p>Per limit (requests, tokens) the client keeps the last reported remaining budget {@code R} of limit {@code L},
 * the refill rate {@code r} (OpenAI refills continuously: {@code r = (L - R) / reset}), and what it has itself
 * booked since. From those it estimates the remaining budget at any time. While the estimate stays above half the
 * limit, requests go at once. Below, a request of cost {@code c} waits until the budget covers it and the time since
 * this client's previous request is at least {@code c * reset / R}: the remaining budget spread evenly until it would
 * be full again. A lone client thus settles at the limit's rate; {@code N} clients settle where each spaces its
 * requests {@code N / r} apart, which happens at {@code R = L / (N + 1)} (for one request per call): together at the
 * limit, with budget left over, so nobody is refused. On a fake clock (AdaptiveLimiterTest) 4 to 30 clients of 8
 * requests in flight at 600 RPM are never refused; at 50 clients, one request in a dozen is.
 *
 * <p>The provider's reports lag behind what the other clients spend, so the estimate also subtracts what they have
 * been seen to spend per second (from successive reports), and nothing is booked ahead: a request waits, then asks
 * again with fresher news. A {@code Retry-After} holds every new request of this client until it has passed.
 * Thread-safe; one instance per endpoint (an {@code LlmClient} talks to one endpoint).
 */
public final class AdaptiveLimiter {

    /** Below this share of the limit the remaining budget is spread; above it requests are not delayed. */
    static final double LOW_WATER = 0.5;

    private static final double NANOS = 1e9;

    private final LongSupplier nanoClock;
    private final Limit requests = new Limit();
    private final Limit tokens = new Limit();
    /** No request of this client is sent before this time (nanos): the last {@code Retry-After}. */
    private long pausedUntil;
    private boolean paused;

    public AdaptiveLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Waits until a request of {@code estimatedTokens} may go, then books it. Nothing is booked ahead: a caller that
     * has to wait asks again when its time comes, with whatever the provider has said since, so no request goes on
     * an old estimate.
     *
     * @return the booking, to pass to {@link #observe} with the answer
     */
    public Booking await(long estimatedTokens, Sleeper sleeper) throws InterruptedException {
        long start = nanoClock.getAsLong();
        long waited = 0;
        while (true) {
            // A wait slept is a wait passed, even where the clock says otherwise (a sleeper that only records).
            long now = nanoClock.getAsLong();
            Attempt a = tryBook(estimatedTokens, now - (start + waited) < 0 ? start + waited : now);
            if (a.booking() != null) {
                return a.booking().afterWaiting(waited);
            }
            sleeper.sleep(Duration.ofNanos(a.waitNanos()));
            waited += a.waitNanos();
        }
    }

    /** Books a request of {@code estimatedTokens} if it may go now; otherwise says how long to wait first. */
    public Attempt tryBook(long estimatedTokens) {
        return tryBook(estimatedTokens, nanoClock.getAsLong());
    }

    private synchronized Attempt tryBook(long estimatedTokens, long now) {
        double c = Math.max(1, estimatedTokens);
        long at = now;
        if (paused && pausedUntil - now > 0) {
            at = pausedUntil;
        }
        at = Math.max(at, requests.earliest(now, 1));
        at = Math.max(at, tokens.earliest(now, c));
        if (at - now > 0) {
            return new Attempt(null, at - now);
        }
        requests.book(now, 1);
        tokens.book(now, c);
        return new Attempt(new Booking(now, requests.issued, tokens.issued, 0), 0);
    }

    /** What the answer to a request booked as {@code b} said; older news than what is known is ignored. */
    public synchronized void observe(Booking b, RateLimitStatus status) {
        if (status.requests() != null) {
            requests.observe(b.sentNanos, b.requestsIssued, status.requests());
        }
        if (status.tokens() != null) {
            tokens.observe(b.sentNanos, b.tokensIssued, status.tokens());
        }
        if (status.retryAfter().isPresent()) {
            long until = nanoClock.getAsLong() + status.retryAfter().get().toNanos();
            if (!paused || until - pausedUntil > 0) {
                pausedUntil = until;
                paused = true;
            }
        }
    }

    /** The estimated remaining request budget now, or -1 when the provider has not reported one. */
    public synchronized double remainingRequests() {
        return requests.known ? requests.estimate(nanoClock.getAsLong()) : -1;
    }

    /** The estimated remaining token budget now, or -1 when the provider has not reported one. */
    public synchronized double remainingTokens() {
        return tokens.known ? tokens.estimate(nanoClock.getAsLong()) : -1;
    }

    /** Either a booking (go now) or how long to wait before asking again. */
    public record Attempt(Booking booking, long waitNanos) {
    }

    /**
     * A booked request.
     *
     * @param sentNanos when it was booked to go (on the limiter's clock)
     * @param requestsIssued this client's booked requests up to and including this one
     * @param tokensIssued this client's booked tokens up to and including this one
     * @param waitedNanos how long it was held back before
     */
    public record Booking(long sentNanos, double requestsIssued, double tokensIssued, long waitedNanos) {

        public Duration waited() {
            return Duration.ofNanos(waitedNanos);
        }

        Booking afterWaiting(long nanos) {
            return new Booking(sentNanos, requestsIssued, tokensIssued, nanos);
        }
    }

    /** One limit (requests or tokens) as this client knows it. Guarded by the limiter. */
    private static final class Limit {
        /** How fast the estimate of what the other clients spend follows new reports (seconds). */
        private static final double OTHERS_SMOOTHING = 2.0;
        /** However much the others seem to spend, the estimate assumes the budget still grows this fast (of r). */
        private static final double MIN_NET_REFILL = 0.25;
        /** A wait is never planned further ahead than this; the caller asks again after it anyway. */
        private static final double MAX_WAIT_SECONDS = 60;

        boolean known;
        double limit;
        /** Remaining budget reported by the provider, at {@link #observedAt} (the observing request's send time). */
        double reported;
        long observedAt;
        /** Refill per second. */
        double rate;
        /** What the other clients on the key spend per second, estimated from successive reports. */
        double others;
        /** Cost of every request this client booked, cumulative; and the part the last report already counted. */
        double issued;
        double issuedAtReport;
        long lastSend;
        boolean sentBefore;

        /** Net growth of the budget per second while this client sends nothing. */
        private double netRefill() {
            return Math.max(rate - others, MIN_NET_REFILL * rate);
        }

        double estimate(long t) {
            return estimate(t, netRefill());
        }

        private double estimate(long t, double net) {
            double refilled = Math.min(limit, reported + net * (t - observedAt) / NANOS);
            return refilled - (issued - issuedAtReport);
        }

        /** The earliest time a request of cost {@code c} may go, from {@code now}. */
        long earliest(long now, double c) {
            if (!known) {
                return now;
            }
            double net = netRefill();
            double r0 = estimate(now, net);
            if (r0 - c >= LOW_WATER * limit) {
                return now;
            }
            double g = sentBefore ? (now - lastSend) / NANOS : Double.POSITIVE_INFINITY;
            if (allowed(0, r0, net, g, c)) {
                return now;
            }
            // Both sides of allowed() move one way as the wait grows: search the smallest wait that passes.
            double lo = 0;
            double hi = 0.01;
            while (!allowed(hi, r0, net, g, c) && hi < MAX_WAIT_SECONDS) {
                lo = hi;
                hi *= 2;
            }
            while (hi - lo > 1e-4) {
                double mid = (lo + hi) / 2;
                if (allowed(mid, r0, net, g, c)) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return now + (long) Math.ceil(hi * NANOS);
        }

        /**
         * Whether a request of cost {@code c} may go after waiting {@code w} seconds: the budget then covers it, and
         * the time since this client's previous request is at least {@code c * reset / remaining}, the remaining
         * budget spread evenly until it would be full again.
         */
        private boolean allowed(double w, double r0, double net, double g, double c) {
            double remaining = Math.min(limit, r0 + net * w);
            if (remaining < c) {
                return false;
            }
            double reset = (limit - remaining) / rate;
            return g + w >= c * reset / remaining;
        }

        void book(long at, double c) {
            issued += c;
            lastSend = at;
            sentBefore = true;
        }

        void observe(long sentAt, double issuedThen, RateLimitStatus.Budget b) {
            if (known && sentAt - observedAt < 0) {
                return;
            }
            double resetSeconds = b.reset().toNanos() / NANOS;
            long used = b.limit() - b.remaining();
            // The rate from the report when it can be measured well (a reset of at least a second is precise to a
            // millisecond in the header), else OpenAI's per-minute window.
            double newRate = used > 0 && resetSeconds >= 1 ? used / resetSeconds : b.limit() / 60.0;
            double dt = (sentAt - observedAt) / NANOS;
            if (known && dt > 0) {
                // What the budget would be had nobody else sent anything, less what it is: the others' share.
                double alone = Math.min(b.limit(), reported + newRate * dt) - (issuedThen - issuedAtReport);
                double sample = Math.max(0, (alone - b.remaining()) / dt);
                double weight = Math.min(1, dt / OTHERS_SMOOTHING);
                others += weight * (sample - others);
            }
            rate = newRate;
            limit = b.limit();
            reported = b.remaining();
            observedAt = sentAt;
            issuedAtReport = issuedThen;
            known = true;
        }
    }
}
