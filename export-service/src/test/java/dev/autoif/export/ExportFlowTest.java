package dev.autoif.export;

import static dev.autoif.export.Records.judged;
import static dev.autoif.export.Records.prompt;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.PreferencePair;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.export.persistence.AcceptedInstructionRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Records through the real broker into PostgreSQL, then every export format, level and threshold over HTTP, with each
 * line checked against its format's JSON schema.
 */
@QuarkusTest
class ExportFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void sftInEveryFormatWithTheJudgesDecisionAndWithNewThresholds() {
        String run = "run-" + UUID.randomUUID();
        Records.spec(run, "sft demo");
        Records.publishJudged(judged(run, "i1", "q1", "r1", "a lowercase answer", 1.0, 9.0, true));
        Records.publishJudged(judged(run, "i1", "q1", "r2", "another lowercase answer", 0.75, 8.0, true));
        Records.publishJudged(judged(run, "i1", "q2", "r3", "a dull answer", 1.0, 5.0, false));
        Records.publishJudged(judged(run, "i2", "q1", "r4", "unscorable", 1.0, null, false));
        // same text as r1 for the same prompt: one sample
        Records.publishJudged(judged(run, "i1", "q1", "r5", "a lowercase answer", 1.0, 9.5, true));
        awaitJudged(run, 5);

        List<JsonNode> alpaca = Schemas.validLines(export(run, "sft?format=alpaca").asString(), "alpaca");
        assertThat(alpaca).extracting(n -> n.get("output").asText())
                .containsExactly("a lowercase answer", "another lowercase answer");
        assertThat(alpaca).allSatisfy(n -> {
            assertThat(n.get("instruction").asText()).isEqualTo("query q1. Constraint i1");
            assertThat(n.get("input").asText()).isEmpty();
        });

        List<JsonNode> messages = Schemas.validLines(export(run, "sft?format=messages").asString(), "messages");
        assertThat(messages).extracting(n -> n.at("/messages/1/content").asText())
                .containsExactly("a lowercase answer", "another lowercase answer");
        assertThat(messages.getFirst().at("/messages/0/content").asText()).isEqualTo("query q1. Constraint i1");
        assertThat(Schemas.validLines(export(run, "sft?format=messages&prompt=template").asString(), "messages")
                .getFirst().at("/messages/0/content").asText()).isEqualTo(prompt("constraint i1", "query q1"));

        List<JsonNode> sharegpt = Schemas.validLines(export(run, "sft?format=sharegpt").asString(), "sharegpt");
        assertThat(sharegpt).extracting(n -> n.at("/conversations/1/value").asText())
                .containsExactly("a lowercase answer", "another lowercase answer");

        // re-decided from stored scores and pass rates, no judge involved
        assertThat(outputs(run, "sft?min-score=9")).containsExactly("a lowercase answer");
        assertThat(outputs(run, "sft?min-score=5")).containsExactly("a lowercase answer",
                "another lowercase answer", "a dull answer");
        assertThat(outputs(run, "sft?min-pass-rate=0.8")).containsExactly("a lowercase answer");
        assertThat(outputs(run, "sft?min-score=0&min-pass-rate=1")).containsExactly("a lowercase answer",
                "a dull answer");

        // the same request twice gives the same bytes
        assertThat(export(run, "sft?format=messages").asString()).isEqualTo(export(run, "sft?format=messages")
                .asString());
        assertThat(export(run, "sft?format=sharegpt").header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"autoif-" + run + "-sft-sharegpt.jsonl\"");
    }

    @Test
    void dpoAtQueryAndInstructionLevelWithPairsPerPromptAndThresholds() {
        String run = "run-" + UUID.randomUUID();
        Records.spec(run, "dpo demo");
        Records.publishVerified(Records.verified(run, "i1", "q1", 0,
                List.of("good a", "good b", "bad a", "bad b", "bad c", "half"),
                List.of(1.0, 0.75, 0.0, 0.0, 0.0, 0.5)));
        Records.publishVerified(Records.verified(run, "i1", "q1", 1, List.of("good a", "bad d"), List.of(1.0, 0.0)));
        Records.publishVerified(Records.verified(run, "i1", "q2", 0, List.of("fine", "also fine"),
                List.of(1.0, 0.6)));
        Records.publishInstruction(Records.instruction(run, "i1", List.of(new PreferencePair("all lowercase",
                "ALL UPPERCASE"), new PreferencePair("lower again", "UPPER AGAIN"), new PreferencePair(
                "all lowercase", "ALL UPPERCASE"))));
        // i2's pairs were stored by cross-validation, but NLI dropped it: no accepted row
        Records.publishInstruction(Records.instruction(run, "i2", List.of(new PreferencePair("dropped", "DROPPED"))));
        accept(run, "i1");
        await().atMost(WAIT).until(() -> {
            JsonPath f = funnel(run);
            return f != null && f.getLong("export.verifiedResponses") == 10
                    && f.getLong("export.instructionCasePairs") == 3;
        });
        String p = prompt("constraint i1", "query q1");

        List<JsonNode> query = Schemas.validLines(export(run, "dpo?level=query&prompt=template").asString(), "dpo");
        assertThat(pairs(query)).containsExactly(
                List.of(p, "good a", "bad a"), List.of(p, "good a", "bad b"),
                List.of(p, "good b", "bad a"), List.of(p, "good b", "bad b"));

        assertThat(pairs(Schemas.validLines(export(run, "dpo?level=query&prompt=template&pairs-per-prompt=1").asString(), "dpo")))
                .containsExactly(List.of(p, "good a", "bad a"));
        List<JsonNode> many = Schemas.validLines(export(run, "dpo?level=query&prompt=template&pairs-per-prompt=100").asString(),
                "dpo");
        assertThat(many).hasSize(8);
        assertThat(new HashSet<>(pairs(many))).hasSize(8);
        assertThat(pairs(Schemas.validLines(export(run, "dpo?level=query&prompt=template&min-pass-rate=0.8").asString(), "dpo")))
                .containsExactly(List.of(p, "good a", "bad a"), List.of(p, "good a", "bad b"),
                        List.of(p, "good a", "bad c"), List.of(p, "good a", "bad d"));

        List<JsonNode> instruction = Schemas.validLines(export(run, "dpo?level=instruction&prompt=template").asString(), "dpo");
        assertThat(pairs(instruction)).containsExactly(List.of("constraint i1", "all lowercase", "ALL UPPERCASE"),
                List.of("constraint i1", "lower again", "UPPER AGAIN"));

        List<JsonNode> all = Schemas.validLines(export(run, "dpo?prompt=template").asString(), "dpo");
        assertThat(pairs(all)).containsExactlyElementsOf(concat(pairs(query), pairs(instruction)));
        assertThat(funnel(run).getLong("export.queryPairPrompts")).isEqualTo(1);
        assertThat(funnel(run).getLong("export.acceptedInstructionCasePairs")).isEqualTo(2);
        assertThat(pairs(Schemas.validLines(export(run, "dpo?level=instruction").asString(), "dpo")))
                .as("the natural form capitalises the instruction").containsExactly(
                        List.of("Constraint i1", "all lowercase", "ALL UPPERCASE"),
                        List.of("Constraint i1", "lower again", "UPPER AGAIN"));
    }

    @Test
    void aRunInProgressExportsWhatIsDoneAndSaysSoThenTheFunnelAndCardShowTheWholeRun() {
        String run = "run-" + UUID.randomUUID();
        Records.spec(run, "funnel demo");
        Records.progress(run, Stage.SELF_INSTRUCT, 2, 3, Map.of("duplicate", 1L), 4, 1000, 500, true);
        Records.progress(run, Stage.FUNCTION_GENERATION, 3, 3, Map.of(), 3, 900, 2000, false);
        // cross-validation counts instructions; the functions inside are reported as modes and function-* drops
        Records.publish(Topics.RUNS_PROGRESS, run, Envelope.of("progress:" + run + ":cv", run,
                MessageType.StageProgress, new StageProgress(run, Stage.CROSS_VALIDATION, 3, 2,
                        Map.of("function-accuracy", 1L), 0, 0, 0, false, Map.of("functions-in", 9L,
                                "functions-out", 5L))));
        Records.progress(run, Stage.BACK_TRANSLATION, 2, 2, Map.of(), 6, 300, 100, false);
        Records.progress(run, Stage.QUERY_SAMPLING, 2, 2, Map.of(), 2, 400, 800, false);
        Records.progress(run, Stage.RESPONSE_VERIFICATION, 2, 4, Map.of(), 0, 0, 0, false);
        Records.progress(run, Stage.REJECTION, 4, 2, Map.of("pass-rate", 2L), 0, 0, 0, false);
        Records.progress(run, Stage.JUDGE, 2, 2, Map.of("below-threshold", 1L), 2, 600, 200, false);
        Records.publishJudged(judged(run, "i1", "q1", "r1", "kept answer", 1.0, 9.0, true));
        await().atMost(WAIT).until(() -> {
            JsonPath f = funnel(run);
            return f != null && f.getLong("export.judged") == 1 && stageIn(f, Stage.JUDGE) == 2
                    && stageIn(f, Stage.EXPORT) == 1;
        });

        ExtractableResponse<Response> partial = export(run, "sft");
        assertThat(partial.header("X-Autoif-Run-Complete")).isEqualTo("false");
        assertThat(outputs(run, "sft")).containsExactly("kept answer");
        assertThat(funnel(run).getBoolean("complete")).isFalse();

        Records.publishJudged(judged(run, "i2", "q1", "r2", "weak answer", 1.0, 6.0, false));
        // the spec arrives on its own topic and consumer: the name and the card's parameters need it
        await().atMost(WAIT).until(() -> funnel(run).getBoolean("complete")
                && "funnel demo".equals(funnel(run).getString("runName")));
        assertThat(export(run, "sft").header("X-Autoif-Run-Complete")).isEqualTo("true");
        assertThat(export(run, "dpo").header("X-Autoif-Run-Complete")).isEqualTo("true");

        JsonPath f = funnel(run);
        assertThat(f.getString("runName")).isEqualTo("funnel demo");
        assertThat(f.getList("report.step")).containsExactly("seed instructions", "instructions after dedup",
                "instructions with verification functions", "instructions after cross-validation",
                "instructions after NLI", "instruction x query samples", "responses verified",
                "pairs after verification", "pairs after judging");
        assertThat(f.getList("report.count", Long.class)).containsExactly(2L, 3L, 3L, 2L, 2L, 2L, 4L, 2L, 1L);
        assertThat(f.getLong("report[1].dropped.duplicate")).isEqualTo(1);
        // function drops are the functions' tally, apart from the instructions' stage
        assertThat(f.getMap("report[3].dropped")).isEmpty();
        assertThat(f.getMap("stages.find { it.stage == 'CROSS_VALIDATION' }.dropped")).isEmpty();
        assertThat(f.getLong("tallies.functions.in")).isEqualTo(9);
        assertThat(f.getLong("tallies.functions.out")).isEqualTo(5);
        assertThat(f.getLong("tallies.functions.dropped.function-accuracy")).isEqualTo(1);
        assertThat(f.getLong("report[8].dropped.below-judge-threshold")).isEqualTo(1);
        assertThat(stageOut(f, Stage.EXPORT)).isEqualTo(1);
        assertThat(f.getLong("llm.calls")).isEqualTo(17);
        assertThat(f.getLong("llm.promptTokens")).isEqualTo(3200);
        assertThat(f.getLong("llm.completionTokens")).isEqualTo(3600);

        String text = given().queryParam("format", "text").get("/runs/{id}/funnel", run).then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertThat(text).contains("complete").contains("funnel demo")
                .containsPattern("instructions after cross-validation\\s+2\\s*\n")
                .contains("functions (inside cross-validation's instructions): 9 in, 5 out, dropped"
                        + " function-accuracy=1")
                .containsPattern("pairs after judging\\s+1\\s+below-judge-threshold=1");
        assertThat(given().accept("text/plain").get("/runs/{id}/funnel", run).then().statusCode(200).extract()
                .asString()).isEqualTo(text);

        ExtractableResponse<Response> card = given().get("/runs/{id}/card", run).then().statusCode(200)
                .contentType(containsString("text/markdown")).extract();
        assertThat(card.header("Content-Disposition")).isEqualTo("attachment; filename=\"README.md\"");
        String md = card.asString();
        assertThat(md).startsWith("---\n").contains("\nlicense: other").contains("task_categories:\n- text-generation")
                .contains("size_categories:\n- n<1K").contains("pretty_name: \"AutoIF: funnel demo\"")
                .contains("| instructions after NLI | 2 |").contains("| pairs after judging | 1 |")
                .contains("| judge | gpt-4o-mini |").contains("| responsesPerQuery | 8 |")
                .contains("| total | 17 | 3200 | 3600 |").contains("The run is complete.");
        assertThat(md.indexOf("\n---\n", 4)).as("front matter closes").isPositive();
    }

    @Test
    void theSameRecordTwiceIsStoredAndExportedOnce() {
        String run = "run-" + UUID.randomUUID();
        var j = judged(run, "i1", "q1", "r1", "only once", 1.0, 9.0, true);
        String envelope = Records.judgedEnvelope("judge:r1:" + run, j);
        TopicProbe.send(Topics.RESPONSES_JUDGED, "i1", envelope);
        TopicProbe.send(Topics.RESPONSES_JUDGED, "i1", envelope);
        TopicProbe.send(Topics.RESPONSES_JUDGED, "i1", Records.judgedEnvelope("another-id:" + run, j));
        var v = Records.verified(run, "i1", "q1", 0, List.of("yes", "no"), List.of(1.0, 0.0));
        Records.publishVerified(v);
        Records.publishVerified(v);
        accept(run, "i1");
        var i = Records.instruction(run, "i1", List.of(new PreferencePair("ok", "not ok")));
        Records.publishInstruction(i);
        Records.publishInstruction(i);
        // a last record on the same partition (same key): when it is stored, the duplicates were consumed
        Records.publishJudged(judged(run, "i1", "q2", "r2", "marker", 1.0, 9.0, true));
        Records.publishVerified(Records.verified(run, "i1", "q9", 0, List.of("m"), List.of(1.0)));
        // instructions are keyed by instruction id: the marker is i1 of another run
        String markerRun = run + "-marker";
        Records.publishInstruction(Records.instruction(markerRun, "i1", List.of(new PreferencePair("x", "y"))));
        await().atMost(WAIT).until(() -> {
            JsonPath f = funnel(run);
            JsonPath m = funnel(markerRun);
            return f != null && f.getLong("export.judged") == 2 && f.getLong("export.verifiedResponses") == 3
                    && stageIn(f, Stage.EXPORT) == 2 && m != null && m.getLong("export.instructionCasePairs") == 1;
        });
        // the instruction's repeated record (other pairs, same id) did not add rows either
        assertThat(funnel(run).getLong("export.instructionCasePairs")).isEqualTo(1);
        assertThat(outputs(run, "sft")).containsExactly("only once", "marker");
        assertThat(pairs(Schemas.validLines(export(run, "dpo?prompt=template").asString(), "dpo"))).containsExactly(
                List.of(prompt("constraint i1", "query q1"), "yes", "no"), List.of("constraint i1", "ok", "not ok"));
    }

    @Test
    void unknownRunsAnswer404ProblemJson() {
        String run = "no-such-run-" + UUID.randomUUID();
        for (String path : List.of("/export/sft", "/export/dpo", "/export/rlvr", "/export/dataset_info.json",
                "/funnel", "/card")) {
            given().get("/runs/{id}" + path, run).then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404))
                    .body("detail", containsString(run));
        }
    }

    @Test
    void badParametersAnswer400ProblemJsonNamingTheParameter() {
        String run = "run-" + UUID.randomUUID();
        given().get("/runs/{id}/export/sft?format=csv", run).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        given().get("/runs/{id}/export/sft?min-score=eleven&min-pass-rate=2", run).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("min-score", "min-pass-rate"));
        given().get("/runs/{id}/export/dpo?level=both&pairs-per-prompt=0", run).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("level", "pairs-per-prompt"));
        given().get("/runs/{id}/funnel?format=xml", run).then().statusCode(400);
    }

    @Test
    void unreadableOrInvalidRecordsGoToTheDeadLetterTopicsAndConsumersKeepGoing() {
        String run = "run-" + UUID.randomUUID();
        String broken = "broken-" + run;
        String invalid = "invalid-" + run;
        TopicProbe.send(Topics.RESPONSES_JUDGED, broken, "{not json");
        TopicProbe.send(Topics.RESPONSES_JUDGED, invalid, Records.judgedEnvelope("bad:" + run,
                judged(run, "i1", "q1", "r1", "text", 7.0, 9.0, true)));
        TopicProbe.send(Topics.RESPONSES_VERIFIED, broken, "{not json");
        TopicProbe.send(Topics.INSTRUCTIONS_VERIFIED, broken, "{not json");
        TopicProbe.send(Topics.RUNS_PROGRESS, broken, "{not json");
        Records.publishJudged(judged(run, "i1", "q1", "r2", "good", 1.0, 9.0, true));

        for (String topic : List.of(Topics.RESPONSES_JUDGED, Topics.RESPONSES_VERIFIED, Topics.INSTRUCTIONS_VERIFIED,
                Topics.RUNS_PROGRESS)) {
            List<ConsumerRecord<String, String>> dead = TopicProbe.read(Topics.dlq(topic), 1,
                    r -> broken.equals(r.key()), WAIT);
            assertThat(dead).as(topic).hasSize(1);
            assertThat(TopicProbe.header(dead.getFirst(), "dead-letter-reason")).contains("broken JSON");
        }
        List<ConsumerRecord<String, String>> dead = TopicProbe.read(Topics.dlq(Topics.RESPONSES_JUDGED), 1,
                r -> invalid.equals(r.key()), WAIT);
        assertThat(TopicProbe.header(dead.getFirst(), "dead-letter-reason")).contains("passRate 7.0 is outside 0..1");
        awaitJudged(run, 1);
        assertThat(outputs(run, "sft")).containsExactly("good");
    }

    /** What the lead's instructions.accepted consumer stores: the instruction survived NLI. */
    private static void accept(String run, String instructionId) {
        QuarkusTransaction.requiringNew().run(() -> {
            AcceptedInstructionRow a = new AcceptedInstructionRow();
            a.runId = run;
            a.instructionId = instructionId;
            a.persist();
        });
    }

    private static void awaitJudged(String run, int count) {
        await().atMost(WAIT).until(() -> {
            JsonPath f = funnel(run);
            return f != null && f.getLong("export.judged") == count;
        });
    }

    private static JsonPath funnel(String run) {
        Response r = given().accept("application/json").get("/runs/{id}/funnel", run);
        return r.statusCode() == 200 ? r.jsonPath() : null;
    }

    private static long stageIn(JsonPath f, Stage stage) {
        return f.getLong("stages.find { it.stage == '" + stage + "' }.itemsIn");
    }

    private static long stageOut(JsonPath f, Stage stage) {
        return f.getLong("stages.find { it.stage == '" + stage + "' }.itemsOut");
    }

    private static ExtractableResponse<Response> export(String run, String pathAndQuery) {
        return given().get("/runs/" + run + "/export/" + pathAndQuery).then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract();
    }

    private static List<String> outputs(String run, String pathAndQuery) {
        return Schemas.validLines(export(run, pathAndQuery).asString(), "alpaca").stream()
                .map(n -> n.get("output").asText()).toList();
    }

    private static List<List<String>> pairs(List<JsonNode> lines) {
        return lines.stream().map(n -> List.of(n.get("prompt").asText(), n.get("chosen").asText(),
                n.get("rejected").asText())).toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
