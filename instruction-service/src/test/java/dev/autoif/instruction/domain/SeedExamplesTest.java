package dev.autoif.instruction.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeedExamplesTest {

    private final List<String> many = IntStream.range(0, 500).mapToObj(i -> "seed " + i).toList();

    @Test
    void smallSetsAreShownWhole() {
        List<String> few = List.of("a", "b");
        assertSame(few, SeedExamples.pick(few, 60, 1));
    }

    @Test
    void largeSetsAreSampledReproduciblyInOrder() {
        List<String> a = SeedExamples.pick(many, 60, 42);
        assertEquals(60, a.size());
        assertEquals(a, SeedExamples.pick(many, 60, 42));
        assertNotEquals(a, SeedExamples.pick(many, 60, 43));
        assertEquals(60, a.stream().distinct().count());
        List<Integer> order = a.stream().map(s -> Integer.parseInt(s.substring(5))).toList();
        assertTrue(IntStream.range(1, order.size()).allMatch(i -> order.get(i - 1) < order.get(i)));
    }
}
