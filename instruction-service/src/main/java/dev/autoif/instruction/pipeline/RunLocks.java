package dev.autoif.instruction.pipeline;

/**
 * Striped locks per run id. Publishing a run's spec reads the stored spec and sends it under the run's lock, so a
 * cancel racing a submit always leaves the cancelled spec as the latest record on the compacted topic.
 */
final class RunLocks {

    private final Object[] stripes = new Object[64];

    RunLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    Object of(String runId) {
        return stripes[Math.floorMod(runId.hashCode(), stripes.length)];
    }
}
