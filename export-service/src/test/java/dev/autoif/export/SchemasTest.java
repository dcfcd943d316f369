package dev.autoif.export;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The schemas reject what a trainer would reject, so the export tests can fail. */
class SchemasTest {

    @Test
    void wrongShapesFail() {
        assertThatThrownBy(() -> Schemas.validLines("{\"instruction\":\"p\",\"output\":\"r\"}\n", "alpaca"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Schemas.validLines(
                "{\"messages\":[{\"role\":\"assistant\",\"content\":\"r\"},{\"role\":\"user\",\"content\":\"p\"}]}\n",
                "messages")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Schemas.validLines(
                "{\"conversations\":[{\"from\":\"user\",\"value\":\"p\"},{\"from\":\"gpt\",\"value\":\"r\"}]}\n",
                "sharegpt")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Schemas.validLines("{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\",\"x\":1}\n",
                "dpo")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Schemas.validLines("{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\"}", "dpo"))
                .as("a last line without newline").isInstanceOf(AssertionError.class);
    }
}
