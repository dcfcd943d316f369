package dev.autoif.query.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * Picks which queries of a corpus an instruction is joined with (paper 3.3): {@code k} distinct ordinals out of
 * {@code 0..corpusSize-1}, drawn from a seed, returned in ascending order so the same seed always yields the same
 * list in the same order. Floyd's algorithm: k draws, no scan of the corpus, no shuffle of n elements.
 */
public final class QueryPicker {

    private QueryPicker() {
    }

    public static List<Long> pick(long seed, long corpusSize, int k) {
        if (corpusSize <= 0 || k <= 0) {
            return List.of();
        }
        if (k >= corpusSize) {
            return LongStream.range(0, corpusSize).boxed().toList();
        }
        SplittableRandom random = new SplittableRandom(seed);
        TreeSet<Long> chosen = new TreeSet<>();
        for (long j = corpusSize - k; j < corpusSize; j++) {
            long t = random.nextLong(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        return new ArrayList<>(chosen);
    }
}
