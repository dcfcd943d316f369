package dev.autoif.llmsim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's real prompt files, read from the repository and rendered like the llm-client does ({{name}}). */
final class Prompts {

    static final Path SELF_INSTRUCT = Path.of("../instruction-service/src/main/resources/prompts/instruction/self-instruct.txt");
    static final Path FUNCTION = Path.of("../instruction-service/src/main/resources/prompts/instruction/verification-function.txt");
    static final Path BACK_TRANSLATION = Path.of("../nli-service/src/main/resources/prompts/nli/back-translation.txt");
    static final Path NLI = Path.of("../nli-service/src/main/resources/prompts/nli/nli-classify.txt");
    static final Path RESPONSE = Path.of("../query-service/src/main/resources/prompts/query/response.txt");
    static final Path JUDGE = Path.of("../judge-service/src/main/resources/prompts/judge/judge.txt");
    static final Path SEEDS = Path.of("../instruction-service/src/main/resources/seeds/default-seeds.txt");

    private static final Pattern VAR = Pattern.compile("\\{\\{(\\w+)}}");

    private Prompts() {
    }

    static String render(Path template, Map<String, String> vars) {
        String text = read(template);
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException(template + " needs {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    static List<String> seeds() {
        return read(SEEDS).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static String selfInstruct(int count) {
        String examples = String.join("\n", seeds().stream().limit(8).map(s -> "- " + s).toList());
        return render(SELF_INSTRUCT, Map.of("count", Integer.toString(count), "examples", examples));
    }

    static String function(String instruction) {
        return render(FUNCTION, Map.of("instruction", instruction));
    }

    static String backTranslation(String function) {
        return render(BACK_TRANSLATION, Map.of("function", function));
    }

    static String nli(String premise, String hypothesis) {
        return render(NLI, Map.of("premise", premise, "hypothesis", hypothesis));
    }

    static String response(String instruction, String query) {
        return render(RESPONSE, Map.of("instruction", instruction, "query", query));
    }

    static String judge(String instruction, String query, String response) {
        return render(JUDGE, Map.of("instruction", instruction, "query", query, "response", response));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
