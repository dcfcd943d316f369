package dev.autoif.platform.messaging.step;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit for one consumer: commits that arrive while another of its commits runs wait for it, and then the first
 * of them commits all that wait (up to {@code maxGroup}) in one transaction. A consumer whose records are small and
 * many (progress deltas, export's rows) otherwise spends most of its time opening and committing transactions, one a
 * record.
 *
 * <p>Each record's commit stays atomic (its marker with its writes): a group commits or rolls back as a whole. When a
 * group fails, every commit of it runs again alone, in its own transaction, so only the record that failed fails, as
 * it would have without grouping. Commits must therefore be safe to run twice after a rollback: they build what they
 * store inside the call. One consumer's commits never run at the same time, so they never contend for the same rows.
 */
final class GroupCommit {

    /** Runs the work in a new transaction of its own and returns its result (committed), or throws (rolled back). */
    interface Transactions {
        <T> T inNew(Supplier<T> work);
    }

    private final Transactions transactions;
    private final int maxGroup;
    private final ReentrantLock leader = new ReentrantLock();
    private final ConcurrentLinkedQueue<Entry<?>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong transactionCount = new AtomicLong();

    GroupCommit(Transactions transactions, int maxGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be >= 1");
        }
        this.transactions = transactions;
        this.maxGroup = maxGroup;
    }

    /** Commits {@code work}, alone or with others that wait; returns its result or throws its failure. */
    <T> T commit(Supplier<T> work) {
        Entry<T> mine = new Entry<>(work);
        waiting.add(mine);
        leader.lock();
        try {
            // the previous leader may have committed this one with its group already
            while (!mine.done) {
                commitWaiting();
            }
        } finally {
            leader.unlock();
        }
        return mine.outcome();
    }

    /** Commits that reached their end (alone or grouped), and the transactions they took. */
    long committed() {
        return committed.get();
    }

    long transactions() {
        return transactionCount.get();
    }

    /** Commits waiting for the current leader. */
    int waiting() {
        return waiting.size();
    }

    private void commitWaiting() {
        List<Entry<?>> group = new ArrayList<>();
        for (Entry<?> e; group.size() < maxGroup && (e = waiting.poll()) != null;) {
            group.add(e);
        }
        if (group.size() == 1) {
            alone(group.getFirst());
            return;
        }
        try {
            transactionCount.incrementAndGet();
            transactions.inNew(() -> {
                group.forEach(Entry::runInside);
                return null;
            });
            group.forEach(Entry::keep);
            committed.addAndGet(group.size());
        } catch (RuntimeException groupFailed) {
            // rolled back, every one of them: each again on its own, so that only what fails alone fails
            group.forEach(this::alone);
        }
    }

    private <T> void alone(Entry<T> e) {
        try {
            transactionCount.incrementAndGet();
            e.succeeded(transactions.inNew(e.work));
            committed.incrementAndGet();
        } catch (RuntimeException failed) {
            e.failed(failed);
        }
    }

    private static final class Entry<T> {
        final Supplier<T> work;
        /** Written by the leader, read by the owner after the lock (which orders them). */
        boolean done;
        T result;
        RuntimeException failure;
        private T tentative;

        Entry(Supplier<T> work) {
            this.work = work;
        }

        void runInside() {
            tentative = work.get();
        }

        void keep() {
            succeeded(tentative);
        }

        void succeeded(T value) {
            result = value;
            failure = null;
            done = true;
        }

        void failed(RuntimeException e) {
            failure = e;
            done = true;
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
