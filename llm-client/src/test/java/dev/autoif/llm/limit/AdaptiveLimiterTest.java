package dev.autoif.llm.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/** The adaptive limiter on a fake clock, alone and as four clients sharing one simulated provider budget. */
class AdaptiveLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private long now = 5 * SECOND;
    private final AdaptiveLimiter limiter = new AdaptiveLimiter(() -> now);

    private static RateLimitStatus requests(long limit, long remaining, Duration reset) {
        return new RateLimitStatus(new RateLimitStatus.Budget(limit, remaining, reset), null, Optional.empty());
    }

    /** Sleeping moves the fake clock on. */
    private final Sleeper sleeper = d -> now += d.toNanos();

    private AdaptiveLimiter.Booking book() throws InterruptedException {
        return limiter.await(100, sleeper);
    }

    @Test
    void withoutHeadersOrWithPlentyLeftNothingWaits() throws Exception {
        assertThat(book().waitedNanos()).isZero();
        assertThat(limiter.remainingRequests()).isEqualTo(-1);
        limiter.observe(book(), requests(600, 500, Duration.ofSeconds(10)));
        for (int i = 0; i < 150; i++) {
            assertThat(book().waitedNanos()).isZero();
        }
        assertThat(limiter.remainingRequests()).isEqualTo(350);
    }

    @Test
    void aLowBudgetIsSpreadUntilItsReset() throws Exception {
        // 120 of 600 left, full again in 48 s: refills 10 a second
        limiter.observe(book(), requests(600, 120, Duration.ofSeconds(48)));
        AdaptiveLimiter.Attempt next = limiter.tryBook(100);
        assertThat(next.booking()).as("nothing is booked ahead").isNull();
        double w = next.waitNanos() / 1e9;
        // After the wait the time since the previous request is the reset divided by what remains.
        double remaining = 120 + 10 * w;
        double reset = (600 - remaining) / 10;
        assertThat(w).isCloseTo(reset / remaining, within(1e-3)).isBetween(0.38, 0.39);
        assertThat(limiter.tryBook(100).waitNanos()).as("asking again changes nothing").isEqualTo(next.waitNanos());

        AdaptiveLimiter.Booking second = book();
        assertThat(second.waited()).isEqualTo(Duration.ofNanos(next.waitNanos()));
        assertThat(limiter.remainingRequests()).isCloseTo(120 + 10 * w - 1, within(1e-6));
        // The budget refilled meanwhile: the one after waits a little less.
        assertThat(book().waitedNanos() / 1e9).isBetween(0.35, w);
    }

    @Test
    void othersSpendingShowsInTheEstimate() throws Exception {
        limiter.observe(book(), requests(600, 120, Duration.ofSeconds(48)));
        now += SECOND;
        // One second later the budget is down to 115 although it refilled 10 and this client sent 1: the others
        // spent 14. Smoothed over two seconds that is 7 a second, so it grows by 3 a second, not 10.
        limiter.observe(book(), requests(600, 115, Duration.ofMillis(48_500)));
        now += SECOND;
        assertThat(limiter.remainingRequests()).isCloseTo(118, within(1e-6));
    }

    @Test
    void anEmptyBudgetWaitsForTheRefill() throws Exception {
        limiter.observe(limiter.await(1, sleeper), requests(60, 0, Duration.ofSeconds(60))); // one a second
        assertThat(limiter.await(1, sleeper).waitedNanos()).isGreaterThanOrEqualTo(SECOND);
    }

    @Test
    void retryAfterHoldsEveryNewRequest() throws Exception {
        limiter.observe(book(), new RateLimitStatus(null, null, Optional.of(Duration.ofMillis(1500))));
        assertThat(limiter.tryBook(1).waitNanos()).isEqualTo(1_500_000_000L);
        now += 2 * SECOND;
        assertThat(limiter.tryBook(1).booking()).isNotNull();
    }

    @Test
    void olderNewsThanWhatIsKnownIsIgnored() throws Exception {
        AdaptiveLimiter.Booking early = book();
        now += SECOND;
        AdaptiveLimiter.Booking late = book();
        limiter.observe(late, requests(600, 590, Duration.ofSeconds(1)));
        limiter.observe(early, requests(600, 10, Duration.ofSeconds(59)));
        assertThat(limiter.remainingRequests()).isCloseTo(590, within(1e-9));
    }

    @Test
    void tokensAreSpreadLikeRequests() throws Exception {
        limiter.observe(limiter.await(1_000, sleeper), new RateLimitStatus(null,
                new RateLimitStatus.Budget(60_000, 10_000, Duration.ofSeconds(50)), Optional.empty()));
        assertThat(limiter.tryBook(1_000).waitNanos()).isPositive();
        assertThat(limiter.remainingTokens()).isCloseTo(10_000, within(1e-9));
    }

    /**
     * Four clients of eight requests in flight each (50 ms per answer) share one 600-per-minute budget that refills
     * continuously, as the provider's. Without the limiter they would send 640 a second; with it they must get
     * close to the limit and never be refused once past the first burst.
     */
    @Test
    void fourClientsSharingOneKeyStayUnderTheLimitAndNearIt() {
        Shared result = simulate(4, 8, 600, 120);
        assertThat(result.refused()).as("refused after the start").isZero();
        assertThat(result.admittedInWindow() / 100.0).as("rate over the last 100 s, per second").isBetween(9.0, 16.0);
    }

    @Test
    void thirtyClientsStillStayUnderTheLimitAndNearIt() {
        Shared result = simulate(30, 8, 600, 120);
        assertThat(result.refused()).isZero();
        assertThat(result.admittedInWindow() / 100.0).isBetween(9.0, 16.0);
    }

    /** READY: book the next request; ARRIVE: the provider admits or refuses it; ANSWER: the client reads it. */
    private enum Kind { READY, ARRIVE, ANSWER }

    private record Event(long at, int client, Kind kind, AdaptiveLimiter.Booking booked, RateLimitStatus said) {
    }

    private record Shared(long admittedInWindow, long refused) {
    }

    /**
     * A discrete-event run on one fake clock: every client has {@code concurrency} callers that each book a request,
     * send it, read the answer (and wait out a 429's Retry-After) and go again. Counts from 20 s on, once the first
     * burst of a full bucket is spent.
     */
    private static Shared simulate(int clients, int concurrency, long perMinute, int seconds) {
        long[] clock = {0};
        List<AdaptiveLimiter> limiters = new ArrayList<>();
        PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
        for (int c = 0; c < clients; c++) {
            limiters.add(new AdaptiveLimiter(() -> clock[0]));
            for (int t = 0; t < concurrency; t++) {
                queue.add(new Event(0, c, Kind.READY, null, null));
            }
        }
        double perNano = perMinute / 60.0 / SECOND;
        double bucket = perMinute;
        long refilledAt = 0;
        long latency = 50_000_000L;
        long window = 20 * SECOND;
        long admitted = 0;
        long refused = 0;
        while (queue.peek().at < seconds * SECOND) {
            Event e = queue.poll();
            clock[0] = e.at;
            AdaptiveLimiter limiter = limiters.get(e.client);
            switch (e.kind) {
                case READY -> {
                    AdaptiveLimiter.Attempt a = limiter.tryBook(1);
                    queue.add(a.booking() == null ? new Event(e.at + a.waitNanos(), e.client, Kind.READY, null, null)
                            : new Event(e.at, e.client, Kind.ARRIVE, a.booking(), null));
                }
                case ARRIVE -> {
                    bucket = Math.min(perMinute, bucket + (e.at - refilledAt) * perNano);
                    refilledAt = e.at;
                    boolean ok = bucket >= 1;
                    if (ok) {
                        bucket -= 1;
                    }
                    if (e.at >= window) {
                        admitted += ok ? 1 : 0;
                        refused += ok ? 0 : 1;
                    }
                    Duration reset = Duration.ofMillis((long) Math.ceil((perMinute - bucket) / perNano / 1e6));
                    Optional<Duration> retryAfter = ok ? Optional.empty()
                            : Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket) / perNano)));
                    RateLimitStatus said = new RateLimitStatus(new RateLimitStatus.Budget(perMinute,
                            (long) Math.floor(bucket), reset), null, retryAfter);
                    queue.add(new Event(e.at + latency, e.client, Kind.ANSWER, e.booked, said));
                }
                case ANSWER -> {
                    limiter.observe(e.booked, e.said);
                    long wait = e.said.retryAfter().map(Duration::toNanos).orElse(0L);
                    queue.add(new Event(e.at + wait, e.client, Kind.READY, null, null));
                }
            }
        }
        return new Shared(admitted, refused);
    }
}
