package dev.autoif.query;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InstructionAccepted;
import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.ScoredFunction;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.testinfra.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Hand-made records for the query service's broker tests. */
final class Fixtures {

    static final String FUNCTION = "def evaluate(response):\n    return response == response.lower()\n";

    private Fixtures() {
    }

    static RunParameters params(int queriesPerInstruction, int responsesPerQuery, int resampleBudget, long seed) {
        RunParameters d = RunParameters.defaults();
        return new RunParameters(d.selfInstructRounds(), d.functionsPerInstruction(), d.functionAccuracy(),
                d.caseAccuracy(), d.minFunctions(), d.minCases(), d.backTranslationsPerInstruction(), d.nliPolicy(),
                queriesPerInstruction, responsesPerQuery, d.responsePassRate(), resampleBudget, d.judgeThreshold(),
                d.judgeSamples(), d.models(), seed);
    }

    /** Publishes the run spec and waits until this service has stored it. */
    static RunSpec publishRun(RunSpecs runSpecs, String runId, RunParameters p, String corpusId) {
        RunSpec spec = new RunSpec(runId, "query test", List.of("Answer in lowercase letters only."), p, corpusId,
                false, Instant.parse("2026-01-01T00:00:00Z"));
        TopicProbe.send(Topics.RUNS, runId, EnvelopeCodec.encode(Envelope.random(runId, MessageType.RunSpec, spec)));
        if (runSpecs.await(runId, Duration.ofSeconds(30)).isEmpty()) {
            throw new IllegalStateException("run spec " + runId + " did not arrive");
        }
        return spec;
    }

    static InstructionAccepted instruction(String runId, String instructionId, String text) {
        return new InstructionAccepted(instructionId, runId, text, InstructionOrigin.SEED,
                List.of(new ScoredFunction(instructionId + "-f0", FUNCTION, 1.0, false)), List.of(), "onnx");
    }

    static String envelope(String messageId, String runId, MessageType type, Object payload) {
        return EnvelopeCodec.encode(Envelope.of(messageId, runId, type, payload));
    }

    static <T> T payload(ConsumerRecord<String, String> r, MessageType type) {
        return EnvelopeCodec.<T>decode(r.value(), type).payload();
    }

    /** This run's progress deltas of one stage, in partition (= publication) order. */
    static List<StageProgress> progress(String runId, Stage stage, int atLeast, Duration timeout) {
        return TopicProbe.read(Topics.RUNS_PROGRESS, atLeast, r -> runId.equals(r.key())
                && Fixtures.<StageProgress>payload(r, MessageType.StageProgress).stage() == stage, timeout)
                .stream().map(r -> Fixtures.<StageProgress>payload(r, MessageType.StageProgress)).toList();
    }

    /** The sum of deltas, as the funnel would fold them. */
    static StageProgress sum(String runId, Stage stage, List<StageProgress> deltas) {
        long in = 0;
        long out = 0;
        long calls = 0;
        long prompt = 0;
        long completion = 0;
        Map<String, Long> dropped = new HashMap<>();
        Map<String, Long> modes = new HashMap<>();
        long cost = 0;
        for (StageProgress d : deltas) {
            cost += d.costMicroUsd();
            in += d.itemsIn();
            out += d.itemsOut();
            calls += d.llmCalls();
            prompt += d.promptTokens();
            completion += d.completionTokens();
            d.dropped().forEach((k, v) -> dropped.merge(k, v, Long::sum));
            d.modes().forEach((k, v) -> modes.merge(k, v, Long::sum));
        }
        return new StageProgress(runId, stage, in, out, dropped, calls, prompt, completion, false, modes)
                .withCost(cost, 0, 0);
    }
}
