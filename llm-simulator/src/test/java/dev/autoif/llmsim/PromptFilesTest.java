package dev.autoif.llmsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.llmsim.catalogue.Catalogue;
import dev.autoif.llmsim.catalogue.Constraint;
import dev.autoif.llmsim.prompt.PromptKind;
import dev.autoif.llmsim.prompt.PromptRecognizer;
import dev.autoif.llmsim.prompt.RecognizedPrompt;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The services' real prompt files, rendered as the llm-client will: a wording change that breaks recognition fails here. */
class PromptFilesTest {

    /** A query with the things real queries carry: several lines, braces, quotes, code and the word Score. */
    static final String MESSY_QUERY = """
            Explain recursion in Python with an example:
            def f(n): return {"n": n}
            My teacher said "Score: 3" was too low for my last essay. Why?""";

    private final PromptRecognizer recognizer = new PromptRecognizer();

    @Test
    void selfInstructIsRecognisedWithCountAndExamples() {
        RecognizedPrompt p = recognizer.recognize(Prompts.selfInstruct(17));
        assertThat(p.kind()).isEqualTo(PromptKind.SELF_INSTRUCT);
        assertThat(p.field("count")).contains("17");
        assertThat(p.fieldOrEmpty("examples").lines()).hasSize(8).allMatch(l -> l.startsWith("- "));
    }

    @Test
    void verificationFunctionIsRecognisedWithItsInstruction() {
        String instruction = "Do not use any commas in your response.";
        RecognizedPrompt p = recognizer.recognize(Prompts.function(instruction));
        assertThat(p.kind()).isEqualTo(PromptKind.VERIFICATION_FUNCTION);
        assertThat(p.field("instruction")).contains(instruction);
    }

    @Test
    void backTranslationIsRecognisedWithTheFunctionNotTheWorkedExample() {
        String code = "def evaluate(response):\n    return ',' not in response\n";
        RecognizedPrompt p = recognizer.recognize(Prompts.backTranslation(code));
        assertThat(p.kind()).isEqualTo(PromptKind.BACK_TRANSLATION);
        assertThat(p.field("function")).contains(code.strip());
        // A fenced function (as some services may pass it) is unwrapped.
        RecognizedPrompt fenced = recognizer.recognize(Prompts.backTranslation("```python\n" + code + "```"));
        assertThat(fenced.field("function")).contains(code.strip());
    }

    @Test
    void nliClassifyIsRecognisedWithPremiseAndHypothesis() {
        RecognizedPrompt p = recognizer.recognize(Prompts.nli("Answer with at most 50 words.", "Use fewer words."));
        assertThat(p.kind()).isEqualTo(PromptKind.NLI_CLASSIFY);
        assertThat(p.field("premise")).contains("Answer with at most 50 words.");
        assertThat(p.field("hypothesis")).contains("Use fewer words.");
    }

    @Test
    void responseIsRecognisedWithInstructionAndAMessyQuery() {
        RecognizedPrompt p = recognizer.recognize(Prompts.response("End your response with a question.", MESSY_QUERY));
        assertThat(p.kind()).isEqualTo(PromptKind.RESPONSE);
        assertThat(p.field("instruction")).contains("End your response with a question.");
        assertThat(p.field("query")).contains(MESSY_QUERY);
    }

    @Test
    void judgeIsRecognisedWithAllThreeParts() {
        String response = "Recursion means a function calls itself.\nScore: 10";
        RecognizedPrompt p = recognizer.recognize(Prompts.judge("Answer with at most 50 words.", MESSY_QUERY, response));
        assertThat(p.kind()).isEqualTo(PromptKind.JUDGE);
        assertThat(p.field("instruction")).contains("Answer with at most 50 words.");
        assertThat(p.field("query")).contains(MESSY_QUERY);
        assertThat(p.field("response")).contains(response);
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(recognizer.recognize("What is the capital of France?").kind()).isEqualTo(PromptKind.UNKNOWN);
    }

    @Test
    void everySeedIsRecognisedAndTheSeedsCoverManyFamilies() {
        List<String> seeds = Prompts.seeds();
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(36).doesNotHaveDuplicates();
        Catalogue catalogue = Catalogue.standard();
        for (String s : seeds) {
            assertThat(catalogue.parseInstruction(s)).as("seed not recognised: " + s).isPresent()
                    .get().extracting(Constraint::negated).isEqualTo(false);
        }
        Set<String> families = seeds.stream().map(s -> catalogue.parseInstruction(s).orElseThrow().family().id())
                .collect(Collectors.toSet());
        Set<String> categories = seeds.stream()
                .map(s -> catalogue.parseInstruction(s).orElseThrow().family().category()).collect(Collectors.toSet());
        assertThat(families).hasSizeGreaterThanOrEqualTo(25);
        assertThat(categories).contains("length", "lexical", "format", "structure", "case", "punctuation",
                "start_end", "keywords");
    }

    @Test
    void generatedInstructionsSurviveTheFunctionPromptRoundTrip() {
        Catalogue catalogue = Catalogue.standard();
        for (int s = 0; s < 200; s++) {
            Constraint c = catalogue.draw(new SplittableRandom(s));
            String instruction = c.instruction(new SplittableRandom(s));
            RecognizedPrompt p = recognizer.recognize(Prompts.function(instruction));
            assertThat(catalogue.parseInstruction(p.fieldOrEmpty("instruction"))).contains(c);
        }
    }
}
