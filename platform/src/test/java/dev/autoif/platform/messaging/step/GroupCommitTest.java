package dev.autoif.platform.messaging.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit without a database: a transaction is a buffer of writes kept on success, dropped on failure. */
class GroupCommitTest {

    /** What committed transactions wrote, each transaction's writes as one list, in commit order. */
    static final class FakeTransactions implements GroupCommit.Transactions {
        final List<List<String>> committed = new ArrayList<>();
        private List<String> current;

        @Override
        public synchronized <T> T inNew(Supplier<T> work) {
            current = new ArrayList<>();
            try {
                T result = work.get();
                committed.add(current);
                return result;
            } finally {
                current = null;
            }
        }

        void write(String s) {
            current.add(s);
        }

        synchronized List<List<String>> committed() {
            return List.copyOf(committed);
        }
    }

    private final FakeTransactions tx = new FakeTransactions();
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private Supplier<String> writes(String s) {
        return () -> {
            tx.write(s);
            return "result " + s;
        };
    }

    /** One commit holds the (only) leader; five arrive meanwhile; returns their futures once all five wait. */
    private List<Future<String>> fiveWaitBehindOne(GroupCommit g, CountDownLatch release, List<Supplier<String>> five)
            throws Exception {
        List<Future<String>> out = new ArrayList<>();
        CountDownLatch leading = new CountDownLatch(1);
        out.add(callers.submit(() -> g.commit(() -> {
            leading.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tx.write("first");
            return "result first";
        })));
        assertThat(leading.await(10, TimeUnit.SECONDS)).isTrue();
        for (Supplier<String> s : five) {
            out.add(callers.submit(() -> g.commit(s)));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (g.waiting() < five.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(g.waiting()).isEqualTo(five.size());
        return out;
    }

    @Test
    void commitsThatArriveDuringACommitGoTogetherInTheNextTransaction() throws Exception {
        GroupCommit g = new GroupCommit(tx, 64);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> f = fiveWaitBehindOne(g, release,
                List.of(writes("a"), writes("b"), writes("c"), writes("d"), writes("e")));
        release.countDown();

        List<String> results = new ArrayList<>();
        for (Future<String> x : f) {
            results.add(x.get(10, TimeUnit.SECONDS));
        }
        assertThat(results).containsExactly("result first", "result a", "result b", "result c", "result d",
                "result e");
        assertThat(tx.committed()).hasSize(2);
        assertThat(tx.committed().get(0)).containsExactly("first");
        assertThat(tx.committed().get(1)).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(g.committed()).isEqualTo(6);
        assertThat(g.transactions()).isEqualTo(2);
    }

    @Test
    void aGroupIsBoundedByItsMaximum() throws Exception {
        GroupCommit g = new GroupCommit(tx, 2);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> f = fiveWaitBehindOne(g, release,
                List.of(writes("a"), writes("b"), writes("c"), writes("d"), writes("e")));
        release.countDown();
        for (Future<String> x : f) {
            x.get(10, TimeUnit.SECONDS);
        }
        assertThat(tx.committed()).hasSize(4).allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(2));
        assertThat(tx.committed().stream().mapToInt(List::size).sum()).isEqualTo(6);
    }

    @Test
    void whenAGroupFailsOnlyTheFailingCommitFailsAndTheOthersCommitAlone() throws Exception {
        GroupCommit g = new GroupCommit(tx, 64);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<String> bad = () -> {
            tx.write("half of bad");
            throw new IllegalStateException("constraint violated");
        };
        List<Future<String>> f = fiveWaitBehindOne(g, release,
                List.of(writes("a"), writes("b"), bad, writes("d"), writes("e")));
        release.countDown();

        assertThat(f.get(1).get(10, TimeUnit.SECONDS)).isEqualTo("result a");
        assertThat(f.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("result b");
        assertThatThrownBy(() -> f.get(3).get(10, TimeUnit.SECONDS)).hasRootCauseMessage("constraint violated");
        assertThat(f.get(4).get(10, TimeUnit.SECONDS)).isEqualTo("result d");
        assertThat(f.get(5).get(10, TimeUnit.SECONDS)).isEqualTo("result e");
        // the group rolled back as a whole (nothing of it kept), then each alone: what failed left nothing
        List<String> all = tx.committed().stream().flatMap(List::stream).toList();
        assertThat(all).containsExactlyInAnyOrder("first", "a", "b", "d", "e");
        assertThat(tx.committed().subList(1, tx.committed().size())).allSatisfy(t -> assertThat(t).hasSize(1));
        assertThat(g.committed()).isEqualTo(5);
    }
}
