package dev.autoif.export;

import static dev.autoif.export.Records.judged;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.LlmSpend;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.PolicyEndpoint;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.RoundPrompt;
import dev.autoif.contracts.RoundRequested;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Online DPO rounds through the real broker and PostgreSQL: a round request becomes one round prompt per kept SFT
 * prompt, the round's verified responses are paired by the pair rule apart from the run's own rows, and the round
 * list, funnel and card show the round.
 */
@QuarkusTest
class RoundFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final PolicyEndpoint POLICY = new PolicyEndpoint("http://policy:8000/v1", "sft-model",
            "POLICY_API_KEY");

    @Test
    void aRoundSamplesTheKeptPromptsAndPairsItsOwnResponses() {
        String run = "run-" + UUID.randomUUID();
        Records.spec(run, "round demo");
        Records.publishJudged(judged(run, "i1", "q1", "r1", "kept", 1.0, 9.0, true));
        Records.publishJudged(judged(run, "i1", "q2", "r2", "not kept", 1.0, 3.0, false));
        Records.publishJudged(judged(run, "i2", "q1", "r3", "kept too", 1.0, 9.0, true));
        await().atMost(WAIT).until(() -> funnel(run) != null && funnel(run).getLong("export.judged") == 3);

        request(new RoundRequested(run, 1, POLICY, 8, 0.8, null, "natural", 42));
        List<RoundPrompt> prompts = prompts(run, 1, 2);
        assertThat(prompts).extracting(RoundPrompt::sampleId).containsExactly("i1|q1|round1", "i2|q1|round1");
        assertThat(prompts.getFirst().policyPrompt()).isEqualTo("query q1. Constraint i1");
        assertThat(prompts.getFirst().prompt()).isEqualTo(Records.prompt("constraint i1", "query q1"));
        assertThat(prompts.getFirst().policy()).isEqualTo(POLICY);
        assertThat(prompts.getFirst().k()).isEqualTo(8);
        JsonPath sampling = rounds(run);
        assertThat(sampling.getString("[0].status")).isEqualTo("sampling");
        assertThat(sampling.getInt("[0].prompts")).isEqualTo(2);
        assertThat(sampling.getInt("[0].promptsVerified")).isZero();

        publish(verified(run, "i1", "q1", 1, List.of("best", "good", "half", "bad", "worse"),
                List.of(1.0, 0.75, 0.5, 0.0, 0.0)));
        publish(verified(run, "i2", "q1", 1, List.of("fine"), List.of(0.75)));
        await().atMost(WAIT).until(() -> "done".equals(rounds(run).getString("[0].status")));
        JsonPath done = rounds(run);
        assertThat(done.getInt("[0].promptsVerified")).isEqualTo(2);
        assertThat(done.getInt("[0].responses")).isEqualTo(6);
        assertThat(done.getLong("[0].promptsWithPairs")).isEqualTo(1);
        assertThat(done.getString("[0].model")).isEqualTo("sft-model");
        // the policy's spend, as the two samples carried it: one call each, 100 prompt and 40 tokens per response
        assertThat(done.getLong("[0].llm.calls")).isEqualTo(2);
        assertThat(done.getLong("[0].llm.promptTokens")).isEqualTo(200);
        assertThat(done.getLong("[0].llm.completionTokens")).isEqualTo(240);
        assertThat(done.getDouble("[0].llm.usd")).isEqualTo(0.002);

        // chosen: pass rate above 0.5, best first; rejected: 0; half (0.5) is neither
        List<JsonNode> pairs = Schemas.validLines(dpo(run, 1, ""), "dpo");
        assertThat(pairs).extracting(p -> List.of(p.get("prompt").asText(), p.get("chosen").asText(),
                p.get("rejected").asText())).containsExactly(
                        List.of("query q1. Constraint i1", "best", "bad"),
                        List.of("query q1. Constraint i1", "best", "worse"),
                        List.of("query q1. Constraint i1", "good", "bad"),
                        List.of("query q1. Constraint i1", "good", "worse"));
        assertThat(Schemas.validLines(dpo(run, 1, "?pairs-per-prompt=1"), "dpo"))
                .extracting(p -> p.get("chosen").asText() + "/" + p.get("rejected").asText())
                .containsExactly("best/bad");
        assertThat(Schemas.validLines(dpo(run, 1, "?min-pass-rate=0.5&pairs-per-prompt=9"), "dpo"))
                .extracting(p -> p.get("chosen").asText()).contains("half");
        // the run's own query-level pairs hold none of the round's responses
        assertThat(given().accept("*/*").get("/runs/{id}/export/dpo?level=query", run).then().statusCode(200)
                .extract().asString()).isEmpty();

        // redelivered under another message id: stored once
        publish(verified(run, "i2", "q1", 1, List.of("fine"), List.of(0.75)), "again");
        request(new RoundRequested(run, 2, POLICY, 4, 1.0, 1, "template", 42));
        List<RoundPrompt> second = prompts(run, 2, 1);
        assertThat(second.getFirst().policyPrompt()).isEqualTo(second.getFirst().prompt());
        await().atMost(WAIT).until(() -> rounds(run).getList("$").size() == 2);
        assertThat(rounds(run).getInt("[0].responses")).isEqualTo(6);
        assertThat(rounds(run).getLong("[0].llm.calls")).as("a redelivered sample's spend, counted once").isEqualTo(2);
        assertThat(rounds(run).getString("[1].status")).isEqualTo("sampling");

        JsonPath funnel = funnel(run);
        assertThat(funnel.getList("rounds.round", Integer.class)).containsExactly(1, 2);
        assertThat(funnel.getLong("export.judged")).as("the run's own funnel next to the rounds").isEqualTo(3);
        assertThat(given().accept("text/plain").get("/runs/{id}/funnel", run).then().statusCode(200).extract()
                .asString()).contains("round 1 (done): sft-model at http://policy:8000/v1")
                .contains("policy: 2 calls, 200+240 tokens, $0.0020");
        assertThat(given().get("/runs/{id}/card", run).then().statusCode(200).extract().asString())
                .contains("## Online DPO rounds").contains("| 1 | done | `sft-model` | 8 |")
                .contains("| 2 | $0.0020 |");

        given().get("/runs/{id}/rounds/3/export/dpo", run).then().statusCode(404);
        given().get("/runs/{id}/rounds/0/export/dpo", run).then().statusCode(400);
        given().get("/runs/{id}/rounds/x/export/dpo", run).then().statusCode(400);
        given().get("/runs/{id}/rounds", "run-" + UUID.randomUUID()).then().statusCode(404);
    }

    private static void request(RoundRequested r) {
        Records.publish(Topics.ROUNDS, r.runId(), Envelope.of("round:" + r.runId() + ":" + r.round(), r.runId(),
                MessageType.RoundRequested, r));
    }

    private static List<RoundPrompt> prompts(String run, int round, int count) {
        List<RoundPrompt> found = TopicProbe.read(Topics.ROUNDS_PROMPTS, count, r -> {
            RoundPrompt p = EnvelopeCodec.<RoundPrompt>decode(r.value(), MessageType.RoundPrompt).payload();
            return p.runId().equals(run) && p.round() == round;
        }, WAIT).stream().map(r -> EnvelopeCodec.<RoundPrompt>decode(r.value(), MessageType.RoundPrompt).payload())
                .toList();
        assertThat(found).as("round %d prompts", round).hasSize(count);
        return found;
    }

    private static ResponseVerified verified(String run, String instruction, String query, int round,
            List<String> texts, List<Double> rates) {
        List<VerifiedResponse> responses = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            responses.add(new VerifiedResponse(i, texts.get(i), rates.get(i), List.of()));
        }
        return new ResponseVerified(instruction + "|" + query + "|round" + round, run, instruction,
                "constraint " + instruction, query, "query " + query,
                Records.prompt("constraint " + instruction, "query " + query), List.of(), responses, 0, round,
                new LlmSpend(1, 100, 40L * texts.size(), 0, 1_000, 0, 0));
    }

    private static void publish(ResponseVerified v) {
        publish(v, "first");
    }

    private static void publish(ResponseVerified v, String copy) {
        Records.publish(Topics.RESPONSES_VERIFIED, v.instructionId(), Envelope.of("verify:" + v.runId() + ":"
                + v.sampleId() + ":" + copy, v.runId(), MessageType.ResponseVerified, v));
    }

    private static JsonPath rounds(String run) {
        return given().accept("application/json").get("/runs/{id}/rounds", run).then().statusCode(200).extract()
                .jsonPath();
    }

    private static JsonPath funnel(String run) {
        var r = given().accept("application/json").get("/runs/{id}/funnel", run);
        return r.statusCode() == 200 ? r.jsonPath() : null;
    }

    private static String dpo(String run, int round, String query) {
        return given().accept("*/*").get("/runs/{id}/rounds/" + round + "/export/dpo" + query, run).then()
                .statusCode(200).extract().asString();
    }
}
