package dev.autoif.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoif.llm.LlmResponseException;
import dev.autoif.llm.cache.CachedCompletion;
import dev.autoif.llm.cache.CompletionStore;
import dev.autoif.llm.http.ChatResponse;
import dev.autoif.llm.http.OpenAiHttpTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Gathers batch-mode requests of one endpoint into batch files per model, sends them through the provider's Batch
 * API, polls them and puts every answer into the completion cache before handing it to whoever waits for it.
 *
 * <p>Crash safety: a batch and its lines are saved in the {@link BatchStore} before its file is uploaded, and its
 * provider id right after creation; a new Batcher over the same store takes every saved batch back (polls it, or
 * sends it again when it never got an id) and lets new requests for its keys wait for it instead of asking again.
 * A line the provider could not answer (error file, failed, expired or cancelled batch) is handed back as a failure
 * and the caller retries it online. One background virtual thread does all the sending and polling.
 */
public final class Batcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Batcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What came back for one line: a chat response, or why there is none. */
    public record Answer(ChatResponse response, String failure) {

        static Answer failed(String why) {
            return new Answer(null, why);
        }
    }

    /**
     * A line's place in a batch.
     *
     * @param joined true when the line was already owed by a pending batch (this request did not add it)
     */
    public record Ticket(CompletableFuture<Answer> answer, boolean joined) {
    }

    /**
     * What this batcher did since it started.
     *
     * @param batches batches created at the provider
     * @param lines lines in them
     * @param joined requests that waited for a line already in a pending batch instead of sending it again
     * @param failedLines lines the provider did not answer (handed back for an online retry)
     * @param resumed batches taken over from the store at start
     * @param adopted of those saved without a provider id, the ones the provider had created all the same (found by
     *     their tag and polled, not sent again)
     */
    public record Counts(long batches, long lines, long joined, long failedLines, long resumed, long adopted) {
    }

    /** Pages of {@code GET /batches} searched for a taken-back batch's tag before it is sent again. */
    static final int LOOKUP_PAGES = 20;

    private final String endpoint;
    private final BatchSettings settings;
    private final BatchApi api;
    private final BatchStore store;
    private final CompletionStore cache;
    private final Clock clock;
    private final Object lock = new Object();
    /** The lines owed, by custom id (= cache key); guarded by {@link #lock}. */
    private final Map<String, CompletableFuture<Answer>> owed = new HashMap<>();
    /** Lines not yet sent, by model; guarded by {@link #lock}. */
    private final Map<String, Gathering> gathering = new LinkedHashMap<>();
    private final List<Watched> watched = new CopyOnWriteArrayList<>();
    private final List<PendingBatch> toSend = new CopyOnWriteArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong joined = new AtomicLong();
    private final AtomicLong failedLines = new AtomicLong();
    private final AtomicLong resumed = new AtomicLong();
    private final AtomicLong adopted = new AtomicLong();
    /** Batches taken back without a provider id: the provider may have created them before the crash. */
    private final Set<String> maybeCreated = ConcurrentHashMap.newKeySet();
    private final Thread loop;
    private volatile boolean closed;

    private static final class Gathering {
        final long startedNanos = System.nanoTime();
        final List<PendingLine> lines = new ArrayList<>();
    }

    private static final class Watched {
        final PendingBatch batch;
        long nextPollNanos;

        Watched(PendingBatch batch, long nextPollNanos) {
            this.batch = batch;
            this.nextPollNanos = nextPollNanos;
        }
    }

    /** Takes back the store's pending batches of {@code endpoint} and starts sending and polling. */
    public Batcher(String endpoint, BatchSettings settings, BatchApi api, BatchStore store, CompletionStore cache,
            Clock clock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.api = api;
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        for (PendingBatch b : store.pending(endpoint)) {
            synchronized (lock) {
                b.lines().forEach(l -> owed.computeIfAbsent(l.customId(), k -> new CompletableFuture<>()));
            }
            if (b.batchId() == null) {
                maybeCreated.add(b.localId());
                toSend.add(b);
            } else {
                watched.add(new Watched(b, System.nanoTime()));
            }
            resumed.incrementAndGet();
            LOG.infof("LLM batch %s (%d lines, provider id %s) taken back after a restart", b.localId(),
                    b.lines().size(), b.batchId());
        }
        this.loop = Thread.ofVirtual().name("llm-batcher").start(this::run);
    }

    /** The answer to {@code line}: from the pending batch that already holds its key, or from a new one. */
    public Ticket submit(PendingLine line) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the LLM batcher is closed");
            }
            CompletableFuture<Answer> pending = owed.get(line.customId());
            if (pending != null) {
                joined.incrementAndGet();
                return new Ticket(pending, true);
            }
            CompletableFuture<Answer> mine = new CompletableFuture<>();
            owed.put(line.customId(), mine);
            Gathering g = gathering.computeIfAbsent(line.model(), m -> new Gathering());
            g.lines.add(line);
            if (g.lines.size() >= settings.maxRequests()) {
                wake.release();
            }
            return new Ticket(mine, false);
        }
    }

    public Counts counts() {
        return new Counts(batches.get(), lines.get(), joined.get(), failedLines.get(), resumed.get(),
                adopted.get());
    }

    /** Stops sending and polling (as a crash would); whoever waits gets a cancelled answer. What is saved stays. */
    @Override
    public void close() {
        List<CompletableFuture<Answer>> waiting;
        synchronized (lock) {
            closed = true;
            waiting = List.copyOf(owed.values());
            owed.clear();
            gathering.clear();
        }
        loop.interrupt();
        waiting.forEach(f -> f.cancel(false));
    }

    private void run() {
        long tickMillis = Math.clamp(Math.min(settings.maxWait().toMillis(), settings.pollInterval().toMillis()) / 2,
                5, 1000);
        while (!closed) {
            try {
                for (PendingBatch b : toSend) {
                    toSend.remove(b);
                    send(b);
                }
                for (List<PendingLine> due : due()) {
                    PendingBatch b = new PendingBatch(UUID.randomUUID().toString(), endpoint, null, due);
                    try {
                        store.save(b);
                    } catch (RuntimeException e) {
                        // Not saved, so not sent: a crash now would lose track of it. Its callers go online.
                        LOG.warnf("LLM batch not saved (%d lines go online): %s", due.size(), e.toString());
                        due.forEach(l -> settle(l.customId(), Answer.failed("batch not saved: " + e)));
                        continue;
                    }
                    send(b);
                }
                for (Watched w : watched) {
                    if (System.nanoTime() - w.nextPollNanos >= 0) {
                        poll(w);
                    }
                }
                wake.tryAcquire(tickMillis, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A store or network hiccup: everything it touched is still saved, the next tick tries again.
                LOG.warnf("LLM batcher: %s", e.toString());
                sleepQuietly(tickMillis);
            }
        }
    }

    /** The gathered lines whose file is full or has waited long enough, at most {@code maxRequests} per file. */
    private List<List<PendingLine>> due() {
        List<List<PendingLine>> out = new ArrayList<>();
        synchronized (lock) {
            var it = gathering.entrySet().iterator();
            while (it.hasNext()) {
                Gathering g = it.next().getValue();
                boolean old = System.nanoTime() - g.startedNanos >= settings.maxWait().toNanos();
                while (g.lines.size() >= settings.maxRequests()) {
                    List<PendingLine> head = g.lines.subList(0, settings.maxRequests());
                    out.add(List.copyOf(head));
                    head.clear();
                }
                if (old && !g.lines.isEmpty()) {
                    out.add(List.copyOf(g.lines));
                    g.lines.clear();
                }
                if (g.lines.isEmpty()) {
                    it.remove();
                }
            }
        }
        return out;
    }

    /** Uploads the saved batch's file and creates it; on failure its lines go back to their callers as failed. */
    private void send(PendingBatch b) throws InterruptedException {
        if (maybeCreated.remove(b.localId()) && adopt(b)) {
            return;
        }
        BatchApi.RemoteBatch remote;
        try {
            String fileId = api.upload("autoif-" + b.localId() + ".jsonl", jsonl(b));
            remote = api.create(fileId, b.localId());
        } catch (BatchApi.BatchApiException e) {
            LOG.warnf("LLM batch %s could not be sent (%d lines go online): %s", b.localId(), b.lines().size(),
                    e.getMessage());
            store.remove(b.localId());
            b.lines().forEach(l -> settle(l.customId(), Answer.failed("batch not sent: " + e.getMessage())));
            return;
        }
        try {
            store.submitted(b.localId(), remote.id());
        } catch (RuntimeException e) {
            // Watched from memory all the same; only a restart before it ends would send it again.
            LOG.warnf("LLM batch %s: provider id %s not saved: %s", b.localId(), remote.id(), e.toString());
        }
        batches.incrementAndGet();
        lines.addAndGet(b.lines().size());
        watched.add(new Watched(b.submitted(remote.id()), System.nanoTime() + settings.pollInterval().toNanos()));
        LOG.infof("LLM batch %s created as %s with %d lines", b.localId(), remote.id(), b.lines().size());
    }

    /**
     * A batch saved before the crash but not its provider id: if the provider created it (found by its tag), it is
     * polled from now on instead of being sent a second time. A failed lookup sends it (at worst paid twice, said).
     */
    private boolean adopt(PendingBatch b) throws InterruptedException {
        Optional<BatchApi.RemoteBatch> found;
        try {
            found = api.findTagged(b.localId(), LOOKUP_PAGES);
        } catch (BatchApi.BatchApiException e) {
            LOG.warnf("LLM batch %s: could not look for it at the provider, sending it (it may be paid twice): %s",
                    b.localId(), e.getMessage());
            return false;
        }
        if (found.isEmpty()) {
            return false;
        }
        String id = found.get().id();
        try {
            store.submitted(b.localId(), id);
        } catch (RuntimeException e) {
            LOG.warnf("LLM batch %s: provider id %s not saved: %s", b.localId(), id, e.toString());
        }
        adopted.incrementAndGet();
        watched.add(new Watched(b.submitted(id), System.nanoTime()));
        LOG.infof("LLM batch %s was created as %s before the restart: polling it, not sending it again",
                b.localId(), id);
        return true;
    }

    private static byte[] jsonl(PendingBatch b) {
        StringBuilder sb = new StringBuilder();
        for (PendingLine l : b.lines()) {
            ObjectNode line = JSON.createObjectNode();
            line.put("custom_id", l.customId());
            line.put("method", "POST");
            line.put("url", "/v1/chat/completions");
            try {
                line.set("body", JSON.readTree(l.body()));
            } catch (IOException e) {
                throw new IllegalStateException("a saved batch line is not JSON", e);
            }
            sb.append(line).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void poll(Watched w) throws InterruptedException {
        PendingBatch b = w.batch;
        BatchApi.RemoteBatch remote;
        try {
            remote = api.get(b.batchId());
        } catch (BatchApi.BatchApiException e) {
            LOG.warnf("LLM batch %s: status not read, asking again later: %s", b.batchId(), e.getMessage());
            w.nextPollNanos = System.nanoTime() + settings.pollInterval().toNanos();
            return;
        }
        if (!remote.ended()) {
            w.nextPollNanos = System.nanoTime() + settings.pollInterval().toNanos();
            return;
        }
        Map<String, Answer> answers = new HashMap<>();
        try {
            read(remote.outputFileId(), answers);
            read(remote.errorFileId(), answers);
        } catch (BatchApi.BatchApiException e) {
            LOG.warnf("LLM batch %s: files not read, trying again later: %s", b.batchId(), e.getMessage());
            w.nextPollNanos = System.nanoTime() + settings.pollInterval().toNanos();
            return;
        }
        for (PendingLine l : b.lines()) {
            Answer a = answers.getOrDefault(l.customId(), Answer.failed("batch " + remote.status()
                    + " without an answer for this line"));
            if (a.response() != null) {
                a = cacheAnswer(l, a);
            }
            answers.put(l.customId(), a);
        }
        // The answers are in the cache: only now may the batch be forgotten.
        store.remove(b.localId());
        watched.remove(w);
        long failed = 0;
        for (PendingLine l : b.lines()) {
            Answer a = answers.get(l.customId());
            if (a.response() == null) {
                failed++;
            }
            settle(l.customId(), a);
        }
        failedLines.addAndGet(failed);
        LOG.infof("LLM batch %s %s: %d answered, %d to retry", b.batchId(), remote.status(),
                b.lines().size() - failed, failed);
    }

    /** The answer's first choice into the completion cache; a choice without text is a failure, as online. */
    private Answer cacheAnswer(PendingLine l, Answer a) {
        ChatResponse r = a.response();
        if (r.contents().isEmpty() || r.contents().getFirst() == null) {
            return a; // the caller turns it into the same failure an online answer without text gives
        }
        try {
            cache.putIfAbsent(new CachedCompletion(l.customId(), l.model(), l.runId(), l.stage(), l.prompt(),
                    r.contents().getFirst(), r.promptTokens(), r.completionTokens(), clock.instant()));
        } catch (RuntimeException e) {
            LOG.warnf("LLM cache write failed for batch line %s: %s", l.customId(), e.toString());
        }
        return a;
    }

    /** The lines of an output or error file, by custom id. */
    private void read(String fileId, Map<String, Answer> into) throws InterruptedException {
        if (fileId == null) {
            return;
        }
        for (String text : api.content(fileId).split("\n")) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode line;
            try {
                line = JSON.readTree(text);
            } catch (IOException e) {
                LOG.warnf("LLM batch file %s has a line that is not JSON; skipped", fileId);
                continue;
            }
            into.put(line.path("custom_id").asText(), answer(line));
        }
    }

    private static Answer answer(JsonNode line) {
        JsonNode response = line.path("response");
        if (response.path("status_code").asInt() == 200) {
            try {
                return new Answer(OpenAiHttpTransport.parse(response.path("body").toString()), null);
            } catch (LlmResponseException e) {
                return Answer.failed(e.getMessage());
            }
        }
        JsonNode error = line.path("error").isObject() ? line.path("error")
                : response.path("body").path("error");
        return Answer.failed("HTTP " + response.path("status_code").asInt(0) + " in batch: "
                + error.path("code").asText("") + " " + error.path("message").asText(""));
    }

    private void settle(String customId, Answer a) {
        CompletableFuture<Answer> f;
        synchronized (lock) {
            f = owed.remove(customId);
        }
        if (f != null) {
            f.complete(a);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
