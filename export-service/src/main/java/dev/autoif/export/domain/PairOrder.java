package dev.autoif.export.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Which (chosen, rejected) combinations to take when a prompt has more than needed. Square first: all pairs among
 * the first n chosen and first n rejected before any pair with the (n+1)-th, so a limit of 4 gives the original
 * code's 2 x 2 and a limit of 9 gives 3 x 3, and each response is reused as evenly as possible.
 */
public final class PairOrder {

    private PairOrder() {
    }

    /** Index pairs {chosen, rejected}, at most {@code limit}. */
    public static List<int[]> squareFirst(int chosen, int rejected, int limit) {
        List<int[]> pairs = new ArrayList<>();
        int rings = Math.max(chosen, rejected);
        for (int ring = 0; ring < rings && pairs.size() < limit; ring++) {
            // the ring holds (i, ring) for i < ring, then (ring, j) for j <= ring
            for (int i = 0; i < ring && pairs.size() < limit; i++) {
                if (i < chosen && ring < rejected) {
                    pairs.add(new int[] {i, ring});
                }
            }
            for (int j = 0; j <= ring && pairs.size() < limit; j++) {
                if (ring < chosen && j < rejected) {
                    pairs.add(new int[] {ring, j});
                }
            }
        }
        return pairs;
    }
}
