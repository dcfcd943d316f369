package dev.autoif.export.domain;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Query-level preference lines from verified responses sorted by (instruction, query): one prompt at a time. */
public final class QueryPairLines {

    private QueryPairLines() {
    }

    public static Stream<Lines.Preference> of(Iterator<VerifiedSample> sorted, Double minChosenPassRate,
            int pairsPerPrompt) {
        Iterator<List<VerifiedSample>> groups = Groups.consecutive(sorted, s -> s.instructionId() + '\u0000'
                + s.queryId());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(groups, Spliterator.ORDERED), false)
                .flatMap(g -> QueryPairs.of(g, minChosenPassRate, pairsPerPrompt).stream());
    }
}
