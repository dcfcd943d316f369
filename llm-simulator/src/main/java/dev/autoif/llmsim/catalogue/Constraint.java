package dev.autoif.llmsim.catalogue;

import java.util.SplittableRandom;

/**
 * One concrete constraint: a family with parameter values. A negated constraint is the family's opposite
 * (what a contradicting back-translation says); its function is the positive one wrapped in {@code not}.
 */
public record Constraint(Family family, Params params, boolean negated) {

    private static final String POSITIVE_NAME = "_follows_positive";

    /** One of the family's phrasings (the contradiction phrasing when negated), picked by the random source. */
    public String instruction(SplittableRandom rng) {
        if (negated) {
            return family.contradiction().render(params);
        }
        var phrasings = family.phrasings();
        return phrasings.get(rng.nextInt(phrasings.size())).render(params);
    }

    /** The first phrasing: stable text for seeds and tests. */
    public String instruction() {
        return negated ? family.contradiction().render(params) : family.phrasings().getFirst().render(params);
    }

    /** A correct Python {@code evaluate(response)} for this constraint. */
    public String python() {
        String positive = family.python().render(params);
        if (!negated) {
            return positive;
        }
        return positive.replace("def evaluate(response):", "def " + POSITIVE_NAME + "(response):")
                + "\n\ndef evaluate(response):\n    return not " + POSITIVE_NAME + "(response)\n";
    }

    public boolean check(String response) {
        return family.check().test(response, params) != negated;
    }

    public String comply(TextKit kit) {
        return (negated ? family.violate() : family.comply()).write(kit, params);
    }

    public String violate(TextKit kit) {
        return (negated ? family.comply() : family.violate()).write(kit, params);
    }

    public Constraint negate() {
        return new Constraint(family, params, !negated);
    }

    /** Same family and polarity, different parameters; null when the family has none. */
    public Constraint perturb(SplittableRandom rng) {
        return family.redraw(this, rng);
    }

    public boolean sameFamily(Constraint other) {
        return family.id().equals(other.family().id());
    }

    static boolean isNegatedCode(String code) {
        return code.contains("def " + POSITIVE_NAME + "(response):");
    }
}
