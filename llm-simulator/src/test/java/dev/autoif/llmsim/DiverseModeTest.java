package dev.autoif.llmsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.llmsim.PythonRunner.Job;
import dev.autoif.llmsim.catalogue.Catalogue;
import dev.autoif.llmsim.catalogue.Constraint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The diversity mode through HTTP: switched at start and at runtime, and its instructions survive the AutoIF checks. */
class DiverseModeTest extends SimulatorTestBase {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    @AfterEach
    void standardAgain() {
        sim.settings().diverseInstructions(false);
    }

    @Test
    void offByDefaultAndSwitchableAtRuntime() throws Exception {
        assertThat(sim.settings().diverseInstructions()).isFalse();
        String standard = client.chat(Prompts.selfInstruct(40), 1, 3).content();

        JsonNode on = client.post("/admin/behaviour", SimClient.JSON.valueToTree(Map.of("diverse", true)), null,
                Duration.ofSeconds(5)).body();
        assertThat(on.path("diverse").asBoolean()).isTrue();
        String diverse = client.chat(Prompts.selfInstruct(40), 1, 3).content();
        assertThat(diverse).isNotEqualTo(standard);
        assertThat(diverse.lines()).hasSize(40);

        assertThat(client.post("/admin/behaviour", SimClient.JSON.valueToTree(Map.of("diverse", "yes")), null,
                Duration.ofSeconds(5))
                .status()).isEqualTo(400);
        assertThat(sim.settings().diverseInstructions()).as("a bad value changes nothing").isTrue();

        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.rootUrl() + "/admin/behaviour"))
                .DELETE().build());
        assertThat(sim.settings().diverseInstructions()).isFalse();
        sim.settings().perfectModel(); // the DELETE also put the behaviour rates back to their defaults
        assertThat(client.chat(Prompts.selfInstruct(40), 1, 3).content()).isEqualTo(standard);
    }

    @Test
    void switchedOnAtStart() {
        try (LlmSimulator flag = Main.fromArgs(new String[] {"--port", "0", "--diverse"}, Map.of());
                LlmSimulator env = Main.fromArgs(new String[] {"--port", "0"}, Map.of("LLM_SIM_DIVERSE", "true"));
                LlmSimulator plain = Main.fromArgs(new String[] {"--port", "0"}, Map.of())) {
            assertThat(flag.settings().diverseInstructions()).isTrue();
            assertThat(env.settings().diverseInstructions()).isTrue();
            assertThat(plain.settings().diverseInstructions()).isFalse();
        }
    }

    /** Like the pipeline: self-instruct, then a function with cases for each line, run on CPython, back-translated. */
    @Test
    void diverseInstructionsGetFunctionsWhoseCasesPassOnCPythonAndBackTranslate() throws Exception {
        sim.settings().diverseInstructions(true);
        List<String> lines = client.chat(Prompts.selfInstruct(120), 1, 11).content().lines()
                .map(l -> l.substring(2)).toList();
        List<Job> jobs = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        Set<String> families = new HashSet<>();
        for (String line : lines) {
            Constraint c = CATALOGUE.parseInstruction(line).orElseThrow(() -> new AssertionError(line));
            families.add(c.family().id());
            JsonNode json = PromptKindsTest.functionJson(client.chat(Prompts.function(line), 1, 5).content());
            String func = json.path("func").asText();
            assertThat(CATALOGUE.parseFunction(func)).as(func).isEqualTo(Optional.of(c));
            for (JsonNode k : json.path("cases")) {
                jobs.add(Job.run(func, k.path("input").asText()));
                expected.add(k.path("output").asBoolean());
            }
            String back = client.chat(Prompts.backTranslation(func), 1, 9).content();
            assertThat(CATALOGUE.parseInstruction(back)).as(back).contains(c);
            assertThat(client.chat(Prompts.nli(line, back), 1, 0).content()).isEqualTo("entailment");
        }
        assertThat(PythonRunner.run(jobs)).containsExactlyElementsOf(expected);
        assertThat(expected).contains(true, false);
        assertThat(families).hasSizeGreaterThan(20);
        assertThat(new HashSet<>(lines)).hasSize(lines.size());
    }
}
