package dev.autoif.instruction.domain;

import dev.autoif.contracts.FunctionCandidate;
import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.TestCase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Paper 3.2: one candidate per instruction with every function the LLM wrote for it and the pooled test cases
 * (repeats removed; conflicting verdicts for one input are kept, cross-validation sorts them out). An instruction
 * without a single parsable function has nothing to verify and is dropped ({@value #NO_PARSABLE_FUNCTION}).
 */
public final class CandidateAssembler {

    public static final String NO_PARSABLE_FUNCTION = "no-parsable-function";

    private CandidateAssembler() {
    }

    /**
     * @param answers parsed answers by their sample index (the index names the function, so ids stay stable)
     * @param requested answers asked for
     * @param unparsable answers that came back but did not parse
     */
    public static Optional<InstructionCandidate> assemble(String runId, Instruction instruction,
            Map<Integer, FunctionAnswer> answers, int requested, int unparsable) {
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        List<FunctionCandidate> functions = new ArrayList<>();
        Set<TestCase> cases = new LinkedHashSet<>();
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            functions.add(new FunctionCandidate(functionId(instruction.instructionId(), e.getKey()),
                    e.getValue().code()));
            cases.addAll(e.getValue().cases());
        });
        return Optional.of(new InstructionCandidate(instruction.instructionId(), runId, instruction.text(),
                instruction.origin(), List.copyOf(functions), List.copyOf(cases), requested, unparsable));
    }

    public static String functionId(String instructionId, int answerIndex) {
        return instructionId + "-f" + answerIndex;
    }
}
