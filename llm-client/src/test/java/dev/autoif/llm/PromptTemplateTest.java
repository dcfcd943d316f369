package dev.autoif.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void loadsFromTheClasspathAndRenders() {
        PromptTemplate t = PromptTemplate.load("prompts/test/greeting.txt");
        assertThat(t.variables()).containsExactly("name", "count");
        assertThat(t.render(Map.of("name", "Ada", "count", 3)))
                .isEqualTo("Hello Ada, you have 3 tasks.\nAnswer as JSON like {\"ok\": true} or {{not a var}}.\n"
                        + "Bye Ada.\n");
    }

    @Test
    void missingVariableIsNamed() {
        PromptTemplate t = PromptTemplate.of("t", "{{a}} and {{ b }}");
        assertThatThrownBy(() -> t.render(Map.of("a", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing value for [b]");
    }

    @Test
    void unknownVariableIsNamed() {
        PromptTemplate t = PromptTemplate.of("t", "{{a}}");
        assertThatThrownBy(() -> t.render(Map.of("a", "x", "instuction", "typo")))
                .hasMessageContaining("unknown variable [instuction]");
    }

    @Test
    void valuesAreInsertedVerbatimAndNotReExpanded() {
        PromptTemplate t = PromptTemplate.of("t", "Q: {{q}} / R: {{r}}");
        assertThat(t.render(Map.of("q", "{{r}} $1 \\n", "r", "real")))
                .isEqualTo("Q: {{r}} $1 \\n / R: real");
    }

    @Test
    void missingResourceFailsClearly() {
        assertThatThrownBy(() -> PromptTemplate.load("prompts/nope.txt"))
                .hasMessageContaining("not found on the classpath: prompts/nope.txt");
    }
}
