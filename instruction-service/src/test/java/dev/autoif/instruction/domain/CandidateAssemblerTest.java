package dev.autoif.instruction.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.TestCase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateAssemblerTest {

    private final Instruction instruction = new Instruction("ins-1", "Use no commas.", InstructionOrigin.SEED);

    @Test
    void poolsCasesWithoutRepeatsAndNamesFunctionsByAnswerIndex() {
        FunctionAnswer a0 = new FunctionAnswer("def evaluate(r):\n    return ',' not in r\n",
                List.of(new TestCase("a, b", false), new TestCase("ab", true)), 0);
        FunctionAnswer a2 = new FunctionAnswer("def evaluate(response):\n    return response.count(',') == 0\n",
                List.of(new TestCase("ab", true), new TestCase("ab", false)), 1);
        InstructionCandidate c = CandidateAssembler.assemble("run", instruction, Map.of(2, a2, 0, a0), 3, 1)
                .orElseThrow();
        assertEquals(List.of("ins-1-f0", "ins-1-f2"), c.functions().stream().map(f -> f.functionId()).toList());
        assertEquals(List.of(new TestCase("a, b", false), new TestCase("ab", true), new TestCase("ab", false)),
                c.cases());
        assertEquals(3, c.answersRequested());
        assertEquals(1, c.answersUnparsable());
        assertEquals(InstructionOrigin.SEED, c.origin());
    }

    @Test
    void noParsableAnswerMeansNoCandidate() {
        assertTrue(CandidateAssembler.assemble("run", instruction, Map.of(), 3, 3).isEmpty());
    }

    @Test
    void statusFollowsTheStoredStateAndTheFunnel() {
        assertEquals(RunStatus.QUEUED, RunStatus.of(RunState.QUEUED, true));
        assertEquals(RunStatus.RUNNING, RunStatus.of(RunState.GENERATED, false));
        assertEquals(RunStatus.DONE, RunStatus.of(RunState.GENERATED, true));
        assertEquals(RunStatus.CANCELLED, RunStatus.of(RunState.CANCELLED, true));
        assertEquals(RunStatus.FAILED, RunStatus.of(RunState.FAILED, false));
    }
}
