package dev.autoif.nli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackTranslationParserTest {

    private static final String EXPECTED = "Do not use any commas in your response.";

    @ParameterizedTest
    @ValueSource(strings = {
        "Do not use any commas in your response.",
        "  Do not use any commas in your response.  \n",
        "\"Do not use any commas in your response.\"",
        "\u201cDo not use any commas in your response.\u201d",
        "Instruction: Do not use any commas in your response.",
        "The instruction is: \"Do not use any commas in your response.\"",
        "**Instruction:** Do not use any commas in your response.",
        "- Do not use any commas in your response.",
        "1. Do not use any commas in your response.",
        "```\nDo not use any commas in your response.\n```",
        "```text\nInstruction: Do not use any commas in your response.\n```",
        "Here is the instruction:\n\nDo not use any commas in your response.",
        "Sure!\nDo not use any commas in your response.\nThis checks the comma count.",
        "Instruction:\n Do not use any commas in your response.",
    })
    void readsTheInstructionOutOfCommonWrappings(String answer) {
        assertThat(BackTranslationParser.parse(answer)).isEqualTo(EXPECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\n", "```\n```", "Instruction:", "\"\""})
    void anEmptyAnswerDoesNotParse(String answer) {
        assertThatThrownBy(() -> BackTranslationParser.parse(answer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageMatching("(empty answer|no instruction.*)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"```python\ndef evaluate(response):\n    return ',' not in response\n```"})
    void echoedCodeIsNotAnInstruction(String answer) {
        assertThatThrownBy(() -> BackTranslationParser.parse(answer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code");
    }

    @ParameterizedTest
    @ValueSource(ints = {1001, 5000})
    void anEndlessLineIsRejected(int length) {
        assertThatThrownBy(() -> BackTranslationParser.parse("a".repeat(length)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
    }
}
