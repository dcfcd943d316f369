package dev.autoif.llmsim.http;

import dev.autoif.llmsim.Fault;
import dev.autoif.llmsim.Settings;
import dev.autoif.llmsim.prompt.PromptKind;
import java.util.Map;
import java.util.SplittableRandom;

/** Draws at most one fault of a scope: one uniform number walked along the cumulative rates in declaration order. */
final class Faults {

    private Faults() {
    }

    static Fault draw(SplittableRandom rng, Settings settings, PromptKind kind, Fault.Scope scope) {
        double u = rng.nextDouble();
        double acc = 0;
        Map<Fault, Double> rates = settings.faults();
        for (Fault f : Fault.values()) {
            if (f.scope() != scope || !f.appliesTo(kind)) {
                continue;
            }
            double r = rates.getOrDefault(f, 0.0);
            if (r <= 0) {
                continue;
            }
            acc += r;
            if (u < acc) {
                return f;
            }
        }
        return null;
    }
}
