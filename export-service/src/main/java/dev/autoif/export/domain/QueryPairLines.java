package dev.autoif.export.domain;

import java.util.Iterator;
import java.util.stream.Stream;

/** Query-level preference lines from verified responses sorted by (instruction, query): one prompt at a time. */
public final class QueryPairLines {

    private QueryPairLines() {
    }

    public static Stream<Lines.Preference> of(Iterator<VerifiedSample> sorted, Double minChosenPassRate,
            int pairsPerPrompt, PromptForm form, Split split) {
        return Groups.stream(sorted, s -> s.instructionId() + '\u0000' + s.queryId())
                .filter(g -> split.holds(g.getFirst().instructionId(), g.getFirst().queryId()))
                .flatMap(g -> QueryPairs.of(g, minChosenPassRate, pairsPerPrompt, form).stream());
    }
}
