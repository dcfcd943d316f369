package dev.autoif.instruction.domain;

/** What a client sees of a run. */
public enum RunStatus {
    /** Accepted, not picked up yet. */
    QUEUED,
    /** This service or a later stage still has work for it. */
    RUNNING,
    /** Every stage caught up with its upstream and the last stage finished. */
    DONE,
    /** This service gave up on it; the error says why. */
    FAILED,
    /** Cancelled by a client; stages stop taking its work. */
    CANCELLED;

    /**
     * @param state how far this service got with the run
     * @param pipelineDone whether the funnel says every stage is done
     */
    public static RunStatus of(RunState state, boolean pipelineDone) {
        return switch (state) {
            case QUEUED -> QUEUED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            case RUNNING, GENERATED -> pipelineDone ? DONE : RUNNING;
        };
    }
}
