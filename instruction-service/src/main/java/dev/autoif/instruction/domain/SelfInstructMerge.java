package dev.autoif.instruction.domain;

import java.util.List;
import java.util.Map;

/**
 * Paper 3.2, self-instruct: the seeds united with every instruction parsed out of the K self-instruct answers,
 * duplicates dropped. Items in = seeds + lines taken from the answers, so in = out + dropped always holds.
 */
public final class SelfInstructMerge {

    public static final String UNPARSABLE_LINE = "unparsable-line";

    /**
     * @param instructions the unique instructions, seeds first, then in answer order
     * @param dropped drops by reason: {@value InstructionDeduplicator#DUPLICATE},
     *        {@value InstructionDeduplicator#NEAR_DUPLICATE}, {@value #UNPARSABLE_LINE}
     * @param itemsIn seeds plus lines taken from the answers
     */
    public record Result(List<Instruction> instructions, Map<String, Long> dropped, long itemsIn) {
    }

    private SelfInstructMerge() {
    }

    public static Result merge(String runId, List<String> seeds, List<String> answers) {
        return merge(runId, seeds, answers, InstructionDeduplicator.DEFAULT_THRESHOLD);
    }

    public static Result merge(String runId, List<String> seeds, List<String> answers, double nearDuplicateThreshold) {
        InstructionDeduplicator dedup = new InstructionDeduplicator(runId, nearDuplicateThreshold);
        long in = 0;
        for (String seed : seeds) {
            in++;
            dedup.addSeed(seed);
        }
        for (String answer : answers) {
            InstructionLines.Parsed parsed = InstructionLines.parse(answer);
            in += parsed.instructions().size() + parsed.unparsable();
            dedup.drop(UNPARSABLE_LINE, parsed.unparsable());
            parsed.instructions().forEach(dedup::addAugmented);
        }
        return new Result(dedup.kept(), dedup.dropped(), in);
    }
}
