package dev.autoif.verifier.sandbox;

import static dev.autoif.contracts.Verdict.FAIL;
import static dev.autoif.contracts.Verdict.PASS;
import static dev.autoif.contracts.Verdict.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One guest call per function over all its inputs, and compiled functions kept per context: verdicts are those of
 * one call per input, and a context discarded for tampering takes its compiled functions with it.
 */
class BatchedCallsTest {

    /** Remembers how often it was called: PASS from its second call on, in the same compiled instance. */
    static final String COUNTER = "calls = [0]\ndef evaluate(r):\n    calls[0] += 1\n    return calls[0] > 1\n";

    static FunctionSandbox sandbox;

    @BeforeAll
    static void start() {
        SandboxLimits d = SandboxLimits.defaults();
        sandbox = new FunctionSandbox(new SandboxLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 64L << 20,
                d.recursionLimit(), d.maxInputChars(), d.maxCodeChars(), 10_000, 1, d.maxCallsPerContext(), 2,
                d.watchdogInterval(), d.allowedModules()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aSlowInputCostsOnlyItsOwnVerdict() {
        String slow = "def evaluate(r):\n    if r == 'slow':\n        while True:\n            pass\n"
                + "    return r.isupper()\n";

        List<FunctionResult> r = sandbox.evaluate(List.of(slow), List.of("A", "b", "slow", "C", "dd"));

        assertThat(r.getFirst().verdicts()).containsExactly(PASS, FAIL, TIMEOUT, PASS, FAIL);
    }

    @Test
    void aBatchOverOneCallsAllocationBudgetIsRunAgainOneCallEach() {
        // ~20 MB per call: five calls in one guest call pass the 64 MB budget, each call alone stays under it
        String hungry = "def evaluate(r):\n    x = bytearray(20 * 1024 * 1024)\n    return len(x) > 0 and r.isupper()\n";

        List<FunctionResult> r = sandbox.evaluate(List.of(hungry), List.of("A", "b", "C", "d", "E"));

        assertThat(r.getFirst().verdicts()).containsExactly(PASS, FAIL, PASS, FAIL, PASS);
    }

    @Test
    void aKnownFunctionIsNotCompiledAgainUntilItsContextIsDiscarded() {
        String tamper = "import re\ndef evaluate(r):\n    re.findall = lambda *a, **k: []\n    return True";
        List<String> one = List.of("x");

        assertThat(sandbox.evaluate(List.of(COUNTER), one).getFirst().verdicts()).containsExactly(FAIL);
        // the same compiled instance answers the next request: its second call
        assertThat(sandbox.evaluate(List.of(COUNTER), one).getFirst().verdicts()).containsExactly(PASS);
        int contexts = sandbox.contextsCreated();
        assertThat(sandbox.evaluate(List.of(tamper), one).getFirst().verdicts()).containsExactly(PASS);
        // the tampered context was discarded, and the functions it had compiled with it: compiled afresh
        assertThat(sandbox.contextsCreated()).isGreaterThan(contexts);
        assertThat(sandbox.evaluate(List.of(COUNTER), one).getFirst().verdicts()).containsExactly(FAIL);
    }

    @Test
    void evaluateAllAnswersEachBatchAsEvaluateWould() {
        String upper = "def evaluate(r):\n    return r.isupper()\n";
        String shortText = "def evaluate(r):\n    return len(r) < 3\n";
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(i % 3 == 0 ? "AB" : "abcd");
        }

        List<List<FunctionResult>> all = sandbox.evaluateAll(List.of(
                new FunctionSandbox.Batch(List.of(upper, shortText), List.of("AB", "abcd")),
                new FunctionSandbox.Batch(List.of(shortText), many)));

        assertThat(all.get(0)).extracting(FunctionResult::verdicts)
                .containsExactly(List.of(PASS, FAIL), List.of(PASS, FAIL));
        // 150 inputs run as three tasks of at most 64, joined back in order
        assertThat(all.get(1).getFirst().verdicts()).isEqualTo(sandbox.evaluate(List.of(shortText), many).getFirst()
                .verdicts()).hasSize(150).startsWith(PASS, FAIL, FAIL, PASS);
        assertThat(all.get(0).getFirst().normalForm()).isNotNull()
                .isEqualTo(sandbox.evaluate(List.of("# same code\ndef evaluate(r):\n\n    return r.isupper()  # x\n"),
                        List.of("A")).getFirst().normalForm());
    }

    /**
     * The normal form is the syntax tree without positions: layout, comments and parentheses aside, equal; a renamed
     * variable, another constant (1 and True, 1 and 1.0) or another operator, different.
     */
    @Test
    void theNormalFormIgnoresLayoutOnly() {
        String base = "def evaluate(r):\n    return len(r) > 1\n";
        List<String> same = List.of("def evaluate(r):\n    # longer than one\n    return (len(r)   >  1)\n",
                "def evaluate(r): return len(r) > 1");
        List<String> other = List.of("def evaluate(s):\n    return len(s) > 1\n",
                "def evaluate(r):\n    return len(r) > True\n", "def evaluate(r):\n    return len(r) > 1.0\n",
                "def evaluate(r):\n    return len(r) >= 1\n", "def evaluate(r):\n    return len(r) > 1\nx = 1\n");
        List<String> all = new java.util.ArrayList<>(List.of(base));
        all.addAll(same);
        all.addAll(other);

        List<String> forms = sandbox.evaluate(all, List.of("ab")).stream().map(FunctionResult::normalForm).toList();

        assertThat(forms).doesNotContainNull();
        assertThat(forms.subList(1, 1 + same.size())).containsOnly(forms.getFirst());
        assertThat(new java.util.HashSet<>(forms.subList(1 + same.size(), forms.size()))).hasSize(other.size())
                .doesNotContain(forms.getFirst());
    }

    /** Of several offences, the one ast.walk meets first decides (breadth first: the shallowest, then source order). */
    @Test
    void theShallowestOffenceDecidesTheRejection() {
        String deepFirst = "def evaluate(r):\n    return r.__class__\nimport os\n";
        String sameDepth = "def evaluate(r):\n    return [r.__class__, __import__]\n";

        List<FunctionResult> r = sandbox.evaluate(List.of(deepFirst, sameDepth), List.of("a"));

        assertThat(r).extracting(FunctionResult::rejection)
                .containsExactly("unsupported-import:os", "forbidden-attribute:__class__");
    }
}
