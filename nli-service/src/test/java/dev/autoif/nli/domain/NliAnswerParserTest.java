package dev.autoif.nli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoif.contracts.NliLabel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NliAnswerParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "entailment|ENTAILMENT",
        "Neutral.|NEUTRAL",
        "CONTRADICTION|CONTRADICTION",
        "\"contradiction\"|CONTRADICTION",
        "**Entailment**|ENTAILMENT",
        "Contradiction: the second forbids what the first requires (not entailment).|CONTRADICTION",
        "The relation is neutral.|NEUTRAL",
        "{\"label\": \"contradiction\"}|CONTRADICTION",
        "Answer: entails|ENTAILMENT",
    })
    void readsTheLabel(String answer, NliLabel expected) {
        assertThat(NliAnswerParser.parse(answer)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "yes", "I cannot tell.", "Either entailment or contradiction, hard to say."})
    void refusesToGuess(String answer) {
        assertThatThrownBy(() -> NliAnswerParser.parse(answer)).isInstanceOf(IllegalArgumentException.class);
    }
}
