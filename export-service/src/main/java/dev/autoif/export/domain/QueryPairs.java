package dev.autoif.export.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query-level preference pairs for one prompt, by {@link PairRule}. Identical texts count once. Chosen are taken best
 * pass rate first, then in sampling order; rejected in sampling order; combinations square first up to the limit.
 */
public final class QueryPairs {

    private QueryPairs() {
    }

    /**
     * @param group every verified response of one prompt
     * @param minChosenPassRate null: the paper's strict "> 0.5"; otherwise an inclusive bound
     */
    public static List<Lines.Preference> of(List<VerifiedSample> group, Double minChosenPassRate, int limit,
            PromptForm form) {
        if (group.isEmpty() || limit <= 0) {
            return List.of();
        }
        Comparator<VerifiedSample> sampling = Comparator.comparing(VerifiedSample::sampleId)
                .thenComparingInt(VerifiedSample::attempt).thenComparingInt(VerifiedSample::index);
        List<String> chosen = distinctTexts(group.stream()
                .filter(s -> PairRule.chosen(s.passRate(), minChosenPassRate))
                .sorted(Comparator.comparingDouble(VerifiedSample::passRate).reversed().thenComparing(sampling))
                .toList());
        List<String> rejected = distinctTexts(group.stream().filter(s -> PairRule.rejected(s.passRate()))
                .sorted(sampling).toList());
        String prompt = group.getFirst().userTurn(form);
        List<Lines.Preference> pairs = new ArrayList<>();
        for (int[] p : PairOrder.squareFirst(chosen.size(), rejected.size(), limit)) {
            pairs.add(new Lines.Preference(prompt, chosen.get(p[0]), rejected.get(p[1])));
        }
        return pairs;
    }

    private static List<String> distinctTexts(List<VerifiedSample> samples) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        samples.forEach(s -> seen.putIfAbsent(s.response(), Boolean.TRUE));
        return List.copyOf(seen.keySet());
    }
}
