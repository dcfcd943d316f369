package dev.autoif.contracts;

import java.util.List;

/**
 * An instruction after self-instruct and dedup, with every function and case the LLM wrote for it.
 *
 * @param instructionId stable id (the message key)
 * @param runId the run
 * @param text the instruction
 * @param origin seed or augmented
 * @param functions the parsed functions, in answer order
 * @param cases all parsed test cases, pooled over the answers
 * @param answersRequested how many function answers were asked for
 * @param answersUnparsable how many of them could not be parsed and were dropped
 */
public record InstructionCandidate(String instructionId, String runId, String text, InstructionOrigin origin,
        List<FunctionCandidate> functions, List<TestCase> cases, int answersRequested, int answersUnparsable) {
}
