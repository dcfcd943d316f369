package dev.autoif.llmsim.http;

import dev.autoif.llmsim.RateLimits;
import dev.autoif.llmsim.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * OpenAI's rate limits per API key: a requests bucket and a tokens bucket per key, each holding one minute's worth and
 * refilled continuously (OpenAI replenishes continuously rather than resetting each minute). A request is admitted
 * when at least one request and its token cost are left; it is refused whole otherwise, and a refused request costs
 * nothing. The cost in tokens is the prompt plus {@code max_tokens} per choice, taken at admission as OpenAI does.
 */
final class KeyRateLimiter {

    /** Keys remembered at most; past that the state starts over (a loopback tool, not a multi-tenant server). */
    private static final int MAX_KEYS = 10_000;

    /**
     * What admission decided.
     *
     * @param headers the {@code x-ratelimit-*} headers to send with the answer (empty when limits are off)
     * @param refusedBy null when admitted, else {@code "requests"} or {@code "tokens"}
     * @param waitMillis when refused: how long until the request would be admitted (-1: never, it is too large)
     */
    record Decision(Map<String, String> headers, String refusedBy, long waitMillis, long limit, long used,
            long requested) {

        boolean admitted() {
            return refusedBy == null;
        }
    }

    private static final Decision UNLIMITED = new Decision(Map.of(), null, 0, 0, 0, 0);

    private final Settings settings;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<Long, KeyBudget> budgets = new ConcurrentHashMap<>();
    private RateLimits current = RateLimits.OFF;

    KeyRateLimiter(Settings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    /** Admits (and charges) or refuses one request of {@code tokens} for the bearer token in {@code authorization}. */
    Decision admit(String authorization, long tokens) {
        RateLimits limits = limits();
        if (!limits.enabled()) {
            return UNLIMITED;
        }
        return budget(authorization, limits).admit(tokens, nanoClock.getAsLong());
    }

    /** Takes {@code tokens} more from an admitted request's key (completion tokens nobody reserved with max_tokens). */
    void charge(String authorization, long tokens) {
        RateLimits limits = limits();
        if (limits.tokensPerMinute() > 0 && tokens > 0) {
            budget(authorization, limits).charge(tokens, nanoClock.getAsLong());
        }
    }

    /** Every new setting of the limits (even to the same values) starts every key over with a full budget. */
    private synchronized RateLimits limits() {
        RateLimits l = settings.rateLimits();
        if (l != current) { // identity: each setting is a new instance
            budgets.clear();
            current = l;
        }
        return l;
    }

    private KeyBudget budget(String authorization, RateLimits limits) {
        if (budgets.size() > MAX_KEYS) {
            budgets.clear();
        }
        // Only a fingerprint of the key is kept.
        long key = RequestKey.fingerprint(authorization == null ? "" : authorization.strip());
        return budgets.computeIfAbsent(key, k -> new KeyBudget(limits, nanoClock.getAsLong()));
    }

    /** The two buckets of one key. */
    private static final class KeyBudget {
        private final Bucket requests;
        private final Bucket tokens;

        KeyBudget(RateLimits limits, long now) {
            this.requests = limits.requestsPerMinute() > 0 ? new Bucket(limits.requestsPerMinute(), now) : null;
            this.tokens = limits.tokensPerMinute() > 0 ? new Bucket(limits.tokensPerMinute(), now) : null;
        }

        synchronized Decision admit(long cost, long now) {
            if (requests != null) {
                requests.refill(now);
            }
            if (tokens != null) {
                tokens.refill(now);
            }
            if (requests != null && requests.level < 1) {
                return refused("requests", requests, 1);
            }
            if (tokens != null && tokens.level < cost) {
                return refused("tokens", tokens, cost);
            }
            if (requests != null) {
                requests.level -= 1;
            }
            if (tokens != null) {
                tokens.level -= cost;
            }
            return new Decision(headers(), null, 0, 0, 0, 0);
        }

        synchronized void charge(long amount, long now) {
            tokens.refill(now);
            tokens.level -= amount; // may go below 0: later requests wait until it is paid back
        }

        private Decision refused(String by, Bucket b, long requested) {
            long wait = requested > b.capacity ? -1 : b.millisUntil(requested);
            return new Decision(headers(), by, wait, (long) b.capacity, (long) Math.ceil(b.capacity - b.level),
                    requested);
        }

        private Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            if (requests != null) {
                requests.headers("requests", h);
            }
            if (tokens != null) {
                tokens.headers("tokens", h);
            }
            return h;
        }
    }

    /** A bucket of one minute's worth, refilled continuously. Guarded by its {@link KeyBudget}. */
    private static final class Bucket {
        final double capacity;
        final double perNano;
        double level;
        long last;

        Bucket(long perMinute, long now) {
            this.capacity = perMinute;
            this.perNano = perMinute / 60e9;
            this.level = perMinute;
            this.last = now;
        }

        void refill(long now) {
            level = Math.min(capacity, level + (now - last) * perNano);
            last = now;
        }

        long millisUntil(double amount) {
            return amount <= level ? 0 : (long) Math.ceil((amount - level) / perNano / 1e6);
        }

        void headers(String what, Map<String, String> h) {
            h.put("x-ratelimit-limit-" + what, Long.toString((long) capacity));
            h.put("x-ratelimit-remaining-" + what, Long.toString(Math.max(0, (long) Math.floor(level))));
            // OpenAI: the time until the budget is back to its initial (full) state.
            h.put("x-ratelimit-reset-" + what, OpenAiDuration.format(millisUntil(capacity)));
        }
    }
}
