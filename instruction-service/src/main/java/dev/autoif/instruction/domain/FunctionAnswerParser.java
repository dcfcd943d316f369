package dev.autoif.instruction.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.autoif.contracts.TestCase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a verification-function answer (paper Appendix G: a JSON object with the function under "func" and test
 * cases under "cases", each with "input" and "output"). Models wrap the JSON in prose or code fences, write literal
 * newlines inside strings, use Python's True/False, quote the booleans ("True"), escape the code twice, or pick other
 * key names; all of that is accepted. What is not: no JSON object, no function, a function not named
 * {@code evaluate}, no case list. Those throw {@link UnparsableAnswerException} with the reason.
 */
public final class FunctionAnswerParser {

    public static final int MAX_CODE_LENGTH = 20_000;
    public static final int MAX_INPUT_LENGTH = 20_000;
    public static final int MAX_CASES = 50;

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z0-9_-]*[ \\t]*\\R?(.*?)```", Pattern.DOTALL);
    private static final Pattern EVALUATE = Pattern.compile("(?m)^def\\s+evaluate\\s*\\(");
    private static final Pattern ANY_DEF = Pattern.compile("(?m)^\\s*def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final List<String> FUNC_KEYS = List.of("func", "function", "code", "evaluate",
            "evaluation_function", "eval_func");
    private static final List<String> CASES_KEYS = List.of("cases", "test_cases", "testCases", "tests", "examples");
    private static final List<String> INPUT_KEYS = List.of("input", "response", "text", "case", "input_str");
    private static final List<String> OUTPUT_KEYS = List.of("output", "expected", "expected_output", "result",
            "label");

    private FunctionAnswerParser() {
    }

    public static FunctionAnswer parse(String answer) throws UnparsableAnswerException {
        if (answer == null || answer.isBlank()) {
            throw new UnparsableAnswerException("empty answer");
        }
        JsonNode root = findObject(answer);
        String code = code(root);
        List<TestCase> cases = new ArrayList<>();
        int skipped = cases(root, cases);
        return new FunctionAnswer(code, List.copyOf(cases), skipped);
    }

    /**
     * The answer's JSON object: the whole text, the span from the first '{' to the last '}', or a code fence. Case
     * inputs may hold fenced JSON of their own, so the first object that has a function key wins, not the first
     * object found.
     */
    private static JsonNode findObject(String answer) throws UnparsableAnswerException {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(answer.strip());
        int open = answer.indexOf('{');
        int close = answer.lastIndexOf('}');
        if (open >= 0 && close > open) {
            candidates.add(answer.substring(open, close + 1));
        }
        Matcher fence = FENCE.matcher(answer);
        while (fence.find()) {
            candidates.add(fence.group(1).strip());
        }
        JsonNode firstObject = null;
        for (String c : candidates) {
            JsonNode node = read(c);
            if (node == null) {
                node = read(PythonLiterals.toJson(c));
            }
            if (node != null && node.isObject()) {
                if (first(node, FUNC_KEYS) != null) {
                    return node;
                }
                firstObject = firstObject == null ? node : firstObject;
            }
        }
        if (firstObject != null) {
            return firstObject;
        }
        throw new UnparsableAnswerException("no JSON object in the answer");
    }

    private static JsonNode read(String text) {
        try {
            return LENIENT.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String code(JsonNode root) throws UnparsableAnswerException {
        JsonNode func = first(root, FUNC_KEYS);
        if (func == null || func.isNull()) {
            throw new UnparsableAnswerException("no 'func' key");
        }
        String code;
        if (func.isTextual()) {
            code = func.textValue();
        } else if (func.isArray()) {
            List<String> lines = new ArrayList<>();
            func.forEach(l -> lines.add(l.asText()));
            code = String.join("\n", lines);
        } else {
            throw new UnparsableAnswerException("'func' is not a string");
        }
        Matcher fence = FENCE.matcher(code.strip());
        if (code.strip().startsWith("```") && fence.lookingAt()) {
            code = fence.group(1);
        }
        if (code.indexOf('\n') < 0 && code.contains("\\n")) {
            code = unescape(code);
        }
        code = code.stripIndent().strip();
        if (code.isEmpty()) {
            throw new UnparsableAnswerException("'func' is empty");
        }
        if (code.length() > MAX_CODE_LENGTH) {
            throw new UnparsableAnswerException("function longer than " + MAX_CODE_LENGTH + " characters");
        }
        if (!EVALUATE.matcher(code).find()) {
            Matcher other = ANY_DEF.matcher(code);
            throw new UnparsableAnswerException(other.find()
                    ? "function is named '" + other.group(1) + "', not 'evaluate'"
                    : "no 'def evaluate(' in 'func'");
        }
        return code + "\n";
    }

    /** Adds the well-formed cases to {@code out}; returns how many were skipped as malformed. */
    private static int cases(JsonNode root, List<TestCase> out) throws UnparsableAnswerException {
        JsonNode cases = first(root, CASES_KEYS);
        if (cases == null || !cases.isArray()) {
            throw new UnparsableAnswerException("no 'cases' list");
        }
        int skipped = 0;
        for (JsonNode c : cases) {
            TestCase tc = testCase(c);
            if (tc == null || out.size() >= MAX_CASES) {
                skipped++;
            } else if (!out.contains(tc)) {
                out.add(tc);
            }
        }
        return skipped;
    }

    private static TestCase testCase(JsonNode c) {
        JsonNode input;
        JsonNode output;
        if (c.isObject()) {
            input = first(c, INPUT_KEYS);
            output = first(c, OUTPUT_KEYS);
        } else if (c.isArray() && c.size() == 2) {
            input = c.get(0);
            output = c.get(1);
        } else {
            return null;
        }
        if (input == null || !input.isValueNode() || input.isNull() || input.asText().length() > MAX_INPUT_LENGTH) {
            return null;
        }
        Boolean expected = bool(output);
        return expected == null ? null : new TestCase(input.asText(), expected);
    }

    private static Boolean bool(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber() && (n.asInt() == 0 || n.asInt() == 1)) {
            return n.asInt() == 1;
        }
        if (n.isTextual()) {
            return switch (n.textValue().strip().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> null;
            };
        }
        return null;
    }

    private static JsonNode first(JsonNode node, List<String> keys) {
        for (String k : keys) {
            if (node.has(k)) {
                return node.get(k);
            }
        }
        return null;
    }

    /** Undoes one level of string escaping, for code that was escaped twice. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '"', '\'', '\\' -> out.append(next);
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }
}
