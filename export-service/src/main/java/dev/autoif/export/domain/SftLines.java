package dev.autoif.export.domain;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns stored judgements, sorted by (instruction, query, response), into SFT lines: the ones the thresholds accept,
 * each distinct response text of a prompt once. Holds one prompt's responses at a time, so memory stays bounded
 * however large the run.
 */
public final class SftLines {

    private SftLines() {
    }

    public static Stream<Object> of(Iterator<JudgedSample> sorted, SftThresholds thresholds, SftFormat format) {
        Iterator<List<JudgedSample>> groups = Groups.consecutive(sorted, s -> s.instructionId() + '\u0000'
                + s.queryId());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(groups, Spliterator.ORDERED), false)
                .flatMap(group -> {
                    Set<String> seen = new HashSet<>();
                    return group.stream().filter(thresholds::accepts)
                            .filter(s -> seen.add(s.prompt() + '\u0000' + s.response()))
                            .map(s -> format.line(s.prompt(), s.response()));
                });
    }
}
