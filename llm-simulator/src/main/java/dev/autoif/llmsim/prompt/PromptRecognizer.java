package dev.autoif.llmsim.prompt;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the AutoIF prompts apart by their content, as a model would: by the tagged sections they carry
 * ({@code <instruction>...</instruction>} and so on) and a few stable phrases. docs/prompts.md lists these markers;
 * a test renders the project's real prompt files and checks that each is recognised.
 */
public final class PromptRecognizer {

    /** Phrases each template must keep (case-insensitive). */
    public static final String SELF_INSTRUCT_MARKER = "checked by a short Python function";
    public static final String FUNCTION_MARKER = "evaluate(response)";
    public static final String FUNCTION_CASES_MARKER = "\"cases\"";
    public static final String BACK_TRANSLATION_MARKER = "instruction that this function checks";
    public static final String NLI_MARKER = "entailment, neutral or contradiction";
    public static final String JUDGE_MARKER = "Score:";

    private static final Pattern COUNT = Pattern.compile("\\bWrite\\s+(\\d+)\\s+new\\b", Pattern.CASE_INSENSITIVE);

    public RecognizedPrompt recognize(String prompt) {
        String text = prompt == null ? "" : prompt;
        Map<String, String> f = new HashMap<>();
        Optional<String> instruction = section(text, "instruction");
        Optional<String> query = section(text, "query");
        Optional<String> response = section(text, "response");

        if (instruction.isPresent() && query.isPresent() && response.isPresent() && text.contains(JUDGE_MARKER)) {
            f.put("instruction", instruction.get());
            f.put("query", query.get());
            f.put("response", response.get());
            return new RecognizedPrompt(PromptKind.JUDGE, f);
        }
        Optional<String> premise = section(text, "premise");
        Optional<String> hypothesis = section(text, "hypothesis");
        if (premise.isPresent() && hypothesis.isPresent() && containsIgnoreCase(text, NLI_MARKER)) {
            f.put("premise", premise.get());
            f.put("hypothesis", hypothesis.get());
            return new RecognizedPrompt(PromptKind.NLI_CLASSIFY, f);
        }
        Optional<String> function = section(text, "function");
        if (function.isPresent() && containsIgnoreCase(text, BACK_TRANSLATION_MARKER)) {
            f.put("function", stripFence(function.get()));
            return new RecognizedPrompt(PromptKind.BACK_TRANSLATION, f);
        }
        if (instruction.isPresent() && text.contains(FUNCTION_MARKER) && text.contains(FUNCTION_CASES_MARKER)) {
            f.put("instruction", instruction.get());
            return new RecognizedPrompt(PromptKind.VERIFICATION_FUNCTION, f);
        }
        if (instruction.isPresent() && query.isPresent()) {
            f.put("instruction", instruction.get());
            f.put("query", query.get());
            return new RecognizedPrompt(PromptKind.RESPONSE, f);
        }
        if (containsIgnoreCase(text, SELF_INSTRUCT_MARKER)) {
            Matcher m = COUNT.matcher(text);
            if (m.find()) {
                f.put("count", m.group(1));
            }
            section(text, "examples").ifPresent(e -> f.put("examples", e));
            return new RecognizedPrompt(PromptKind.SELF_INSTRUCT, f);
        }
        return new RecognizedPrompt(PromptKind.UNKNOWN, f);
    }

    /** Text between the first {@code <tag>} and the last {@code </tag>}, trimmed. */
    static Optional<String> section(String text, String tag) {
        String open = "<" + tag + ">";
        String close = "</" + tag + ">";
        int start = text.indexOf(open);
        int end = text.lastIndexOf(close);
        if (start < 0 || end < start + open.length()) {
            return Optional.empty();
        }
        return Optional.of(text.substring(start + open.length(), end).strip());
    }

    private static boolean containsIgnoreCase(String text, String marker) {
        return text.toLowerCase().contains(marker.toLowerCase());
    }

    private static String stripFence(String code) {
        String t = code.strip();
        if (t.startsWith("```")) {
            t = t.replaceFirst("^```[a-zA-Z]*\\s*\\n", "").replaceFirst("\\n?```\\s*$", "");
        }
        return t;
    }
}
