package dev.autoif.instruction.domain;

/** How far this service got with a run (the stored state, unlike {@link RunStatus} which adds the funnel). */
public enum RunState {
    QUEUED,
    RUNNING,
    /** Self-instruct and function generation finished: every candidate of the run is published. */
    GENERATED,
    FAILED,
    CANCELLED;

    /** States the worker resumes after a restart. */
    public boolean resumable() {
        return this == QUEUED || this == RUNNING;
    }
}
