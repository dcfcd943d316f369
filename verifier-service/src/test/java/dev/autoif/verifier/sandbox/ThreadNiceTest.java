package dev.autoif.verifier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox threads' nice value: set on the thread itself (checked against the kernel's own account in /proc, not
 * only our getpriority), other threads untouched.
 */
class ThreadNiceTest {

    @Test
    void aThreadRaisesItsOwnNiceValueAndNoOtherThreads() throws Exception {
        assumeTrue(ThreadNice.supported(), "per-thread nice values: Linux with renice");
        int before = niceOf(Path.of("/proc/thread-self/stat"));
        AtomicBoolean set = new AtomicBoolean();
        AtomicReference<String> tid = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                tid.set(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
                set.set(ThreadNice.set(7));
                done.countDown();
                checked.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        done.await();
        try {
            assertThat(set).isTrue();
            // read from outside the thread, by its kernel id
            assertThat(niceOf(Path.of("/proc/self/task", tid.get(), "stat"))).isEqualTo(7);
            assertThat(niceOf(Path.of("/proc/thread-self/stat"))).as("the calling thread").isEqualTo(before);
        } finally {
            checked.countDown();
            t.join();
        }
    }

    @Test
    void theSandboxThreadsRunAtTheConfiguredNiceValue() throws Exception {
        assumeTrue(ThreadNice.supported(), "per-thread nice values: Linux with renice");
        SandboxLimits limits = SandboxLimits.defaults().withWorkers(2);
        try (FunctionSandbox sandbox = new FunctionSandbox(limits, true, 5)) {
            sandbox.warmUp();
            List<FunctionResult> r = sandbox.evaluate(List.of("def evaluate(r):\n    return len(r) > 1\n"),
                    List.of("ab", "a"));
            assertThat(r.getFirst().verdicts()).hasSize(2);

            List<Integer> sandboxNice = new ArrayList<>();
            List<String> others = new ArrayList<>();
            List<Integer> watchdog = new ArrayList<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    String name;
                    int nice;
                    try {
                        name = Files.readString(task.resolve("comm")).strip();
                        nice = niceOf(task.resolve("stat"));
                    } catch (IOException | java.util.NoSuchElementException gone) {
                        continue; // a thread that ended meanwhile
                    }
                    if (name.startsWith("sandbox-watch")) {
                        watchdog.add(nice);
                    } else if (name.startsWith("sandbox-") && !name.startsWith("sandbox-cancel")) {
                        sandboxNice.add(nice);
                    } else if (nice == 5) {
                        others.add(name);
                    }
                }
            }
            // other sandboxes of this JVM (earlier test classes' lost threads) run at 0 under the same names
            assertThat(sandboxNice.stream().filter(n -> n == 5)).as("this sandbox's two threads").hasSize(2);
            // threads a sandbox thread starts inherit its value: GraalPy's own (its limit checker, its actions) and
            // the JVM's process reaper (renice's); the watchdog that enforces the limits keeps its priority
            assertThat(others).as("other threads at nice 5").allMatch(n -> n.startsWith("python-")
                    || n.startsWith("Sandbox [") || n.equals("process reaper"));
            assertThat(watchdog).isNotEmpty().containsOnly(0);
        }
    }

    @Test
    void aNiceValueOutsideTheKernelsRangeIsRefused() {
        assertThatThrownBy(() -> new FunctionSandbox(SandboxLimits.defaults(), true, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0-19");
        assertThatThrownBy(() -> ThreadNice.set(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int niceOf(Path stat) {
        return ThreadNice.niceOf(stat).orElseThrow();
    }
}
