package dev.autoif.contracts;

/**
 * A lower bound, strict or inclusive, so that both the paper's "> 0.5" and the original code's "&gt;= 0.8"
 * can be written.
 */
public record Threshold(double value, boolean inclusive) {

    public static Threshold above(double value) {
        return new Threshold(value, false);
    }

    public static Threshold atLeast(double value) {
        return new Threshold(value, true);
    }

    public boolean accepts(double x) {
        return inclusive ? x >= value : x > value;
    }

    @Override
    public String toString() {
        return (inclusive ? ">= " : "> ") + value;
    }
}
