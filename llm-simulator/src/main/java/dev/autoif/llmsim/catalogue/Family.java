package dev.autoif.llmsim.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A family of code-verifiable constraints ("answer in at most N words"), with the ways the simulated model phrases
 * it, the phrasing of its opposite (for contradicting back-translations), a correct Python {@code evaluate(response)}
 * and a Java mirror of that check, and writers for compliant and violating responses.
 */
public final class Family {

    /** The Java mirror of the Python function. Kept in step by a test that runs both on the same texts. */
    @FunctionalInterface
    public interface Check {
        boolean test(String response, Params p);
    }

    /** Writes a response about the kit's topic. */
    @FunctionalInterface
    public interface Writer {
        String write(TextKit kit, Params p);
    }

    private final String id;
    private final String category;
    private final List<Param> params;
    private final List<Template> phrasings;
    private final Template contradiction;
    private final Template python;
    private final Check check;
    private final Writer comply;
    private final Writer violate;

    Family(String id, String category, List<Param> params, List<String> phrasings, String contradiction,
            String python, Check check, Writer comply, Writer violate) {
        this.id = id;
        this.category = category;
        this.params = List.copyOf(params);
        this.phrasings = phrasings.stream().map(t -> new Template(t, params, true)).toList();
        this.contradiction = new Template(contradiction, params, true);
        this.python = new Template(python.stripIndent().strip() + "\n", params, false);
        this.check = check;
        this.comply = comply;
        this.violate = violate;
    }

    public String id() {
        return id;
    }

    public String category() {
        return category;
    }

    List<Param> params() {
        return params;
    }

    List<Template> phrasings() {
        return phrasings;
    }

    Template contradiction() {
        return contradiction;
    }

    Template python() {
        return python;
    }

    Check check() {
        return check;
    }

    Writer comply() {
        return comply;
    }

    Writer violate() {
        return violate;
    }

    public Constraint draw(SplittableRandom rng) {
        Map<String, String> values = new HashMap<>();
        for (Param p : params) {
            values.put(p.name(), p.draw().apply(rng));
        }
        return new Constraint(this, new Params(values), false);
    }

    /** Same family, other parameter values (an imprecise function, a mis-read instruction); null when none differ. */
    Constraint redraw(Constraint c, SplittableRandom rng) {
        if (params.isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            Constraint other = draw(rng);
            if (!other.params().equals(c.params())) {
                return new Constraint(this, other.params(), c.negated());
            }
        }
        return null;
    }
}
