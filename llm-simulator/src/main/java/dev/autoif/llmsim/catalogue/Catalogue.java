package dev.autoif.llmsim.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * All constraint families, and the two ways back from text to a constraint: reading an instruction (any phrasing,
 * or the contradiction phrasing) and reading a Python function the simulator wrote. The standard families are
 * drawn by default; the families of the diversity mode are only drawn in that mode but always read, so an
 * instruction written in one mode is understood in the other.
 */
public final class Catalogue {

    private static final Catalogue DEFAULT = create();

    /** Standard first: a text both a standard and a diversity family could read is read as the standard one. */
    private final List<Family> families;
    private final List<Family> standard;
    private final Diversity diversity;

    private Catalogue(List<Family> standard, List<Family> extra) {
        this.standard = standard;
        this.families = Stream.concat(standard.stream(), extra.stream()).toList();
        this.diversity = Diversity.of(families);
    }

    private static Catalogue create() {
        List<Family> standard = Families.all();
        return new Catalogue(standard, Diversity.extraFamilies(standard));
    }

    public static Catalogue standard() {
        return DEFAULT;
    }

    /** Every family the catalogue reads: the standard ones, then the diversity mode's. */
    public List<Family> families() {
        return families;
    }

    /** The families drawn outside the diversity mode. */
    public List<Family> standardFamilies() {
        return standard;
    }

    /** A constraint of a standard family with its standard parameters. */
    public Constraint draw(SplittableRandom rng) {
        return standard.get(rng.nextInt(standard.size())).draw(rng);
    }

    /** A constraint as the diversity mode draws it: any family, wide parameters, rarely the same one twice. */
    public Constraint drawDiverse(SplittableRandom rng) {
        return diversity.draw(rng);
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
