package dev.autoif.llmsim.play;

import java.util.SplittableRandom;

/** Small helpers for deterministic draws. */
final class Draws {

    private Draws() {
    }

    /** True with probability {@code rate}; always consumes exactly one draw so later draws do not shift. */
    static boolean chance(SplittableRandom rng, double rate) {
        double u = rng.nextDouble();
        return u < rate;
    }

    static <T> T pick(SplittableRandom rng, java.util.List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }
}
