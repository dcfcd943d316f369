package dev.autoif.nli;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InstructionAccepted;
import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.Models;
import dev.autoif.contracts.NliPolicy;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.ScoredFunction;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.testinfra.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Records for the pipeline tests, written to and read from the real broker. */
final class Fixtures {

    /**
     * The simulator answers "Your response must not be empty." for any function containing this check. The tag
     * makes each function's prompt distinct, so no answer comes from the LLM cache and call counts are exact.
     */
    static String notEmptyCheck(String tag) {
        return "def evaluate(response):\n    # " + tag + "\n    return len(response.strip()) > 0\n";
    }

    /** No catalogue family: the simulator answers "Make sure the response passes every check in the given function." */
    static String unknownCheck(int remainder) {
        return "def evaluate(response):\n    return sum(map(ord, response)) % 11 == " + remainder + "\n";
    }

    /** The simulator's no_commas family. */
    static final String NO_COMMAS_CHECK = "def evaluate(response):\n    return ',' not in response\n";

    private Fixtures() {
    }

    static String newRun(NliPolicy policy, String model) {
        return newRun(policy, model, false);
    }

    static String newRun(NliPolicy policy, String model, boolean cancelled) {
        String runId = "run-" + UUID.randomUUID();
        RunParameters d = RunParameters.defaults();
        RunParameters p = new RunParameters(d.selfInstructRounds(), d.functionsPerInstruction(), d.functionAccuracy(),
                d.caseAccuracy(), d.minFunctions(), d.minCases(), 3, policy, d.queriesPerInstruction(),
                d.responsesPerQuery(), d.responsePassRate(), d.resampleBudget(), d.judgeThreshold(), d.judgeSamples(),
                Models.all(model), d.seed());
        RunSpec spec = new RunSpec(runId, "nli-test", List.of("Answer in lowercase letters only."), p,
                RunSpec.DEFAULT_CORPUS, cancelled, Instant.parse("2026-01-01T00:00:00Z"));
        TopicProbe.send(Topics.RUNS, runId, EnvelopeCodec.encode(Envelope.random(runId, MessageType.RunSpec, spec)));
        return runId;
    }

    static ScoredFunction fn(String id, String code) {
        return new ScoredFunction(id, code, 1.0, false);
    }

    static InstructionVerified verified(String runId, String text, ScoredFunction... functions) {
        return new InstructionVerified("instr-" + UUID.randomUUID(), runId, text, InstructionOrigin.SEED,
                List.of(functions), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static String envelope(InstructionVerified in) {
        return EnvelopeCodec.encode(Envelope.of("cv:" + in.instructionId(), in.runId(),
                MessageType.InstructionVerified, in));
    }

    static void send(InstructionVerified in) {
        TopicProbe.send(Topics.INSTRUCTIONS_VERIFIED, in.instructionId(), envelope(in));
    }

    static List<ConsumerRecord<String, String>> accepted(List<String> instructionIds, int count, Duration timeout) {
        return TopicProbe.read(Topics.INSTRUCTIONS_ACCEPTED, count, r -> instructionIds.contains(r.key()), timeout);
    }

    static InstructionAccepted payload(ConsumerRecord<String, String> r) {
        return EnvelopeCodec.<InstructionAccepted>decode(r.value(), MessageType.InstructionAccepted).payload();
    }

    static InstructionAccepted acceptedOne(List<ConsumerRecord<String, String>> records, String instructionId) {
        return records.stream().filter(r -> r.key().equals(instructionId)).map(Fixtures::payload).findFirst()
                .orElseThrow(() -> new AssertionError("no instructions.accepted record for " + instructionId));
    }

    /** The BACK_TRANSLATION progress deltas of a run (one per consumed instruction). */
    static List<StageProgress> progress(String runId, int count, Duration timeout) {
        return TopicProbe.read(Topics.RUNS_PROGRESS, count, r -> runId.equals(r.key()), timeout).stream()
                .map(r -> EnvelopeCodec.<StageProgress>decode(r.value(), MessageType.StageProgress).payload())
                .toList();
    }
}
