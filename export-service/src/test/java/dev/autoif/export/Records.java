package dev.autoif.export;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.JudgeStatus;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.PreferencePair;
import dev.autoif.contracts.ResponseJudged;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.testinfra.TopicProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made upstream records, published through the real broker as the other services would. */
final class Records {

    private Records() {
    }

    static String prompt(String instruction, String query) {
        return query + "\n\n" + instruction;
    }

    static void spec(String runId, String name) {
        RunSpec spec = new RunSpec(runId, name, List.of("Answer in lowercase letters only.",
                "Use exactly three bullet points."), RunParameters.defaults(), RunSpec.DEFAULT_CORPUS, false,
                Instant.parse("2026-01-01T00:00:00Z"));
        publish(Topics.RUNS, runId, Envelope.of("spec-" + runId, runId, MessageType.RunSpec, spec));
    }

    static ResponseJudged judged(String runId, String instruction, String query, String responseId, String response,
            double passRate, Double score, boolean kept) {
        return new ResponseJudged(responseId, "sample-" + instruction + "-" + query, runId, instruction,
                "constraint " + instruction, query, "query " + query,
                prompt("constraint " + instruction, "query " + query), response, passRate, score,
                score == null ? null : "analysis of " + responseId,
                score == null ? JudgeStatus.UNSCORED : JudgeStatus.SCORED, kept);
    }

    static String judgedEnvelope(String messageId, ResponseJudged j) {
        return EnvelopeCodec.encode(Envelope.of(messageId, j.runId(), MessageType.ResponseJudged, j));
    }

    static void publishJudged(ResponseJudged j) {
        TopicProbe.send(Topics.RESPONSES_JUDGED, j.instructionId(), judgedEnvelope("judge:" + j.runId() + ":" + j.responseId(), j));
    }

    /** {@code texts} and {@code rates} pair up; indexes are positions. */
    static ResponseVerified verified(String runId, String instruction, String query, int attempt, List<String> texts,
            List<Double> rates) {
        List<VerifiedResponse> responses = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            responses.add(new VerifiedResponse(i, texts.get(i), rates.get(i), List.of()));
        }
        return new ResponseVerified("sample-" + instruction + "-" + query, runId, instruction,
                "constraint " + instruction, query, "query " + query,
                prompt("constraint " + instruction, "query " + query), List.of(), responses, attempt);
    }

    static void publishVerified(ResponseVerified v) {
        TopicProbe.send(Topics.RESPONSES_VERIFIED, v.instructionId(), EnvelopeCodec.encode(Envelope.of(
                "verify:" + v.runId() + ":" + v.sampleId() + ":" + v.attempt(), v.runId(), MessageType.ResponseVerified, v)));
    }

    static InstructionVerified instruction(String runId, String instruction, List<PreferencePair> pairs) {
        return new InstructionVerified(instruction, runId, "constraint " + instruction, InstructionOrigin.AUGMENTED,
                List.of(), List.of(), List.of(), List.of(), List.of(), pairs);
    }

    static void publishInstruction(InstructionVerified i) {
        TopicProbe.send(Topics.INSTRUCTIONS_VERIFIED, i.instructionId(), EnvelopeCodec.encode(Envelope.of(
                "xval:" + i.runId() + ":" + i.instructionId(), i.runId(), MessageType.InstructionVerified, i)));
    }

    static void progress(String runId, Stage stage, long in, long out, Map<String, Long> dropped, long calls,
            long promptTokens, long completionTokens, boolean complete) {
        StageProgress p = new StageProgress(runId, stage, in, out, dropped, calls, promptTokens, completionTokens,
                complete);
        publish(Topics.RUNS_PROGRESS, runId, Envelope.of("progress:" + runId + ":" + stage, runId,
                MessageType.StageProgress, p));
    }

    static void publish(String topic, String key, Envelope<?> envelope) {
        TopicProbe.send(topic, key, EnvelopeCodec.encode(envelope));
    }
}
