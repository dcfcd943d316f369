package dev.autoif.verifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.FunctionCandidate;
import dev.autoif.contracts.FunctionRef;
import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.ScoredCase;
import dev.autoif.contracts.ScoredFunction;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.TestCase;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.Verdict;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Cross-validation and response verification through the real broker, with hand-written functions and cases. */
@QuarkusTest
class VerifierTopicsTest {

    static final String LOWERCASE = "def evaluate(response):\n    return response == response.lower()\n";
    static final String LOWERCASE_RE = "import re\ndef evaluate(response):\n"
            + "    return re.search(r'[A-Z]', response) is None\n";
    /** Wrong: accepts anything. */
    static final String ALWAYS = "def evaluate(response):\n    return True\n";
    static final String NLTK = "import nltk\ndef evaluate(response):\n    return True\n";
    static final List<TestCase> CASES = List.of(new TestCase("all lowercase here", true),
            new TestCase("still quiet", true), new TestCase("Not Lowercase", false), new TestCase("SHOUT", false));

    @Inject
    RunSpecs runSpecs;

    static String newRun() {
        String runId = "run-" + UUID.randomUUID();
        RunSpec spec = new RunSpec(runId, "verifier-test", List.of("Answer in lowercase letters only."),
                RunParameters.defaults(), RunSpec.DEFAULT_CORPUS, false, Instant.now());
        TopicProbe.send(Topics.RUNS, runId, EnvelopeCodec.encode(Envelope.random(runId, MessageType.RunSpec, spec)));
        return runId;
    }

    static String candidate(String messageId, String runId, String instructionId, List<String> functions) {
        List<FunctionCandidate> fs = new java.util.ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            fs.add(new FunctionCandidate(instructionId + "-f" + i, functions.get(i)));
        }
        InstructionCandidate c = new InstructionCandidate(instructionId, runId, "Answer in lowercase letters only.",
                InstructionOrigin.SEED, fs, CASES, functions.size(), 0);
        return EnvelopeCodec.encode(Envelope.of(messageId, runId, MessageType.InstructionCandidate, c));
    }

    static List<ConsumerRecord<String, String>> read(String topic, String key, int n, Duration wait) {
        return TopicProbe.read(topic, n, r -> key.equals(r.key()), wait);
    }

    static List<StageProgress> progress(String runId, Stage stage, int n, Duration wait) {
        return TopicProbe.read(Topics.RUNS_PROGRESS, n, r -> runId.equals(r.key()) && r.value().contains(stage.name()),
                wait).stream().map(r -> EnvelopeCodec.<StageProgress>decode(r.value(), MessageType.StageProgress)
                .payload()).toList();
    }

    @Test
    void crossValidationKeepsTheRightFunctionsAndCasesAndReportsProgress() {
        String runId = newRun();
        String id = "ins-" + UUID.randomUUID();
        TopicProbe.send(Topics.INSTRUCTIONS_CANDIDATES, id,
                candidate("m-" + id, runId, id, List.of(LOWERCASE, LOWERCASE_RE, ALWAYS, NLTK)));

        List<ConsumerRecord<String, String>> out = read(Topics.INSTRUCTIONS_VERIFIED, id, 1, Duration.ofSeconds(120));

        assertThat(out).hasSize(1);
        InstructionVerified v = EnvelopeCodec.<InstructionVerified>decode(out.get(0).value(),
                MessageType.InstructionVerified).payload();
        // three functions compiled; ALWAYS passes every case while the labels disagree: constant, dropped before
        // voting; the two others vote: every case 2/2 -> all kept
        assertThat(v.functionIds()).containsExactly(id + "-f0", id + "-f1");
        assertThat(v.cases()).extracting(ScoredCase::accuracy).containsExactly(1.0, 1.0, 1.0, 1.0);
        assertThat(v.functions()).extracting(ScoredFunction::functionId).containsExactly(id + "-f0", id + "-f1");
        assertThat(v.casePairs()).hasSize(4);
        assertThat(v.matrix()).hasSize(2);

        List<StageProgress> p = progress(runId, Stage.CROSS_VALIDATION, 1, Duration.ofSeconds(30));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).itemsIn()).isEqualTo(1);
        assertThat(p.get(0).itemsOut()).isEqualTo(1);
        assertThat(p.get(0).dropped()).isEqualTo(Map.of("function-unsupported-import", 1L, "function-constant", 1L));
        // the functions are counted apart: 4 in, 2 kept
        assertThat(p.get(0).modes()).isEqualTo(Map.of("functions-in", 4L, "functions-out", 2L));
    }

    @Test
    void anInstructionWhoseFunctionsAllImportUnsupportedModulesIsDroppedWithTheReason() {
        String runId = newRun();
        String id = "ins-" + UUID.randomUUID();
        TopicProbe.send(Topics.INSTRUCTIONS_CANDIDATES, id, candidate("m-" + id, runId, id, List.of(NLTK, NLTK)));

        List<StageProgress> p = progress(runId, Stage.CROSS_VALIDATION, 1, Duration.ofSeconds(120));

        assertThat(p).hasSize(1);
        assertThat(p.get(0).itemsOut()).isZero();
        assertThat(p.get(0).dropped()).containsEntry("unsupported-import", 1L)
                .containsEntry("function-unsupported-import", 2L);
        assertThat(read(Topics.INSTRUCTIONS_VERIFIED, id, 1, Duration.ofSeconds(2))).isEmpty();
        // the dropped instruction's report is stored: why it went, per function
        given().when().get("/cross-validations/" + id).then().statusCode(200)
                .body("outcome", equalTo("unsupported-import"))
                .body("functions.outcome", contains("function-unsupported-import", "function-unsupported-import"))
                .body("cases", hasSize(4));
    }

    @Test
    void theSameCandidateTwiceGivesOneVerifiedRecordAndOneProgressDelta() {
        String runId = newRun();
        String id = "ins-" + UUID.randomUUID();
        String record = candidate("m-" + id, runId, id, List.of(LOWERCASE, LOWERCASE_RE));
        TopicProbe.send(Topics.INSTRUCTIONS_CANDIDATES, id, record);
        TopicProbe.send(Topics.INSTRUCTIONS_CANDIDATES, id, record);
        // a later record on the same key (same partition): once it is out, both copies above were consumed
        String sentinel = "ins-" + UUID.randomUUID();
        TopicProbe.send(Topics.INSTRUCTIONS_CANDIDATES, id, candidate("m-" + sentinel, runId, sentinel,
                List.of(LOWERCASE)));

        assertThat(TopicProbe.read(Topics.INSTRUCTIONS_VERIFIED, 1, r -> r.value().contains(sentinel),
                Duration.ofSeconds(120))).hasSize(1);
        assertThat(read(Topics.INSTRUCTIONS_VERIFIED, id, 2, Duration.ofSeconds(3))).hasSize(1);
        assertThat(progress(runId, Stage.CROSS_VALIDATION, 3, Duration.ofSeconds(3))).hasSize(2);
    }

    @Test
    void responseVerificationGivesPassRatesAndVerdictsPerFunction() {
        String runId = newRun();
        String instructionId = "ins-" + UUID.randomUUID();
        String sampleId = "sample-" + UUID.randomUUID();
        ResponseSampled s = new ResponseSampled(sampleId, runId, instructionId, "Answer in lowercase letters only.",
                "q1", "What is rain?", "What is rain? Answer in lowercase letters only.",
                List.of(new FunctionRef("f0", LOWERCASE), new FunctionRef("f1", LOWERCASE_RE),
                        new FunctionRef("f2", "def evaluate(response):\n    return len(response) < 12\n")),
                List.of("water falling", "Water Falling", "wet"), 0);
        String record = EnvelopeCodec.encode(Envelope.of("m-" + sampleId, runId, MessageType.ResponseSampled, s));
        TopicProbe.send(Topics.RESPONSES_SAMPLED, instructionId, record);
        TopicProbe.send(Topics.RESPONSES_SAMPLED, instructionId, record);

        assertThat(read(Topics.RESPONSES_VERIFIED, instructionId, 1, Duration.ofSeconds(60))).hasSize(1);
        List<ConsumerRecord<String, String>> out = read(Topics.RESPONSES_VERIFIED, instructionId, 2,
                Duration.ofSeconds(5));

        assertThat(out).hasSize(1);
        ResponseVerified v = EnvelopeCodec.<ResponseVerified>decode(out.get(0).value(),
                MessageType.ResponseVerified).payload();
        assertThat(v.sampleId()).isEqualTo(sampleId);
        assertThat(v.responses()).extracting(VerifiedResponse::passRate).containsExactly(2.0 / 3, 0.0, 1.0);
        assertThat(v.responses().get(0).verdicts()).containsExactly(Verdict.PASS, Verdict.PASS, Verdict.FAIL);
        assertThat(v.responses().get(1).verdicts()).containsExactly(Verdict.FAIL, Verdict.FAIL, Verdict.FAIL);
        JsonNode wire = EnvelopeCodec.mapper().valueToTree(v);
        assertThat(wire.at("/responses/0/verdicts/2").asText()).isEqualTo("fail");
        List<StageProgress> p = progress(runId, Stage.RESPONSE_VERIFICATION, 2, Duration.ofSeconds(3));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).itemsIn()).isEqualTo(1);
        assertThat(p.get(0).itemsOut()).isEqualTo(1);
    }

    /**
     * An online DPO round's sample travels without functions: it is scored with the kept functions cross-validation
     * stored for the instruction, keeps its round, and adds nothing to the run's funnel.
     */
    @Test
    void aRoundSampleIsScoredWithTheInstructionsKeptFunctionsAndSendsNoProgress() {
        String runId = newRun();
        String id = "ins-" + UUID.randomUUID();
        TopicProbe.send(Topics.INSTRUCTIONS_CANDIDATES, id,
                candidate("m-" + id, runId, id, List.of(LOWERCASE, LOWERCASE_RE, ALWAYS)));
        assertThat(read(Topics.INSTRUCTIONS_VERIFIED, id, 1, Duration.ofSeconds(120))).hasSize(1);

        String sampleId = id + "|q1|round1";
        ResponseSampled s = new ResponseSampled(sampleId, runId, id, "Answer in lowercase letters only.", "q1",
                "What is rain?", "template prompt", List.of(), List.of("water falling", "Water Falling"), 0, 1);
        TopicProbe.send(Topics.RESPONSES_SAMPLED, id, EnvelopeCodec.encode(Envelope.of("m-" + sampleId, runId,
                MessageType.ResponseSampled, s)));

        List<ConsumerRecord<String, String>> out = read(Topics.RESPONSES_VERIFIED, id, 1, Duration.ofSeconds(60));
        assertThat(out).hasSize(1);
        ResponseVerified v = EnvelopeCodec.<ResponseVerified>decode(out.get(0).value(),
                MessageType.ResponseVerified).payload();
        assertThat(v.round()).isEqualTo(1);
        assertThat(v.functions()).extracting(FunctionRef::functionId).containsExactly(id + "-f0", id + "-f1");
        assertThat(v.responses()).extracting(VerifiedResponse::passRate).containsExactly(1.0, 0.0);
        assertThat(progress(runId, Stage.RESPONSE_VERIFICATION, 1, Duration.ofSeconds(3))).isEmpty();
    }
}
