package dev.autoif.export.domain;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns stored judgements, sorted by (instruction, query, response), into SFT lines: the ones the thresholds accept,
 * each distinct response text of a prompt once. Holds one prompt's responses at a time, so memory stays bounded
 * however large the run.
 */
public final class SftLines {

    private SftLines() {
    }

    /**
     * @param metadataRunId null: the format's columns only; otherwise {@link Lines.Metadata} columns for this run
     */
    public static Stream<Object> of(Iterator<JudgedSample> sorted, SftThresholds thresholds, SftFormat format,
            PromptForm form, Split split, String metadataRunId) {
        return acceptedByPrompt(sorted, thresholds, split).flatMap(group -> {
            Set<String> seen = new HashSet<>();
            return group.stream().filter(s -> seen.add(s.response())).map(s -> {
                Object line = format.line(s.userTurn(form), s.response());
                return metadataRunId == null ? line : new Lines.WithMetadata(line, new Lines.Metadata(
                        metadataRunId, s.instructionId(), s.instruction(), s.queryId(), s.passRate(), s.score()));
            });
        });
    }

    /** Per prompt of the split (in order), the judgements the thresholds accept; prompts with none are skipped. */
    static Stream<List<JudgedSample>> acceptedByPrompt(Iterator<JudgedSample> sorted, SftThresholds thresholds,
            Split split) {
        return Groups.stream(sorted, s -> s.instructionId() + '\u0000' + s.queryId())
                .filter(g -> split.holds(g.getFirst().instructionId(), g.getFirst().queryId()))
                .map(g -> g.stream().filter(thresholds::accepts).toList())
                .filter(g -> !g.isEmpty());
    }
}
