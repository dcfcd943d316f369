package dev.autoif.llm;

import dev.autoif.contracts.LlmMode;
import dev.autoif.contracts.Stage;
import dev.autoif.llm.batch.BatchApi;
import dev.autoif.llm.batch.BatchStore;
import dev.autoif.llm.batch.Batcher;
import dev.autoif.llm.batch.PendingLine;
import dev.autoif.llm.cache.CacheKey;
import dev.autoif.llm.cache.CachedCompletion;
import dev.autoif.llm.cache.CompletionStore;
import dev.autoif.llm.http.ApiKey;
import dev.autoif.llm.http.ChatCall;
import dev.autoif.llm.http.ChatResponse;
import dev.autoif.llm.http.ChatTransport;
import dev.autoif.llm.http.OpenAiHttpTransport;
import dev.autoif.llm.http.TransportFailure;
import dev.autoif.llm.limit.AdaptiveLimiter;
import dev.autoif.llm.limit.RequestLimiter;
import dev.autoif.llm.limit.Sleeper;
import dev.autoif.llm.limit.TokenBucket;
import dev.autoif.llm.limit.TokenEstimator;
import dev.autoif.llm.price.ModelPrice;
import dev.autoif.llm.price.PriceTable;
import dev.autoif.llm.retry.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The one way services call an LLM. A request for {@code n} samples is served from the persistent cache where it
 * can, and the missing samples are fetched in one {@code n} request or one request per sample; every HTTP request
 * passes the rate and concurrency limits and is retried on transient failures. Thread-safe.
 */
public class LlmClient {

    private static final Logger LOG = Logger.getLogger(LlmClient.class);

    private final LlmSettings settings;
    private final ChatTransport transport;
    private final CompletionStore store;
    private final RequestLimiter limiter;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final LongSupplier nanoClock;
    private final LlmMetrics metrics;
    private final UsageLedger ledger = new UsageLedger();
    private final PriceTable prices;
    /** Endpoints seen not to honour {@code n} (auto mode). */
    private final Set<String> nUnsupported = ConcurrentHashMap.newKeySet();
    /** Requests being fetched now, by their cache keys (see {@link #joinInFlight}). */
    private final ConcurrentHashMap<String, InFlight> inFlight = new ConcurrentHashMap<>();
    /** Sends batch-mode requests through the Batch API; null until {@link #enableBatches}. */
    private volatile Batcher batcher;

    public LlmClient(LlmSettings settings, ChatTransport transport, CompletionStore store, MeterRegistry registry,
            Sleeper sleeper, Clock clock) {
        this(settings, transport, store, registry, sleeper, clock, System::nanoTime);
    }

    /** @param nanoClock the limiters' time ({@link System#nanoTime()}; a fake one in tests, with a fake sleeper) */
    public LlmClient(LlmSettings settings, ChatTransport transport, CompletionStore store, MeterRegistry registry,
            Sleeper sleeper, Clock clock, LongSupplier nanoClock) {
        this(settings, transport, store, registry, sleeper, clock, nanoClock, PriceTable.defaults());
    }

    /** @param prices what each model costs, for the dollars in every {@link LlmUsage} */
    public LlmClient(LlmSettings settings, ChatTransport transport, CompletionStore store, MeterRegistry registry,
            Sleeper sleeper, Clock clock, LongSupplier nanoClock, PriceTable prices) {
        this.prices = prices;
        this.settings = settings;
        this.transport = transport;
        this.store = store;
        this.sleeper = sleeper;
        this.clock = clock;
        this.nanoClock = nanoClock;
        this.metrics = new LlmMetrics(registry);
        this.retryPolicy = new RetryPolicy(settings.maxRetries(), settings.initialBackoff(), settings.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        // One adaptive limiter per client: a client talks to one endpoint, whose budget it follows.
        AdaptiveLimiter adaptive = settings.adaptiveRateLimit() ? new AdaptiveLimiter(nanoClock) : null;
        if (adaptive != null) {
            metrics.remainingBudget(adaptive);
        }
        this.limiter = new RequestLimiter(settings.maxConcurrency(), bucket(settings.requestsPerMinute(), nanoClock),
                bucket(settings.tokensPerMinute(), nanoClock), adaptive, sleeper);
    }

    /** A client speaking to {@code settings.baseUrl()} over HTTP, with real time. */
    public static LlmClient create(LlmSettings settings, ApiKey apiKey, CompletionStore store,
            MeterRegistry registry) {
        return create(settings, apiKey, store, registry, PriceTable.defaults());
    }

    /** As {@link #create(LlmSettings, ApiKey, CompletionStore, MeterRegistry)}, with this price table. */
    public static LlmClient create(LlmSettings settings, ApiKey apiKey, CompletionStore store,
            MeterRegistry registry, PriceTable prices) {
        Clock clock = Clock.systemUTC();
        return new LlmClient(settings, new OpenAiHttpTransport(settings.baseUrl(), apiKey, settings.timeout(), clock),
                store, registry, Sleeper.REAL, clock, System::nanoTime, prices);
    }

    /**
     * Lets {@link LlmMode#BATCH} requests go through the provider's Batch API (without this they go online). Takes
     * back the batches {@code batches} still holds for this endpoint (a restart) and starts polling them.
     */
    public LlmClient enableBatches(BatchApi api, BatchStore batches) {
        if (batcher != null) {
            throw new IllegalStateException("batches are already enabled");
        }
        batcher = new Batcher(transport.endpoint(), settings.batch(), api, batches, store, clock);
        return this;
    }

    /** What the batcher did since it started; empty when batches are not enabled. */
    public Optional<Batcher.Counts> batchCounts() {
        Batcher b = batcher;
        return b == null ? Optional.empty() : Optional.of(b.counts());
    }

    /** Stops the batcher's sending and polling; what it saved stays for the next start. */
    public void close() {
        Batcher b = batcher;
        if (b != null) {
            b.close();
        }
    }

    private static TokenBucket bucket(long perMinute, LongSupplier nanoClock) {
        return perMinute <= 0 ? null : new TokenBucket(perMinute, nanoClock);
    }

    /**
     * The {@code request.n()} samples, in index order. A sample that could not be obtained carries its error.
     *
     * @throws LlmConfigurationException no API key (only when something has to be fetched)
     * @throws LlmException when no sample at all could be obtained from the endpoint (rejected, retries exhausted)
     */
    public LlmResult complete(LlmRequest request) {
        Tally tally = new Tally();
        ChoiceResult[] out = new ChoiceResult[request.n()];
        Fresh[] fresh = new Fresh[request.n()];
        List<String> keys = new ArrayList<>(request.n());
        for (int i = 0; i < request.n(); i++) {
            keys.add(cacheKey(request, i));
        }
        InFlight flight = settings.cacheEnabled() ? joinInFlight(keys) : null;
        try {
            long lookup = nanoClock.getAsLong();
            fromCache(request, keys, out, tally);
            metrics.phase(request, "cache_lookup", nanoClock.getAsLong() - lookup);
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) {
                    missing.add(i);
                }
            }
            if (!missing.isEmpty()) {
                transport.checkReady();
                Batcher b = batcher;
                if (request.mode() == LlmMode.BATCH && b != null) {
                    missing = fetchByBatch(b, request, keys, missing, out, tally);
                }
                List<Integer> rest = missing.size() > 1 && useN() ? fetchTogether(request, missing, out, fresh, tally)
                        : missing;
                fetchSeparately(request, rest, out, fresh, tally);
                long storing = nanoClock.getAsLong();
                store(request, keys, fresh);
                metrics.phase(request, "cache_store", nanoClock.getAsLong() - storing);
            }
        } finally {
            if (flight != null) {
                flight.land();
            }
            LlmUsage usage = tally.usage();
            ledger.add(request.runId(), request.stage(), usage);
            metrics.record(request, usage);
        }
        LlmResult result = new LlmResult(List.of(out), tally.usage(), keys);
        for (ChoiceResult c : out) {
            if (!c.isOk()) {
                metrics.failure(request, c.error());
            }
        }
        throwIfNothingObtained(out, result.usage());
        return result;
    }

    /**
     * The samples parsed by {@code parser}. Bad LLM output never throws: each sample that does not parse becomes a
     * {@link Parsed.Failure} with the parser's reason, and {@link TypedResult#parseFailures()} counts them.
     */
    public <T> TypedResult<T> complete(LlmRequest request, ChoiceParser<T> parser) {
        LlmResult raw = complete(request);
        List<Parsed<T>> items = new ArrayList<>(raw.choices().size());
        for (ChoiceResult c : raw.choices()) {
            items.add(parse(c, parser));
        }
        return new TypedResult<>(items, raw);
    }

    /**
     * Takes the lead for these cache keys, or, while an identical request is being fetched by another thread, waits
     * for it once. Two consumers handling equal prompts at once (two samples with the same query and response
     * text, a record redelivered while its first delivery is still in flight) would otherwise both miss the cache
     * and both pay; the one that waits reads the other's stored answers instead. A request whose leader failed
     * fetches for itself. Null for a request that waited: it reads the cache without leading anyone.
     */
    private InFlight joinInFlight(List<String> keys) {
        String key = String.join(",", keys);
        InFlight mine = new InFlight(key);
        InFlight leader = inFlight.putIfAbsent(key, mine);
        if (leader == null) {
            return mine;
        }
        metrics.waitedForIdenticalRequest();
        try {
            leader.landed.await();
        } catch (InterruptedException e) {
            throw new LlmInterruptedException(e);
        }
        // once: the answers are in the cache now (or the leader failed, and this request fetches for itself)
        return null;
    }

    /** The lead of one set of cache keys; {@link #land()} lets the requests waiting on it read the cache. */
    private final class InFlight {
        private final String key;
        private final CountDownLatch landed = new CountDownLatch(1);

        InFlight(String key) {
            this.key = key;
        }

        void land() {
            inFlight.remove(key, this);
            landed.countDown();
        }
    }

    /** Usage for (run, stage) since the last drain; put it into the stage's next {@code StageProgress} delta. */
    public LlmUsage drainUsage(String runId, Stage stage) {
        return ledger.drain(runId, stage);
    }

    public LlmUsage peekUsage(String runId, Stage stage) {
        return ledger.peek(runId, stage);
    }

    /** The cache key (llm_completion.key_hash) of sample {@code index} of {@code request} at this endpoint. */
    public String cacheKey(LlmRequest request, int index) {
        return CacheKey.of(settings.baseUrl(), request.model(), request.messages(), request.temperature(),
                request.maxTokens(), request.seed(), index);
    }

    public LlmSettings settings() {
        return settings;
    }

    /** The prices this client charges calls at. */
    public PriceTable prices() {
        return prices;
    }

    private static <T> Parsed<T> parse(ChoiceResult c, ChoiceParser<T> parser) {
        if (!c.isOk()) {
            return new Parsed.Failure<>(c.index(), "no completion: " + c.error().getMessage(), false, null);
        }
        try {
            T value = parser.parse(c.text());
            return value == null ? new Parsed.Failure<>(c.index(), "parser returned no value", true, c.text())
                    : new Parsed.Value<>(c.index(), value);
        } catch (Exception e) {
            String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage();
            return new Parsed.Failure<>(c.index(), reason, true, c.text());
        }
    }

    private void fromCache(LlmRequest request, List<String> keys, ChoiceResult[] out, Tally tally) {
        if (!settings.cacheEnabled()) {
            return;
        }
        Map<String, CachedCompletion> hits;
        try {
            hits = store.findAll(keys);
        } catch (RuntimeException e) {
            // A broken cache must not stop the pipeline; it only costs money. Say so loudly.
            LOG.warnf("LLM cache lookup failed, fetching from the endpoint: %s", e.toString());
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            CachedCompletion c = hits.get(keys.get(i));
            if (c != null) {
                out[i] = ChoiceResult.ok(i, c.completion(), true);
                tally.cacheHits.incrementAndGet();
                // what asking again would cost: the cached answer's share of its request's tokens
                prices.price(request.model()).ifPresent(p -> tally.savedMicroUsd.addAndGet(
                        p.microUsd(c.promptTokens(), 0, c.completionTokens(), false)));
            }
        }
    }

    private boolean useN() {
        return switch (settings.nSupported()) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO -> !nUnsupported.contains(transport.endpoint());
        };
    }

    /**
     * One batch line per missing sample (n = 1, the sample's own seed: what {@link #fetchOne} would send), waiting
     * for the batch to end. The batcher has put the answers in the cache already. Returns the samples the provider
     * did not answer, for an online retry.
     */
    private List<Integer> fetchByBatch(Batcher b, LlmRequest r, List<String> keys, List<Integer> missing,
            ChoiceResult[] out, Tally tally) {
        String prompt = CacheKey.messagesJson(r.messages());
        Map<Integer, Batcher.Ticket> tickets = new LinkedHashMap<>();
        for (int i : missing) {
            ChatCall call = new ChatCall(r.model(), r.messages(), r.temperature(), r.maxTokens(), 1, seedFor(r, i));
            String body = new String(OpenAiHttpTransport.body(call), StandardCharsets.UTF_8);
            tickets.put(i, b.submit(new PendingLine(keys.get(i), r.model(), r.runId(), r.stage(), prompt, body)));
        }
        List<Integer> retry = new ArrayList<>();
        Fresh[] unused = new Fresh[out.length]; // the batcher has cached the answers already
        for (Map.Entry<Integer, Batcher.Ticket> e : tickets.entrySet()) {
            int i = e.getKey();
            Batcher.Answer a;
            try {
                a = e.getValue().answer().get();
            } catch (InterruptedException ex) {
                throw new LlmInterruptedException(ex);
            } catch (CancellationException | ExecutionException ex) {
                throw new LlmException("the LLM client stopped while a request waited for its batch");
            }
            if (a.response() == null) {
                metrics.batchLineRetried(r);
                LOG.debugf("batch line of sample %d not answered (%s): retrying online", i, a.failure());
                retry.add(i);
                continue;
            }
            if (!e.getValue().joined()) {
                // A line this request added: its tokens and its discounted price are this request's.
                tally.calls.incrementAndGet();
                tally.promptTokens.addAndGet(a.response().promptTokens());
                tally.completionTokens.addAndGet(a.response().completionTokens());
                tally.charge(prices.price(r.model()), a.response(), true);
            }
            out[i] = a.response().contents().isEmpty()
                    ? ChoiceResult.failed(i, new LlmResponseException("endpoint returned no choices"))
                    : accept(i, a.response(), 0, 1, unused);
        }
        return retry;
    }

    /** One request with {@code n}; returns the indexes still missing afterwards. */
    private List<Integer> fetchTogether(LlmRequest r, List<Integer> missing, ChoiceResult[] out, Fresh[] fresh,
            Tally tally) {
        ChatCall call = new ChatCall(r.model(), r.messages(), r.temperature(), r.maxTokens(), missing.size(),
                seedFor(r, missing.getFirst()));
        ChatResponse response;
        try {
            response = callWithRetries(r, call, tally);
        } catch (LlmRejectedException e) {
            if (settings.nSupported() == NSupport.AUTO && e.status() == 400) {
                return probeWithoutN(r, missing, out, fresh, tally, e);
            }
            failAll(missing, out, e);
            return List.of();
        } catch (LlmException e) {
            failAll(missing, out, e);
            return List.of();
        }
        int got = Math.min(response.contents().size(), missing.size());
        for (int j = 0; j < got; j++) {
            out[missing.get(j)] = accept(missing.get(j), response, j, got, fresh);
        }
        if (got < missing.size() && settings.nSupported() == NSupport.AUTO) {
            nUnsupported.add(transport.endpoint());
            LOG.infof("%s returned %d of %d choices: sending one request per sample from now on",
                    transport.endpoint(), got, missing.size());
        }
        return missing.subList(got, missing.size());
    }

    /**
     * The endpoint refused an {@code n} request with 400. That may be the {@code n} or the prompt itself, so one
     * sample is asked for alone: if that works, {@code n} was the problem and is not sent to this endpoint again.
     */
    private List<Integer> probeWithoutN(LlmRequest r, List<Integer> missing, ChoiceResult[] out, Fresh[] fresh,
            Tally tally, LlmRejectedException nRejection) {
        ChoiceResult first = fetchOne(r, missing.getFirst(), fresh, tally);
        out[first.index()] = first;
        if (first.error() instanceof LlmRejectedException again && again.status() == 400) {
            failAll(missing.subList(1, missing.size()), out, again);
            return List.of();
        }
        nUnsupported.add(transport.endpoint());
        LOG.infof("%s rejected n=%d (%s): sending one request per sample from now on", transport.endpoint(),
                missing.size(), nRejection.getMessage());
        return missing.subList(1, missing.size());
    }

    private void fetchSeparately(LlmRequest r, List<Integer> indexes, ChoiceResult[] out, Fresh[] fresh,
            Tally tally) {
        if (indexes.size() == 1) {
            out[indexes.getFirst()] = fetchOne(r, indexes.getFirst(), fresh, tally);
            return;
        }
        if (indexes.isEmpty()) {
            return;
        }
        // Virtual threads: the limiter's semaphore, not a pool size, bounds how many requests are in flight.
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ChoiceResult>> futures = new ArrayList<>();
            for (int i : indexes) {
                futures.add(pool.submit(() -> fetchOne(r, i, fresh, tally)));
            }
            for (Future<ChoiceResult> f : futures) {
                ChoiceResult c = f.get();
                out[c.index()] = c;
            }
        } catch (InterruptedException e) {
            throw new LlmInterruptedException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unexpected failure fetching a sample", e.getCause());
        }
    }

    private ChoiceResult fetchOne(LlmRequest r, int index, Fresh[] fresh, Tally tally) {
        ChatCall call = new ChatCall(r.model(), r.messages(), r.temperature(), r.maxTokens(), 1, seedFor(r, index));
        try {
            ChatResponse response = callWithRetries(r, call, tally);
            if (response.contents().isEmpty()) {
                return ChoiceResult.failed(index, new LlmResponseException("endpoint returned no choices"));
            }
            return accept(index, response, 0, 1, fresh);
        } catch (LlmException e) {
            return ChoiceResult.failed(index, e);
        }
    }

    /** Sample {@code index} takes choice {@code j} of a response that served {@code shares} samples. */
    private static ChoiceResult accept(int index, ChatResponse response, int j, int shares, Fresh[] fresh) {
        String text = response.contents().get(j);
        if (text == null) {
            return ChoiceResult.failed(index, new LlmResponseException(
                    "choice had no text content (finish_reason=" + response.finishReasons().get(j) + ")"));
        }
        fresh[index] = new Fresh(text, response.promptTokens() / shares, response.completionTokens() / shares);
        return ChoiceResult.ok(index, text, false);
    }

    /** Sample {@code i} sent on its own gets its own seed, so separate requests differ as the n choices would. */
    private static Integer seedFor(LlmRequest r, int index) {
        return r.seed() == null ? null : r.seed() + index;
    }

    private ChatResponse callWithRetries(LlmRequest r, ChatCall call, Tally tally) {
        long estimate = TokenEstimator.requestTokens(call.messages(), call.maxTokens(), call.n());
        for (int attempts = 1;; attempts++) {
            TransportFailure failure;
            long asked = nanoClock.getAsLong();
            try (RequestLimiter.Permit permit = limiter.acquire(estimate)) {
                metrics.phase(r, "limiter", nanoClock.getAsLong() - asked);
                metrics.adaptiveDelay(r, permit.adaptiveDelay());
                tally.calls.incrementAndGet();
                long start = nanoClock.getAsLong();
                try {
                    ChatResponse response = transport.send(call);
                    metrics.request(r, "ok", nanoClock.getAsLong() - start);
                    permit.observe(response.rateLimits());
                    permit.settle(response.promptTokens() + response.completionTokens());
                    tally.promptTokens.addAndGet(response.promptTokens());
                    tally.completionTokens.addAndGet(response.completionTokens());
                    tally.charge(prices.price(r.model()), response, false);
                    return response;
                } catch (TransportFailure f) {
                    metrics.request(r, LlmMetrics.outcome(f.status()), nanoClock.getAsLong() - start);
                    permit.observe(f.rateLimits());
                    permit.refund();
                    failure = f;
                } catch (LlmResponseException e) {
                    metrics.request(r, "invalid_response", nanoClock.getAsLong() - start);
                    throw e;
                }
            } catch (InterruptedException e) {
                throw new LlmInterruptedException(e);
            }
            if (failure.status() == 429) {
                metrics.rateLimited(r);
            }
            Optional<Duration> delay = retryPolicy.nextDelay(attempts, failure.status(), failure.retryAfter());
            if (delay.isEmpty()) {
                if (!RetryPolicy.isRetryable(failure.status())) {
                    throw new LlmRejectedException(failure.status(), failure.getMessage());
                }
                throw new LlmRetriesExhaustedException(attempts, failure.status(),
                        "gave up after " + attempts + " attempts: " + failure.getMessage(), failure);
            }
            metrics.retry(r, failure.status());
            LOG.debugf("LLM attempt %d failed (%s); retrying in %s", attempts, failure.getMessage(), delay.get());
            try {
                sleeper.sleep(delay.get());
            } catch (InterruptedException e) {
                throw new LlmInterruptedException(e);
            }
        }
    }

    private void store(LlmRequest r, List<String> keys, Fresh[] fresh) {
        if (!settings.cacheEnabled()) {
            return;
        }
        String prompt = CacheKey.messagesJson(r.messages());
        List<CachedCompletion> answers = new ArrayList<>(fresh.length);
        for (int i = 0; i < fresh.length; i++) {
            Fresh f = fresh[i];
            if (f != null) {
                answers.add(new CachedCompletion(keys.get(i), r.model(), r.runId(), r.stage(), prompt, f.text(),
                        f.promptTokens(), f.completionTokens(), clock.instant()));
            }
        }
        if (answers.isEmpty()) {
            return;
        }
        try {
            store.putAllIfAbsent(answers);
        } catch (RuntimeException e) {
            // The answers are paid for and good; losing their cache entries must not lose the answers too.
            for (int i = 0; i < answers.size(); i++) {
                metrics.cacheWriteFailure();
            }
            LOG.warnf("LLM cache write failed for %d samples: %s", answers.size(), e.toString());
        }
    }

    private static void failAll(List<Integer> indexes, ChoiceResult[] out, LlmException e) {
        for (int i : indexes) {
            out[i] = ChoiceResult.failed(i, e);
        }
    }

    /** Nothing came back and the endpoint is to blame (not the model's answers): the caller should know loudly. */
    private static void throwIfNothingObtained(ChoiceResult[] out, LlmUsage spent) {
        LlmException first = null;
        for (ChoiceResult c : out) {
            if (c.isOk() || c.error() instanceof LlmResponseException) {
                return;
            }
            first = first == null ? c.error() : first;
        }
        if (first != null) {
            throw first.withUsage(spent);
        }
    }

    private record Fresh(String text, long promptTokens, long completionTokens) {
    }

    /** Usage of one {@link #complete} call; updated from the threads fetching its samples. */
    private static final class Tally {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong promptTokens = new AtomicLong();
        final AtomicLong completionTokens = new AtomicLong();
        final AtomicLong cacheHits = new AtomicLong();
        final AtomicLong costMicroUsd = new AtomicLong();
        final AtomicLong savedMicroUsd = new AtomicLong();
        final AtomicLong unknownPriceCalls = new AtomicLong();

        /** A request answered: its cost, or one more call of unknown price (never counted as free). */
        void charge(Optional<ModelPrice> price, ChatResponse response, boolean batch) {
            if (price.isEmpty()) {
                unknownPriceCalls.incrementAndGet();
                return;
            }
            costMicroUsd.addAndGet(price.get().microUsd(response.promptTokens(), response.cachedPromptTokens(),
                    response.completionTokens(), batch));
        }

        LlmUsage usage() {
            return new LlmUsage(calls.get(), promptTokens.get(), completionTokens.get(), cacheHits.get(),
                    costMicroUsd.get(), savedMicroUsd.get(), unknownPriceCalls.get());
        }
    }
}
