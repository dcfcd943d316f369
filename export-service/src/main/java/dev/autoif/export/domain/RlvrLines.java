package dev.autoif.export.domain;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Prompts for online RL with verifiable rewards, in open-instruct's layout: one line per prompt with at least one
 * response the thresholds keep (the query is worth answering and the instruction's functions work on it). The label
 * is the instruction id, which the verifier's {@code POST /reward} resolves to the instruction's kept functions.
 */
public final class RlvrLines {

    /** The {@code dataset} value: tells open-instruct which verifier scores the line. */
    public static final String DATASET = "autoif";

    private RlvrLines() {
    }

    public static Stream<Lines.Rlvr> of(Iterator<JudgedSample> sorted, SftThresholds thresholds, PromptForm form,
            Split split) {
        return SftLines.acceptedByPrompt(sorted, thresholds, split).map(group -> {
            JudgedSample s = group.getFirst();
            return new Lines.Rlvr(Lines.Message.user(s.userTurn(form)), s.instructionId(), DATASET);
        });
    }
}
