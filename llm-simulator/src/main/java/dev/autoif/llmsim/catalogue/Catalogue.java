package dev.autoif.llmsim.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * All constraint families, and the two ways back from text to a constraint: reading an instruction (any phrasing,
 * or the contradiction phrasing) and reading a Python function the simulator wrote.
 */
public final class Catalogue {

    private static final Catalogue DEFAULT = new Catalogue(Families.all());

    private final List<Family> families;

    private Catalogue(List<Family> families) {
        this.families = families;
    }

    public static Catalogue standard() {
        return DEFAULT;
    }

    public List<Family> families() {
        return families;
    }

    public Constraint draw(SplittableRandom rng) {
        return families.get(rng.nextInt(families.size())).draw(rng);
    }

    /** Reads an instruction, ignoring a leading "- " or numbering, case, and a final full stop. */
    public Optional<Constraint> parseInstruction(String instruction) {
        if (instruction == null) {
            return Optional.empty();
        }
        String text = instruction.strip().replaceFirst("^(?:[-*]\\s+|\\d+[.)]\\s+)", "");
        for (Family f : families) {
            for (Template t : f.phrasings()) {
                Optional<Params> p = t.matchWhole(text);
                if (p.isPresent()) {
                    return Optional.of(new Constraint(f, p.get(), false));
                }
            }
            Optional<Params> p = f.contradiction().matchWhole(text);
            if (p.isPresent()) {
                return Optional.of(new Constraint(f, p.get(), true));
            }
        }
        return Optional.empty();
    }

    /** Reads a function the simulator wrote for a constraint (positive or negated). */
    public Optional<Constraint> parseFunction(String code) {
        if (code == null) {
            return Optional.empty();
        }
        boolean negated = Constraint.isNegatedCode(code);
        String positive = negated ? code.replace("def _follows_positive(response):", "def evaluate(response):") : code;
        for (Family f : families) {
            Optional<Params> p = f.python().find(positive);
            if (p.isPresent()) {
                return Optional.of(new Constraint(f, p.get(), negated));
            }
        }
        return Optional.empty();
    }
}
