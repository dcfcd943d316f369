package dev.autoif.llmsim.catalogue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One parameter of a constraint family: how to draw it from a seed and how to recognise it in text.
 *
 * @param name placeholder name, written {@code ${name}} in phrasings and Python templates
 * @param pattern regex (no groups) that a value of this parameter matches when read back from text or code
 * @param draw draws a value
 */
public record Param(String name, String pattern, Function<SplittableRandom, String> draw) {

    public static Param intRange(String name, int min, int max, int step) {
        return new Param(name, "\\d+", rng -> Integer.toString(min + step * rng.nextInt((max - min) / step + 1)));
    }

    /** A value from a fixed list. Values never contain a single quote or a backslash, so they embed in Python literals. */
    public static Param oneOf(String name, List<String> values) {
        for (String v : values) {
            if (v.contains("'") || v.contains("\\")) {
                throw new IllegalArgumentException("value not embeddable in a Python literal: " + v);
            }
        }
        return new Param(name, "[^'\\n\\\\]+?", rng -> values.get(rng.nextInt(values.size())));
    }
}
