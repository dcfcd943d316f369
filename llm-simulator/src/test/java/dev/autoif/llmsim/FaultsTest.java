package dev.autoif.llmsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.llmsim.PythonRunner.Job;
import dev.autoif.llmsim.prompt.PromptKind;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every fault kind, injected at rate 1 (exact counts) or at a partial rate (counts agree with what clients saw). */
class FaultsTest extends SimulatorTestBase {

    private static final String INSTRUCTION = "Answer with at most 50 words.";
    private static final String FUNCTION_PROMPT = Prompts.function(INSTRUCTION);

    private List<String> functionAnswers(Fault fault, int n) throws Exception {
        sim.settings().fault(fault, 1.0);
        List<String> answers = client.chat(FUNCTION_PROMPT, n, 0).contents();
        var s = sim.stats().snapshot().kind(PromptKind.VERIFICATION_FUNCTION);
        assertThat(s.fault(fault)).isEqualTo(n);
        assertThat(s.faultsTotal()).isEqualTo(n);
        return answers;
    }

    private static JsonNode json(String s) throws JacksonException {
        return SimClient.JSON.readTree(s);
    }

    @Test
    void unparsableJson() throws Exception {
        for (String a : functionAnswers(Fault.UNPARSABLE_JSON, 3)) {
            assertThatThrownBy(() -> SimClient.JSON.readTree(a)).isInstanceOf(JacksonException.class);
        }
    }

    @Test
    void missingKeys() throws Exception {
        for (String a : functionAnswers(Fault.MISSING_KEYS, 4)) {
            JsonNode j = json(a);
            assertThat(j.has("func") && j.has("cases")).as(a).isFalse();
        }
    }

    @Test
    void wrongFunctionName() throws Exception {
        JsonNode j = json(functionAnswers(Fault.WRONG_FUNCTION_NAME, 1).getFirst());
        String func = j.path("func").asText();
        assertThat(PythonRunner.compiles(func)).isEqualTo("compiled");
        assertThat(PythonRunner.run(List.of(Job.run(func, "hello"))).getFirst()).isEqualTo("error: no evaluate");
    }

    @Test
    void syntaxError() throws Exception {
        String func = json(functionAnswers(Fault.SYNTAX_ERROR, 1).getFirst()).path("func").asText();
        assertThat(PythonRunner.compiles(func)).startsWith("error: SyntaxError");
    }

    @Test
    void casesThatDisagreeWithTheirOwnFunction() throws Exception {
        JsonNode j = json(functionAnswers(Fault.DISAGREEING_CASES, 1).getFirst());
        assertThat(runCases(j)).as("every case contradicts the function").doesNotContain(true);
    }

    @Test
    void alwaysTrueAndAlwaysFalse() throws Exception {
        JsonNode t = json(functionAnswers(Fault.ALWAYS_TRUE, 1).getFirst());
        assertThat(PythonRunner.run(List.of(Job.run(t.path("func").asText(), ""),
                Job.run(t.path("func").asText(), "x ".repeat(500))))).containsOnly(true);
        sim.settings().clearFaults();
        sim.resetStats();
        JsonNode f = json(functionAnswers(Fault.ALWAYS_FALSE, 1).getFirst());
        assertThat(PythonRunner.run(List.of(Job.run(f.path("func").asText(), "short answer")))).containsOnly(false);
        // The cases still follow the instruction, so a constant function fails at least one of them.
        assertThat(runCases(f)).contains(false);
    }

    /** Hostile code is only compiled here, never run: it must be valid Python so a sandbox is what stops it. */
    @Test
    void hostileFunctions() throws Exception {
        Map<Fault, String> marks = Map.of(
                Fault.HOSTILE_FILE_READ, "open('/etc/passwd')",
                Fault.HOSTILE_SOCKET, "socket.create_connection(",
                Fault.HOSTILE_SUBPROCESS, "subprocess.run(",
                Fault.HOSTILE_JAVA_HOST, "java.type('java.lang.Runtime')",
                Fault.HOSTILE_INFINITE_LOOP, "while True:\n        pass",
                Fault.HOSTILE_MEMORY_BOMB, "bytearray(64 * 1024 * 1024)",
                Fault.HOSTILE_RECURSION, "return evaluate(response + 'x')",
                Fault.HOSTILE_BIG_PRINT, "print('A' * (8 * 1024 * 1024))");
        assertThat(marks.keySet()).containsExactlyInAnyOrderElementsOf(
                List.of(Fault.values()).stream().filter(f -> f.name().startsWith("HOSTILE_")).toList());
        for (var e : marks.entrySet()) {
            sim.settings().clearFaults();
            sim.resetStats();
            JsonNode j = json(functionAnswers(e.getKey(), 1).getFirst());
            String func = j.path("func").asText();
            assertThat(func).as(e.getKey().wireName()).contains(e.getValue()).contains("def evaluate(response):");
            assertThat(PythonRunner.compiles(func)).as(func).isEqualTo("compiled");
            assertThat(j.path("cases")).hasSize(3);
        }
    }

    @Test
    void contentFaultsOnlyTouchTheirPromptKind() throws Exception {
        sim.settings().fault(Fault.ALWAYS_TRUE, 1).fault(Fault.JUDGE_NO_SCORE, 1);
        client.chat(Prompts.response(INSTRUCTION, "How do tides work?"), 2, 0);
        client.chat(Prompts.backTranslation("def evaluate(response):\n    return True\n"), 1, 0);
        assertThat(sim.stats().snapshot().total().faultsTotal()).isZero();
    }

    @Test
    void judgeWithoutScoreLine() throws Exception {
        sim.settings().fault(Fault.JUDGE_NO_SCORE, 1);
        for (String a : client.chat(Prompts.judge(INSTRUCTION, "How do tides work?", "Tides follow the moon."), 3, 0)
                .contents()) {
            assertThat(a).doesNotContain("Score:");
        }
        assertThat(sim.stats().snapshot().kind(PromptKind.JUDGE).fault(Fault.JUDGE_NO_SCORE)).isEqualTo(3);
    }

    @Test
    void judgeWithOutOfRangeScore() throws Exception {
        sim.settings().fault(Fault.JUDGE_OUT_OF_RANGE, 1);
        for (String a : client.chat(Prompts.judge(INSTRUCTION, "How do tides work?", "Tides follow the moon."), 6, 0)
                .contents()) {
            int score = PromptKindsTest.score(a);
            assertThat(score < 0 || score > 10).as(a).isTrue();
        }
    }

    @Test
    void http429WithRetryAfter() throws Exception {
        sim.settings().fault(Fault.HTTP_429, 1).retryAfterSeconds(7);
        SimClient.Reply r = client.chat(FUNCTION_PROMPT, 1, 0);
        WireTest.assertError(r, 429, "requests");
        assertThat(r.body().path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(r.raw().headers().firstValue("Retry-After")).contains("7");
        assertThat(sim.stats().snapshot().kind(PromptKind.VERIFICATION_FUNCTION).fault(Fault.HTTP_429)).isEqualTo(1);
        assertThat(sim.stats().snapshot().total().choices()).isZero();
    }

    @Test
    void http500And503() throws Exception {
        sim.settings().fault(Fault.HTTP_500, 1);
        WireTest.assertError(client.chat(FUNCTION_PROMPT, 1, 0), 500, "server_error");
        sim.settings().clearFaults().fault(Fault.HTTP_503, 1);
        WireTest.assertError(client.chat(FUNCTION_PROMPT, 1, 0), 503, "server_error");
        var s = sim.stats().snapshot().total();
        assertThat(s.fault(Fault.HTTP_500)).isEqualTo(1);
        assertThat(s.fault(Fault.HTTP_503)).isEqualTo(1);
    }

    @Test
    void slowResponsePastTheClientTimeout() throws Exception {
        sim.settings().fault(Fault.SLOW, 1).slowMillis(5_000);
        assertThatThrownBy(() -> client.post("/v1/chat/completions", SimClient.request(FUNCTION_PROMPT, 1, 0), null,
                Duration.ofMillis(300))).isInstanceOf(HttpTimeoutException.class);
        assertThat(sim.stats().snapshot().total().fault(Fault.SLOW)).isEqualTo(1);
    }

    @Test
    void slowResponseStillAnswersAClientThatWaits() throws Exception {
        sim.settings().fault(Fault.SLOW, 1).slowMillis(50);
        assertThat(client.chat(FUNCTION_PROMPT, 1, 0).status()).isEqualTo(200);
    }

    @Test
    void connectionReset() {
        sim.settings().fault(Fault.CONNECTION_RESET, 1);
        assertThatThrownBy(() -> client.chat(FUNCTION_PROMPT, 1, 0)).isInstanceOf(IOException.class);
        assertThat(sim.stats().snapshot().total().fault(Fault.CONNECTION_RESET)).isEqualTo(1);
    }

    @Test
    void aRetriedRequestDrawsItsTransportFaultAgain() throws Exception {
        sim.settings().fault(Fault.HTTP_503, 0.5);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(client.chat(FUNCTION_PROMPT, 1, 0).status());
        }
        assertThat(statuses).contains(200, 503);
        // The same sequence again after a reset: transport faults are deterministic per attempt.
        sim.resetStats();
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            again.add(client.chat(FUNCTION_PROMPT, 1, 0).status());
        }
        assertThat(again).isEqualTo(statuses);
    }

    @Test
    void partialRatesGiveReproducibleCountsThatMatchTheStats() throws Exception {
        sim.settings().fault(Fault.HTTP_500, 0.2).fault(Fault.SYNTAX_ERROR, 0.3).fault(Fault.ALWAYS_TRUE, 0.1);
        int[] first = countFaults();
        sim.resetStats();
        int[] second = countFaults();
        assertThat(second).isEqualTo(first);
        assertThat(first[0]).isBetween(5, 35);
        assertThat(first[1]).isBetween(10, 60);
    }

    /** 80 distinct function requests of 2 choices: {HTTP 500 seen, syntax errors seen}, checked against /stats. */
    private int[] countFaults() throws Exception {
        int errors = 0;
        int syntax = 0;
        for (int i = 0; i < 80; i++) {
            SimClient.Reply r = client.chat(Prompts.function("Answer with at most " + (20 + i) + " words."), 2, 0);
            if (r.status() == 500) {
                errors++;
                continue;
            }
            for (String c : r.contents()) {
                if (json(c).path("func").asText().startsWith("def evaluate(response)\n")) {
                    syntax++;
                }
            }
        }
        var s = sim.stats().snapshot().kind(PromptKind.VERIFICATION_FUNCTION);
        assertThat(s.fault(Fault.HTTP_500)).isEqualTo(errors);
        assertThat(s.fault(Fault.SYNTAX_ERROR)).isEqualTo(syntax);
        return new int[] {errors, syntax};
    }

    @Test
    void sameRequestGetsTheSameContentFault() throws Exception {
        sim.settings().fault(Fault.ALWAYS_FALSE, 0.5);
        List<String> a = client.chat(FUNCTION_PROMPT, 8, 0).contents();
        assertThat(client.chat(FUNCTION_PROMPT, 8, 0).contents()).isEqualTo(a);
        assertThat(sim.stats().snapshot().total().fault(Fault.ALWAYS_FALSE) % 2).isZero();
    }

    private static List<Object> runCases(JsonNode j) throws Exception {
        String func = j.path("func").asText();
        List<Job> jobs = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        j.path("cases").forEach(c -> {
            jobs.add(Job.run(func, c.path("input").asText()));
            expected.add(c.path("output").asBoolean());
        });
        List<Object> got = PythonRunner.run(jobs);
        List<Object> agree = new ArrayList<>();
        for (int i = 0; i < got.size(); i++) {
            agree.add(expected.get(i).equals(got.get(i)));
        }
        return agree;
    }
}
