package dev.autoif.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The paper's SFT prompt form (its 9_sft_data_construction.py): the query, then the instruction as a sentence. */
class PromptFormTest {

    @Test
    void aQueryEndingInPunctuationIsFollowedByASpace() {
        assertThat(PromptForm.natural("What is Java?", "answer in lowercase"))
                .isEqualTo("What is Java? Answer in lowercase");
        assertThat(PromptForm.natural("Tell me a joke.", "use no commas")).isEqualTo("Tell me a joke. Use no commas");
        assertThat(PromptForm.natural("Say \"hi\"", "be brief")).isEqualTo("Say \"hi\" Be brief");
        assertThat(PromptForm.natural("你好。", "reply in English")).isEqualTo("你好。 Reply in English");
    }

    @Test
    void aQueryWithoutFinalPunctuationGetsAPeriod() {
        assertThat(PromptForm.natural("  Write a poem about the sea \n", " end with a question "))
                .isEqualTo("Write a poem about the sea. End with a question");
        assertThat(PromptForm.natural("Explain 2+2", "show your work")).isEqualTo("Explain 2+2. Show your work");
    }

    @Test
    void onlyTheFirstLetterIsCapitalised() {
        assertThat(PromptForm.natural("Q?", "use JSON, not YAML")).isEqualTo("Q? Use JSON, not YAML");
        assertThat(PromptForm.natural("Q?", "Already capitalised")).isEqualTo("Q? Already capitalised");
        assertThat(PromptForm.natural("Q?", "ölçek")).isEqualTo("Q? Ölçek");
    }

    @Test
    void theTemplateFormAndRowsWithoutTextsKeepTheStoredPrompt() {
        assertThat(PromptForm.TEMPLATE.of("be brief", "Hi", "tpl")).isEqualTo("tpl");
        assertThat(PromptForm.NATURAL.of(null, "Hi", "tpl")).isEqualTo("tpl");
        assertThat(PromptForm.NATURAL.of("be brief", " ", "tpl")).isEqualTo("tpl");
        assertThat(PromptForm.NATURAL.of("be brief", "Hi", "tpl")).isEqualTo("Hi. Be brief");
        assertThat(PromptForm.NATURAL.ofInstruction("be brief")).isEqualTo("Be brief");
        assertThat(PromptForm.TEMPLATE.ofInstruction("be brief")).isEqualTo("be brief");
    }
}
