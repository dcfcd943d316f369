package dev.autoif.verifier.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The Linux nice value of the calling thread (on Linux a thread's own attribute, not the process's). The sandbox
 * threads run interpreted Python, all CPU; on a machine shared with the pipeline's other services they take every
 * core as soon as functions arrive, and the services that mostly wait on the LLM (dispatching calls, committing
 * records, acknowledging sends) then wait for a core too, so fewer LLM calls are in flight than the provider allows.
 * A higher nice value lets those short bursts run first; the sandbox keeps every cycle nobody else wants. Raising
 * one's own nice value needs no privilege.
 *
 * <p>The thread finds its kernel id in {@code /proc/thread-self} and sets it with {@code renice} (util-linux, in every
 * Debian and Ubuntu base image): the project compiles for Java 21, where the foreign-function API that could call
 * {@code setpriority} directly is still a preview. Once per sandbox thread, so the process costs nothing that
 * matters. Elsewhere (no {@code /proc/thread-self}, no {@code renice}) it does nothing.
 */
public final class ThreadNice {

    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private ThreadNice() {
    }

    /** Whether this platform lets a thread set its own nice value this way. */
    public static boolean supported() {
        return Files.isSymbolicLink(THREAD_SELF) && current().isPresent() && reniceExists();
    }

    /**
     * Sets the calling thread's nice value (0-19; only ever raised: lowering needs a privilege). True when the
     * kernel reports the thread at that value afterwards.
     */
    public static boolean set(int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("nice must be 0-19, was " + nice);
        }
        try {
            // "<pid>/task/<tid>"
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            // --priority: the value itself (plain -n turns relative in newer util-linux)
            Process p = new ProcessBuilder("renice", "--priority", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && current().orElse(Integer.MIN_VALUE) == nice;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calling thread's nice value as the kernel reports it (field 19 of its stat), if it does. */
    public static OptionalInt current() {
        return niceOf(THREAD_SELF.resolve("stat"));
    }

    /** Field 19 of a {@code /proc/.../stat} file (after the parenthesised command name, which may hold spaces). */
    static OptionalInt niceOf(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(f[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static boolean reniceExists() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "renice"))) {
                return true;
            }
        }
        return false;
    }
}
