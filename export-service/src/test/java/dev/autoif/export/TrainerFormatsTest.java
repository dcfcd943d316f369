package dev.autoif.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.export.domain.Split;
import dev.autoif.export.domain.TrainerFile;
import dev.autoif.export.persistence.AcceptedInstructionRow;
import dev.autoif.export.persistence.CasePairRow;
import dev.autoif.export.persistence.JudgedResponseRow;
import dev.autoif.export.persistence.VerifiedResponseRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every trainer format from stored rows: the paper's natural prompt form by default, the template on request, metadata
 * columns, the seeded validation split, instruction-level pairs only for instructions that survived NLI, and a folder
 * (every file, dataset_info.json, the card) loaded by a standard-library Python check the way each trainer's loader
 * reads it.
 */
@QuarkusTest
class TrainerFormatsTest {

    private static final Map<TrainerFile, String> SCHEMAS = Map.of(TrainerFile.SFT_MESSAGES, "messages",
            TrainerFile.SFT_ALPACA, "alpaca", TrainerFile.SFT_SHAREGPT, "sharegpt", TrainerFile.DPO_TRL, "dpo",
            TrainerFile.DPO_TRL_CONVERSATIONAL, "dpo-conversational", TrainerFile.DPO_PAIRWISE, "dpo-pairwise",
            TrainerFile.RLVR, "rlvr");

    private static final int QUERIES = 12;

    /** Two instructions x 12 queries; ins-b never passed NLI. */
    private static String storeRun() {
        String run = "run-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String ins : List.of("ins-a", "ins-b")) {
                String instruction = "answer in lowercase letters only " + ins;
                for (int q = 0; q < QUERIES; q++) {
                    String query = q % 2 == 0 ? "What is Java " + q + "?" : "Tell me about tea " + q;
                    String template = "<instruction>" + instruction + "</instruction> <query>" + query + "</query>";
                    judged(run, ins, "q" + q, "r" + q + "-1", instruction, query, template, "good " + q, 1.0, 9.0,
                            true);
                    judged(run, ins, "q" + q, "r" + q + "-2", instruction, query, template, "weak " + q, 1.0, 4.0,
                            false);
                    verified(run, ins, "q" + q, 0, instruction, query, template, "good " + q, 1.0);
                    verified(run, ins, "q" + q, 1, instruction, query, template, "BAD " + q, 0.0);
                }
                CasePairRow c = new CasePairRow();
                c.runId = run;
                c.instructionId = ins;
                c.pairIndex = 0;
                c.instruction = instruction;
                c.chosen = "all lowercase";
                c.rejected = "ALL UPPERCASE";
                c.persist();
            }
            AcceptedInstructionRow a = new AcceptedInstructionRow();
            a.runId = run;
            a.instructionId = "ins-a";
            a.persist();
        });
        return run;
    }

    private static void judged(String run, String ins, String q, String id, String instruction, String query,
            String template, String response, double passRate, double score, boolean kept) {
        JudgedResponseRow r = new JudgedResponseRow();
        r.runId = run;
        r.responseId = id + "-" + ins;
        r.instructionId = ins;
        r.queryId = q;
        r.instruction = instruction;
        r.query = query;
        r.prompt = template;
        r.response = response;
        r.passRate = passRate;
        r.score = score;
        r.status = "SCORED";
        r.kept = kept;
        r.persist();
    }

    private static void verified(String run, String ins, String q, int index, String instruction, String query,
            String template, String response, double passRate) {
        VerifiedResponseRow r = new VerifiedResponseRow();
        r.runId = run;
        r.sampleId = "s-" + ins + "-" + q;
        r.responseIndex = index;
        r.instructionId = ins;
        r.queryId = q;
        r.instruction = instruction;
        r.query = query;
        r.prompt = template;
        r.response = response;
        r.passRate = passRate;
        r.persist();
    }

    @Test
    void theNaturalFormIsTheDefaultAndTheTemplateAnOption() {
        String run = storeRun();
        List<JsonNode> alpaca = Schemas.validLines(body(run, "sft?format=alpaca"), "alpaca");
        assertThat(alpaca).hasSize(2 * QUERIES);
        assertThat(alpaca.get(0).get("instruction").asText())
                .isEqualTo("What is Java 0? Answer in lowercase letters only ins-a");
        assertThat(alpaca.get(1).get("instruction").asText())
                .isEqualTo("Tell me about tea 1. Answer in lowercase letters only ins-a");
        assertThat(alpaca).allSatisfy(n -> assertThat(n.get("instruction").asText()).doesNotContain("<"));
        assertThat(Schemas.validLines(body(run, "sft?format=alpaca&prompt=template"), "alpaca").getFirst()
                .get("instruction").asText()).isEqualTo(
                        "<instruction>answer in lowercase letters only ins-a</instruction> <query>What is Java 0?</query>");

        List<JsonNode> dpo = Schemas.validLines(body(run, "dpo?level=query"), "dpo");
        assertThat(dpo.getFirst().get("prompt").asText()).isEqualTo("What is Java 0? Answer in lowercase letters only ins-a");
        assertThat(Schemas.validLines(body(run, "dpo?level=query&prompt=template"), "dpo").getFirst().get("prompt")
                .asText()).startsWith("<instruction>");
    }

    @Test
    void instructionLevelPairsComeOnlyFromInstructionsThatSurvivedNli() {
        String run = storeRun();
        List<JsonNode> pairs = Schemas.validLines(body(run, "dpo?level=instruction"), "dpo");
        assertThat(pairs).hasSize(1);
        assertThat(pairs.getFirst().get("prompt").asText()).isEqualTo("Answer in lowercase letters only ins-a");
        assertThat(given().get("/runs/{id}/funnel", run).then().statusCode(200).extract().jsonPath()
                .getLong("export.acceptedInstructionCasePairs")).isEqualTo(1);
    }

    @Test
    void metadataColumnsAreAddedOnRequest() {
        String run = storeRun();
        for (String format : List.of("alpaca", "messages", "sharegpt")) {
            List<JsonNode> lines = Schemas.validLinesWithMetadata(body(run, "sft?metadata=true&format=" + format),
                    format);
            assertThat(lines).hasSize(2 * QUERIES);
            JsonNode first = lines.getFirst();
            assertThat(first.get("autoif_run_id").asText()).isEqualTo(run);
            assertThat(first.get("autoif_instruction_id").asText()).isEqualTo("ins-a");
            assertThat(first.get("autoif_instruction").asText()).isEqualTo("answer in lowercase letters only ins-a");
            assertThat(first.get("autoif_query_id").asText()).isEqualTo("q0");
            assertThat(first.get("autoif_pass_rate").asDouble()).isEqualTo(1.0);
            assertThat(first.get("autoif_judge_score").asDouble()).isEqualTo(9.0);
        }
    }

    @Test
    void rlvrHasOneLinePerKeptPromptLabelledWithTheInstructionId() {
        String run = storeRun();
        List<JsonNode> lines = Schemas.validLines(body(run, "rlvr"), "rlvr");
        assertThat(lines).hasSize(2 * QUERIES);
        assertThat(lines.getFirst().get("ground_truth").asText()).isEqualTo("ins-a");
        assertThat(lines.getFirst().at("/messages/0/content").asText())
                .isEqualTo("What is Java 0? Answer in lowercase letters only ins-a");
        assertThat(Schemas.validLines(body(run, "rlvr?min-score=9.5"), "rlvr")).isEmpty();
    }

    @Test
    void everyFileOfAFolderLoadsTheWayItsTrainerReadsIt(@TempDir Path folder) throws Exception {
        String run = storeRun();
        for (TrainerFile f : TrainerFile.values()) {
            Set<String> whole = new HashSet<>();
            Set<String> parts = new HashSet<>();
            String all = body(run, f.request(0, 5, Split.Part.TRAIN));
            whole.addAll(Schemas.validLines(all, SCHEMAS.get(f)).stream().map(JsonNode::toString).toList());
            for (Split.Part part : TrainerFile.parts(0.3)) {
                String lines = body(run, f.request(0.3, 5, part));
                List<JsonNode> valid = Schemas.validLines(lines, SCHEMAS.get(f));
                assertThat(valid).as("%s %s", f, part).isNotEmpty();
                for (JsonNode n : valid) {
                    assertThat(parts.add(n.toString())).as("%s: a line in both splits", f).isTrue();
                }
                Files.writeString(folder.resolve(f.fileName(part)), lines);
            }
            assertThat(parts).as("%s: train and validation together are the whole export", f).isEqualTo(whole);
        }
        Files.writeString(folder.resolve("dataset_info.json"), given().get("/runs/{id}/export/dataset_info.json"
                + "?validation=0.3", run).then().statusCode(200).extract().asString());
        Files.writeString(folder.resolve("README.md"), given().get("/runs/{id}/card?validation=0.3&seed=5", run)
                .then().statusCode(200).extract().asString());

        Check ok = check(folder);
        assertThat(ok.exit).as(ok.output).isZero();
        assertThat(ok.output.lines().filter(l -> l.startsWith("ok ")).count())
                .isEqualTo(TrainerFile.values().length * 2 + 8);
        assertThat(ok.output).contains("ok dpo_conversational/validation dpo_trl_conversational_validation.jsonl")
                .contains("ok llama-factory autoif_dpo dpo_pairwise.jsonl").contains("(alpaca, ranking)");

        // the check can fail: one line without a column, every line without it, a column of another type
        Path pairwise = folder.resolve(TrainerFile.DPO_PAIRWISE.fileName(Split.Part.TRAIN));
        List<String> good = Files.readAllLines(pairwise);
        List<String> lines = new ArrayList<>(good);
        lines.set(1, lines.get(1).replaceFirst(",\"rejected\":\"[^\"]*\"", ""));
        Files.write(pairwise, lines);
        Check broken = check(folder);
        assertThat(broken.exit).isEqualTo(1);
        assertThat(broken.output).contains("FAIL").contains("dpo_pairwise.jsonl:2: keys");
        Files.write(pairwise, good.stream().map(l -> l.replaceFirst(",\"rejected\":\"[^\"]*\"", "")).toList());
        assertThat(check(folder).output).contains("FAIL autoif_dpo dpo_pairwise.jsonl:1: rejected must be a string");
        lines = new ArrayList<>(good);
        lines.set(1, lines.get(1).replaceFirst("\"input\":\"\"", "\"input\":0"));
        Files.write(pairwise, lines);
        assertThat(check(folder).output).contains("column input is number here, str before");
    }

    @Test
    void badParametersAnswer400NamingTheParameter() {
        String run = "run-" + UUID.randomUUID();
        given().get("/runs/{id}/export/sft?prompt=tags&metadata=yes", run).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("prompt", "metadata"));
        given().get("/runs/{id}/export/dpo?format=orpo&split=validation", run).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("format", "split"))
                .body("errors[0].message", containsString("trl, trl-conversational, llama-factory"));
        given().get("/runs/{id}/export/rlvr?validation=0.9&seed=x", run).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("validation", "seed"));
    }

    private static String body(String run, String request) {
        return given().get("/runs/" + run + "/export/" + request).then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract().asString();
    }

    private record Check(int exit, String output) {
    }

    private static Check check(Path folder) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "src/test/python/trainer_check.py", folder.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Check(p.exitValue(), out);
    }
}
