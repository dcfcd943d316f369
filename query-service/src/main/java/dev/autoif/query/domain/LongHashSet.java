package dev.autoif.query.domain;

import java.util.Arrays;

/**
 * A set of longs in one open-addressing array: 16 bytes per entry at most, against about 80 for a
 * {@code HashSet<Long>}. It holds the 64-bit fingerprints of the queries of one upload, so that duplicates are
 * found without asking the database about every batch (an IN query over a growing table slowed uploads to a
 * crawl). The JDK has no primitive set and no library providing one is on the classpath.
 */
final class LongHashSet {

    private static final long EMPTY = 0L;

    private long[] slots = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /** Adds {@code v}; false when it was already present. */
    boolean add(long v) {
        if (v == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        if (!insert(slots, v)) {
            return false;
        }
        size++;
        return true;
    }

    private static boolean insert(long[] table, long v) {
        int mask = table.length - 1;
        int i = (int) mix(v) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long v : slots) {
            if (v != EMPTY) {
                insert(bigger, v);
            }
        }
        slots = bigger;
    }

    private static long mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    @Override
    public String toString() {
        return "LongHashSet[" + size() + " of " + Arrays.stream(slots).count() + " slots]";
    }
}
