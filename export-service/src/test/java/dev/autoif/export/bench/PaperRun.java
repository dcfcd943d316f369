package dev.autoif.export.bench;

import dev.autoif.contracts.FunctionRef;
import dev.autoif.contracts.JudgeStatus;
import dev.autoif.contracts.ResponseJudged;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.Verdict;
import dev.autoif.contracts.VerifiedResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shape of a paper-size run (x0.05 as deploy/local/paper-run.sh measured it: 682 instructions after NLI, 16
 * queries each, 8 responses per query = 87,296 verified responses, ~80% of them judged and ~90% of those kept),
 * with texts about as long as the simulator's (responses 300-600 characters, generation prompts ~300) and the
 * records as the verifier and the judge send them (five functions with their code, a verdict per function).
 * Deterministic for a seed.
 */
final class PaperRun {

    static final int QUERIES = 16;
    static final int RESPONSES = 8;
    static final int FUNCTIONS = 5;
    static final int CASE_PAIRS = 10;

    private static final String[] WORDS = ("the answer keeps to its constraint while explaining how a reader might"
            + " approach topic with care and several concrete examples drawn from daily practice so that each"
            + " sentence stays clear short useful honest precise and friendly without repeating itself needlessly"
            + " Java compilers gardens rivers bicycles markets history music weather").split(" ");
    private static final String FUNCTION_CODE = """
            def evaluate(response: str) -> bool:
                words = [w for w in response.split() if w.strip()]
                if not words:
                    return False
                lowered = [w for w in words if w == w.lower()]
                return len(lowered) / len(words) >= 0.9 and not any(c.isupper() for c in response)
            """;

    final int instructions;

    PaperRun(int instructions) {
        this.instructions = instructions;
    }

    static String instructionId(int i) {
        return String.format("ins-%08x", i * 2654435761L & 0xffffffffL);
    }

    static String queryId(int q) {
        return String.format("q-%04d", q);
    }

    static String instruction(int i) {
        return "answer in lowercase letters only and mention constraint number " + i + " once";
    }

    static String query(int i, int q) {
        return "What should a beginner know about topic " + (i * QUERIES + q) + " before starting?";
    }

    static String prompt(int i, int q) {
        return "You are answering a user. Follow the instruction exactly while answering the query.\n<instruction>"
                + instruction(i) + "</instruction>\n<query>" + query(i, q) + "</query>\nWrite the answer only.";
    }

    static String sampleId(String run, int i, int q) {
        return run + "|" + instructionId(i) + "|" + queryId(q);
    }

    /** A response of 300-600 characters, different for every (instruction, query, index). */
    static String response(int i, int q, int r) {
        SplittableRandom rng = new SplittableRandom(((long) i * QUERIES + q) * RESPONSES + r);
        int length = 300 + rng.nextInt(301);
        StringBuilder b = new StringBuilder(length + 20).append("response ").append(i).append('.').append(q)
                .append('.').append(r).append(':');
        while (b.length() < length) {
            b.append(' ').append(WORDS[rng.nextInt(WORDS.length)]);
            if (rng.nextInt(12) == 0) {
                b.append('.');
            }
        }
        return b.toString();
    }

    /** Pass rates: most responses pass (> 0.5), some fail every function (rejected), a few in between. */
    static double passRate(int i, int q, int r) {
        int draw = new SplittableRandom(((long) i * QUERIES + q) * RESPONSES + r + 7_919).nextInt(100);
        return draw < 72 ? 1.0 : draw < 80 ? 0.8 : draw < 88 ? 0.4 : 0.0;
    }

    /** Judged: every response above 0.5; kept when the judge scores it 8 or more (about 90%). */
    static boolean judged(int i, int q, int r) {
        return passRate(i, q, r) > 0.5;
    }

    static double score(int i, int q, int r) {
        return 5 + new SplittableRandom(((long) i * QUERIES + q) * RESPONSES + r + 104_729).nextInt(6);
    }

    static ResponseJudged judgedRecord(String run, int i, int q, int r) {
        double score = score(i, q, r);
        return new ResponseJudged(String.format("%s|r%d", sampleId(run, i, q), r), sampleId(run, i, q), run,
                instructionId(i), instruction(i), queryId(q), query(i, q), prompt(i, q), response(i, q, r),
                passRate(i, q, r), score, "The response follows the instruction: all letters are lowercase and the"
                        + " constraint is mentioned once. Score " + score + ".", JudgeStatus.SCORED, score >= 6);
    }

    static ResponseVerified verifiedRecord(String run, int i, int q) {
        List<FunctionRef> functions = new ArrayList<>();
        for (int f = 0; f < FUNCTIONS; f++) {
            functions.add(new FunctionRef(instructionId(i) + "-f" + f, FUNCTION_CODE));
        }
        List<VerifiedResponse> responses = new ArrayList<>();
        for (int r = 0; r < RESPONSES; r++) {
            List<Verdict> verdicts = new ArrayList<>();
            int passing = (int) Math.round(passRate(i, q, r) * FUNCTIONS);
            for (int f = 0; f < FUNCTIONS; f++) {
                verdicts.add(f < passing ? Verdict.PASS : Verdict.FAIL);
            }
            responses.add(new VerifiedResponse(r, response(i, q, r), passRate(i, q, r), verdicts));
        }
        return new ResponseVerified(sampleId(run, i, q), run, instructionId(i), instruction(i), queryId(q),
                query(i, q), prompt(i, q), functions, responses, 0);
    }

    /** Cross-validation case pairs of an instruction: a passing and a failing test case. */
    static String chosenCase(int i, int p) {
        return "a lowercase answer about item " + p + " of instruction " + i + " that mentions the constraint once";
    }

    static String rejectedCase(int i, int p) {
        return "AN ANSWER IN CAPITALS ABOUT ITEM " + p + " OF INSTRUCTION " + i;
    }
}
