package dev.autoif.instruction.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Which seeds a self-instruct prompt shows as examples: all of them, or a reproducible sample of a large set. */
public final class SeedExamples {

    private SeedExamples() {
    }

    /** All seeds when there are at most {@code max}; else {@code max} of them, in their order, fixed by the seed. */
    public static List<String> pick(List<String> seeds, int max, long sampleSeed) {
        int limit = Math.max(1, max);
        if (seeds.size() <= limit) {
            return seeds;
        }
        List<Integer> positions = new ArrayList<>(IntStream.range(0, seeds.size()).boxed().toList());
        Collections.shuffle(positions, new Random(sampleSeed));
        return positions.subList(0, limit).stream().sorted().map(seeds::get).toList();
    }
}
