package dev.autoif.instruction.pipeline;

/** The worker was stopped (shutdown) while working on a run; the run stays resumable. */
public class RunInterruptedException extends RuntimeException {

    public RunInterruptedException(InterruptedException cause) {
        super("interrupted", cause);
    }
}
