package dev.autoif.nli.domain.onnx;

import dev.autoif.nli.domain.NliPair;
import dev.autoif.nli.domain.NliScores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Batches across instructions: each consumer thread hands in the few pairs of its instruction, and one inference
 * thread gathers what arrives within a short window (up to a pair limit) into a single classification, which then
 * sorts and pads them together. One instruction alone waits at most the window.
 */
public final class PairGatherer implements AutoCloseable {

    private record Request(List<NliPair> pairs, CompletableFuture<List<NliScores>> result) {
    }

    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Function<List<NliPair>, List<NliScores>> classifier;
    private final int maxPairs;
    private final long windowNanos;
    private final Thread worker;
    private volatile boolean closed;

    public PairGatherer(Function<List<NliPair>, List<NliScores>> classifier, int maxPairs, Duration window) {
        this.classifier = classifier;
        this.maxPairs = maxPairs;
        this.windowNanos = window.toNanos();
        this.worker = Thread.ofPlatform().daemon().name("nli-inference").start(this::loop);
    }

    /** Scores {@code pairs} (in order), together with whatever other threads submit at the same time. */
    public List<NliScores> classify(List<NliPair> pairs) {
        if (closed) {
            throw new IllegalStateException("the NLI model is closed");
        }
        if (pairs.isEmpty()) {
            return List.of();
        }
        Request r = new Request(List.copyOf(pairs), new CompletableFuture<>());
        queue.add(r);
        try {
            return r.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private void loop() {
        while (!closed) {
            List<Request> group = new ArrayList<>();
            try {
                Request first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int count = first.pairs().size();
                long deadline = System.nanoTime() + windowNanos;
                while (count < maxPairs) {
                    Request next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    group.add(next);
                    count += next.pairs().size();
                }
            } catch (InterruptedException e) {
                group.forEach(r -> r.result().completeExceptionally(e));
                return;
            }
            run(group);
        }
        Request left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("the NLI model is closed"));
        }
    }

    private void run(List<Request> group) {
        List<NliPair> all = new ArrayList<>();
        group.forEach(r -> all.addAll(r.pairs()));
        try {
            List<NliScores> scores = classifier.apply(all);
            int from = 0;
            for (Request r : group) {
                r.result().complete(scores.subList(from, from + r.pairs().size()));
                from += r.pairs().size();
            }
        } catch (RuntimeException e) {
            group.forEach(r -> r.result().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }
}
