package dev.autoif.llmsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.llmsim.PythonRunner.Job;
import dev.autoif.llmsim.catalogue.Catalogue;
import dev.autoif.llmsim.catalogue.Constraint;
import dev.autoif.llmsim.catalogue.TextKit;
import dev.autoif.llmsim.prompt.PromptKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each AutoIF prompt kind, through HTTP, with the real prompt files. */
class PromptKindsTest extends SimulatorTestBase {

    private static final Catalogue CATALOGUE = Catalogue.standard();
    private static final String QUERY = "What are good habits for learning the violin as an adult beginner?";

    static JsonNode functionJson(String content) throws Exception {
        String t = content.strip();
        int fence = t.indexOf("```json");
        // Only a fence around the answer counts: case inputs may hold fenced JSON themselves.
        if (!t.startsWith("{") && fence >= 0) {
            t = t.substring(fence + 7, t.lastIndexOf("```"));
        }
        return SimClient.JSON.readTree(t);
    }

    static int score(String judgeAnswer) {
        List<String> lines = judgeAnswer.strip().lines().toList();
        Matcher m = Pattern.compile("^Score: (-?\\d+)$").matcher(lines.getLast());
        assertThat(m.matches()).as(judgeAnswer).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void selfInstructAnswersCountLinesOfRecognisableInstructions() throws Exception {
        List<String> lines = client.chat(Prompts.selfInstruct(30), 1, 1).content().lines().toList();
        assertThat(lines).hasSize(30).allMatch(l -> l.startsWith("- "));
        assertThat(lines).allMatch(l -> CATALOGUE.parseInstruction(l.substring(2)).isPresent());
        Set<String> families = new HashSet<>();
        lines.forEach(l -> families.add(CATALOGUE.parseInstruction(l.substring(2)).orElseThrow().family().id()));
        assertThat(families).hasSizeGreaterThan(10);
    }

    @Test
    void selfInstructIncludesDuplicatesAndStyleInstructionsAtTheirRates() throws Exception {
        sim.settings().behaviour(Behaviour.SELF_INSTRUCT_DUPLICATE, 0.3).behaviour(Behaviour.SELF_INSTRUCT_STYLE, 0.3);
        List<String> lines = client.chat(Prompts.selfInstruct(60), 1, 5).content().lines().toList();
        assertThat(lines).hasSize(60);
        long unrecognised = lines.stream().filter(l -> CATALOGUE.parseInstruction(l.substring(2)).isEmpty()).count();
        long distinct = lines.stream().distinct().count();
        assertThat(unrecognised).isBetween(5L, 35L);
        assertThat(distinct).isLessThan(60);
    }

    @Test
    void functionAnswersAreJsonWithACorrectEvaluateAndAgreeingCasesOnCPython() throws Exception {
        List<Job> jobs = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        for (String seed : Prompts.seeds()) {
            SimClient.Reply r = client.chat(Prompts.function(seed), 2, 3);
            for (String content : r.contents()) {
                JsonNode json = functionJson(content);
                String func = json.path("func").asText();
                assertThat(func).contains("def evaluate(response):");
                assertThat(CATALOGUE.parseFunction(func)).isEqualTo(CATALOGUE.parseInstruction(seed));
                assertThat(json.path("cases")).hasSize(3);
                for (JsonNode c : json.path("cases")) {
                    assertThat(c.path("output").isBoolean()).isTrue();
                    jobs.add(Job.run(func, c.path("input").asText()));
                    expected.add(c.path("output").asBoolean());
                }
            }
        }
        assertThat(PythonRunner.run(jobs)).containsExactlyElementsOf(expected);
        assertThat(expected).contains(true, false);
    }

    @Test
    void functionAnswersAreSometimesFencedAndSometimesImprecise() throws Exception {
        sim.settings().behaviour(Behaviour.FUNCTION_FENCE, 1).behaviour(Behaviour.FUNCTION_IMPRECISE, 1);
        String seed = "Answer with at most 50 words.";
        String content = client.chat(Prompts.function(seed), 1, 0).content();
        assertThat(content).contains("```json\n").endsWith("```");
        Constraint checked = CATALOGUE.parseFunction(functionJson(content).path("func").asText()).orElseThrow();
        Constraint asked = CATALOGUE.parseInstruction(seed).orElseThrow();
        assertThat(checked.family()).isEqualTo(asked.family());
        assertThat(checked.params()).isNotEqualTo(asked.params());
    }

    @Test
    void unrecognisedInstructionsGetAGenericButConsistentFunction() throws Exception {
        JsonNode json = functionJson(client.chat(Prompts.function("Write like a pirate."), 1, 0).content());
        String func = json.path("func").asText();
        List<Job> jobs = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        json.path("cases").forEach(c -> {
            jobs.add(Job.run(func, c.path("input").asText()));
            expected.add(c.path("output").asBoolean());
        });
        assertThat(PythonRunner.run(jobs)).containsExactlyElementsOf(expected);
    }

    @Test
    void backTranslationMatchesTheFunctionAndNliAgrees() throws Exception {
        for (String seed : Prompts.seeds()) {
            Constraint c = CATALOGUE.parseInstruction(seed).orElseThrow();
            String back = client.chat(Prompts.backTranslation(c.python()), 1, 9).content();
            assertThat(back.lines()).hasSize(1);
            assertThat(CATALOGUE.parseInstruction(back)).as(back).contains(c);
            assertThat(client.chat(Prompts.nli(seed, back), 1, 0).content()).isEqualTo("entailment");
        }
    }

    @Test
    void contradictingBackTranslationsAreCaughtByNli() throws Exception {
        sim.settings().behaviour(Behaviour.BACK_TRANSLATION_CONTRADICTION, 1);
        for (String seed : Prompts.seeds()) {
            Constraint c = CATALOGUE.parseInstruction(seed).orElseThrow();
            String back = client.chat(Prompts.backTranslation(c.python()), 1, 9).content();
            assertThat(CATALOGUE.parseInstruction(back)).as(back).contains(c.negate());
            assertThat(client.chat(Prompts.nli(seed, back), 1, 0).content()).isEqualTo("contradiction");
        }
    }

    @Test
    void nliIsNeutralForUnrelatedInstructions() throws Exception {
        assertThat(client.chat(Prompts.nli("Answer with at most 50 words.", "Do not use any commas in your response."), 1, 0)
                .content()).isEqualTo("neutral");
        assertThat(client.chat(Prompts.nli("Answer with at most 50 words.", "Answer with at most 60 words."), 1, 0)
                .content()).isEqualTo("contradiction");
        assertThat(client.chat(Prompts.nli("Be kind.", "be kind"), 1, 0).content()).isEqualTo("entailment");
    }

    @Test
    void responsesFollowTheInstructionAndStayOnTopic() throws Exception {
        for (String seed : Prompts.seeds()) {
            Constraint c = CATALOGUE.parseInstruction(seed).orElseThrow();
            for (String r : client.chat(Prompts.response(seed, QUERY), 3, 11).contents()) {
                assertThat(c.check(r)).as(seed + " -> " + r).isTrue();
                assertThat(isOnTopic(r)).as(r).isTrue();
            }
        }
    }

    @Test
    void responsesViolateAndWanderAtTheirRates() throws Exception {
        sim.settings().behaviour(Behaviour.RESPONSE_VIOLATION, 1);
        for (String seed : Prompts.seeds()) {
            Constraint c = CATALOGUE.parseInstruction(seed).orElseThrow();
            assertThat(c.check(client.chat(Prompts.response(seed, QUERY), 1, 11).content())).as(seed).isFalse();
        }
        sim.settings().behaviour(Behaviour.RESPONSE_VIOLATION, 0).behaviour(Behaviour.RESPONSE_OFF_TOPIC, 1);
        String r = client.chat(Prompts.response("End your response with a question.", QUERY), 1, 11).content();
        assertThat(isOnTopic(r)).as(r).isFalse();
        assertThat(r).endsWith("?");
    }

    @Test
    void judgeScoresCompliantOnTopicResponsesHighest() throws Exception {
        String seed = "Do not use any commas in your response.";
        String good = "Practice the violin every day for a short time and learn habits that stay.";
        String bad = "Practice the violin daily, and keep habits simple, slow and steady.";
        String off = "Tomatoes grow best in warm soil with plenty of sun.";
        int gs = score(client.chat(Prompts.judge(seed, QUERY, good), 1, 0).content());
        int bs = score(client.chat(Prompts.judge(seed, QUERY, bad), 1, 0).content());
        int os = score(client.chat(Prompts.judge(seed, QUERY, off), 1, 0).content());
        assertThat(gs).isBetween(8, 10);
        assertThat(bs).isBetween(4, 6);
        assertThat(os).isBetween(1, 3);
    }

    @Test
    void judgeOfSimulatedResponsesFollowsCompliance() throws Exception {
        sim.settings().behaviour(Behaviour.RESPONSE_VIOLATION, 0.5).behaviour(Behaviour.RESPONSE_OFF_TOPIC, 0.2);
        int checked = 0;
        for (String seed : Prompts.seeds()) {
            Constraint c = CATALOGUE.parseInstruction(seed).orElseThrow();
            for (String r : client.chat(Prompts.response(seed, QUERY), 2, 21).contents()) {
                int s = score(client.chat(Prompts.judge(seed, QUERY, r), 1, 0).content());
                if (!isOnTopic(r)) {
                    assertThat(s).isLessThanOrEqualTo(3);
                } else if (c.check(r)) {
                    assertThat(s).isGreaterThanOrEqualTo(8);
                } else {
                    assertThat(s).isBetween(4, 6);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(Prompts.seeds().size() * 2);
        assertThat(sim.stats().snapshot().kind(PromptKind.JUDGE).requests()).isEqualTo(checked);
    }

    @Test
    void unknownPromptsStillGetAnAnswer() throws Exception {
        assertThat(client.chat("What is the capital of France?", 1, 0).content()).isNotBlank();
        assertThat(sim.stats().snapshot().kind(PromptKind.UNKNOWN).requests()).isEqualTo(1);
    }

    private static boolean isOnTopic(String response) {
        String r = response.toLowerCase();
        return TextKit.topicWords(QUERY).stream().anyMatch(w -> r.contains(w) || r.contains(TextKit.toCyrillic(w)));
    }
}
