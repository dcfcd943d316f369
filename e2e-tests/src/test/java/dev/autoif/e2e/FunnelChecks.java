package dev.autoif.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shape every finished run's funnel must have, checked on export's {@code GET /runs/{id}/funnel} JSON. Each
 * method returns the violations it found (empty: fine), so a failure lists all of them at once.
 */
final class FunnelChecks {

    enum Stage {
        SELF_INSTRUCT, FUNCTION_GENERATION, CROSS_VALIDATION, BACK_TRANSLATION, QUERY_SAMPLING,
        RESPONSE_VERIFICATION, REJECTION, JUDGE, EXPORT
    }

    /** Stages that take one item and either pass it on or drop it with a reason. */
    static final List<Stage> ONE_TO_ONE = List.of(Stage.SELF_INSTRUCT, Stage.FUNCTION_GENERATION,
            Stage.CROSS_VALIDATION, Stage.BACK_TRANSLATION, Stage.RESPONSE_VERIFICATION, Stage.JUDGE, Stage.EXPORT);

    /**
     * Counts reported next to a stage's item drops that are not lost items: REJECTION's
     * {@code recovered-by-resample} (query-service README) and CROSS_VALIDATION's {@code function-*} reasons, which
     * count functions dropped inside an instruction that may itself survive (verifier {@code CrossValidation}).
     */
    static boolean tally(Stage stage, String reason) {
        return (stage == Stage.REJECTION && reason.equals("recovered-by-resample"))
                || (stage == Stage.CROSS_VALIDATION && reason.startsWith("function-"));
    }

    private static final Pattern REASON = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    record Totals(Stage stage, long in, long out, Map<String, Long> dropped, long llmCalls, boolean done) {
        /** Items dropped, tallies of other units left out. */
        long droppedTotal() {
            return dropped.entrySet().stream().filter(e -> !tally(stage, e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    private FunnelChecks() {
    }

    static Map<Stage, Totals> stages(JsonNode funnel) {
        Map<Stage, Totals> m = new EnumMap<>(Stage.class);
        for (JsonNode s : funnel.path("stages")) {
            Map<String, Long> dropped = new java.util.TreeMap<>();
            s.path("dropped").properties().forEach(e -> dropped.put(e.getKey(), e.getValue().asLong()));
            Stage stage = Stage.valueOf(s.path("stage").asText());
            m.put(stage, new Totals(stage, s.path("itemsIn").asLong(),
                    s.path("itemsOut").asLong(), dropped, s.path("llmCalls").asLong(), s.path("done").asBoolean()));
        }
        return m;
    }

    /** Every stage reported, done; every drop reason a kebab-case key with a positive count. */
    static List<String> complete(Map<Stage, Totals> st) {
        List<String> v = new ArrayList<>();
        for (Stage s : Stage.values()) {
            Totals t = st.get(s);
            if (t == null) {
                v.add(s + " missing from the funnel");
                continue;
            }
            if (!t.done()) {
                v.add(s + " not done: " + t);
            }
            t.dropped().forEach((reason, n) -> {
                if (!REASON.matcher(reason).matches()) {
                    v.add(s + " drop reason '" + reason + "' is not a kebab-case key");
                }
                if (n <= 0) {
                    v.add(s + " drop reason '" + reason + "' has count " + n);
                }
            });
        }
        return v;
    }

    /**
     * Nothing vanishes without a reason: a one-to-one stage's input is its output plus its drops; each stage took in
     * what its upstream emitted (export takes in every judgement, kept or not, so it follows JUDGE's input).
     */
    static List<String> accounted(Map<Stage, Totals> st) {
        List<String> v = new ArrayList<>();
        for (Stage s : ONE_TO_ONE) {
            Totals t = st.get(s);
            if (t != null && t.in() != t.out() + t.droppedTotal()) {
                v.add(s + ": in " + t.in() + " != out " + t.out() + " + dropped " + t.droppedTotal() + " "
                        + t.dropped());
            }
        }
        for (Stage s : Stage.values()) {
            if (s == Stage.SELF_INSTRUCT || s == Stage.EXPORT) {
                continue;
            }
            Stage up = Stage.values()[s.ordinal() - 1];
            if (st.containsKey(s) && st.containsKey(up) && st.get(s).in() != st.get(up).out()) {
                v.add(s + " took in " + st.get(s).in() + " but " + up + " emitted " + st.get(up).out());
            }
        }
        if (st.containsKey(Stage.EXPORT) && st.containsKey(Stage.JUDGE)) {
            if (st.get(Stage.EXPORT).in() != st.get(Stage.JUDGE).in()) {
                v.add("EXPORT took in " + st.get(Stage.EXPORT).in() + " judgements, JUDGE judged "
                        + st.get(Stage.JUDGE).in());
            }
            if (st.get(Stage.EXPORT).out() != st.get(Stage.JUDGE).out()) {
                v.add("EXPORT kept " + st.get(Stage.EXPORT).out() + ", JUDGE kept " + st.get(Stage.JUDGE).out());
            }
        }
        return v;
    }

    /**
     * Filters only shrink: instructions after dedup >= with functions >= after cross-validation >= after NLI, and
     * pairs after verification >= after judging >= exported as kept. Expanding steps (query join, K responses) are
     * bounded by their fan-out instead.
     */
    static List<String> monotonic(Map<Stage, Totals> st, long exportKept, int queriesPerInstruction,
            int responsesPerQuery) {
        List<String> v = new ArrayList<>();
        nonIncreasing(v, "instructions", st.get(Stage.SELF_INSTRUCT).out(), st.get(Stage.FUNCTION_GENERATION).out(),
                st.get(Stage.CROSS_VALIDATION).out(), st.get(Stage.BACK_TRANSLATION).out());
        nonIncreasing(v, "responses", st.get(Stage.REJECTION).out(), st.get(Stage.JUDGE).out(), exportKept);
        long pairs = st.get(Stage.QUERY_SAMPLING).out();
        if (pairs > st.get(Stage.QUERY_SAMPLING).in() * (long) queriesPerInstruction * 2) {
            v.add("QUERY_SAMPLING emitted " + pairs + " pairs for " + st.get(Stage.QUERY_SAMPLING).in()
                    + " instructions x " + queriesPerInstruction + " queries (resamples at most double)");
        }
        if (st.get(Stage.REJECTION).out() > st.get(Stage.REJECTION).in() * (long) responsesPerQuery) {
            v.add("REJECTION accepted " + st.get(Stage.REJECTION).out() + " responses out of "
                    + st.get(Stage.REJECTION).in() + " pairs x " + responsesPerQuery);
        }
        return v;
    }

    private static void nonIncreasing(List<String> v, String what, long... counts) {
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[i - 1]) {
                v.add(what + " grow along the funnel: " + java.util.Arrays.toString(counts));
                return;
            }
        }
    }
}
