package dev.autoif.instruction.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoif.contracts.InstructionOrigin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InstructionDeduplicatorTest {

    /** The same constraint worded twice. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Your response should contain at least 3 paragraphs.|Write at least three paragraphs.",
        "Your response should contain at least 3 paragraphs.|Your answer must have a minimum of 3 paragraphs.",
        "Do not use any commas in your response.|Avoid commas.",
        "Do not use any commas in your response.|Your response must not contain commas.",
        "Answer with no more than 50 words.|Your entire response should be at most fifty words.",
        "Begin your response with the word 'Hello'.|Start your answer with the word 'Hello'.",
        "Don't use the letter 's' anywhere.|Do not use the letter 's' anywhere in your reply.",
        "Do not use any commas in your response.|Your entire answer must be free of commas.",
        "Your entire response must be in uppercase letters.|Write your whole response in all capital letters.",
        "End your response with the phrase \"Is there anything else?\"|Finish your reply with the exact phrase \"Is there anything else?\""
    })
    void dropsRewordings(String first, String second) {
        InstructionDeduplicator d = new InstructionDeduplicator("run");
        assertTrue(d.addAugmented(first));
        assertFalse(d.addAugmented(second), () -> "kept " + second + " next to " + first + ": "
                + ConstraintFingerprint.of(first) + " vs " + ConstraintFingerprint.of(second));
        assertEquals(Map.of(InstructionDeduplicator.NEAR_DUPLICATE, 1L), d.dropped());
    }

    /** Similar words, different constraints: both stay. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Answer with at least 50 words.|Answer with at most 50 words.",
        "Answer with at least 50 words.|Answer with at least 100 words.",
        "Use no commas.|Use at least 3 commas.",
        "Begin your response with the word 'Hello'.|End your response with the word 'Hello'.",
        "Begin your response with the word 'Hello'.|Begin your response with the word 'Goodbye'.",
        "Your entire response must be in uppercase letters.|Your entire response must be in lowercase letters.",
        "Include the keyword \"banana\" at least twice.|Include the keyword \"apple\" at least twice.",
        "Answer in exactly 3 sentences.|Answer in exactly 3 paragraphs.",
        "Do not use the letter 'z' anywhere in your response.|Do not use the letter 'x' anywhere in your response.",
        "Your response must not contain the letter 'q', in upper or lower case.|Your entire response must be in lowercase letters; no capital letters are allowed.",
        "Separate paragraphs with the divider ***, and write at least 3 paragraphs.|Write at least 3 paragraphs."
    })
    void keepsDifferentConstraints(String first, String second) {
        InstructionDeduplicator d = new InstructionDeduplicator("run");
        assertTrue(d.addAugmented(first));
        assertTrue(d.addAugmented(second), () -> "dropped " + second + " next to " + first + ": "
                + ConstraintFingerprint.of(first) + " vs " + ConstraintFingerprint.of(second));
    }

    @Test
    void seedsComeFirstAndOnlyExactSeedRepeatsAreDropped() {
        InstructionDeduplicator d = new InstructionDeduplicator("run");
        assertTrue(d.addSeed("Avoid commas."));
        assertTrue(d.addSeed("Do not use any commas."));
        assertFalse(d.addSeed("avoid commas"));
        assertFalse(d.addAugmented("- Avoid commas!"));
        assertFalse(d.addAugmented("Never use a comma."));
        assertTrue(d.addAugmented("Use exactly 2 bullet points."));
        assertEquals(List.of(InstructionOrigin.SEED, InstructionOrigin.SEED, InstructionOrigin.AUGMENTED),
                d.kept().stream().map(Instruction::origin).toList());
        assertEquals(Map.of(InstructionDeduplicator.DUPLICATE, 2L, InstructionDeduplicator.NEAR_DUPLICATE, 1L),
                d.dropped());
    }

    @Test
    void mergeAccountsForEveryItem() {
        SelfInstructMerge.Result r = SelfInstructMerge.merge("run", List.of("Use no commas.", "Answer in 3 sentences."),
                List.of("- Use no commas\n- Wrap your response in double quotes.\n- Format:",
                        "1. Wrap your response in double quotes\n2. Your response must not contain commas.",
                        "- End with a question mark."));
        assertEquals(List.of("Use no commas.", "Answer in 3 sentences.", "Wrap your response in double quotes.",
                "End with a question mark."), r.instructions().stream().map(Instruction::text).toList());
        assertEquals(Map.of("duplicate", 2L, "near-duplicate", 1L, "unparsable-line", 1L), r.dropped());
        long dropped = r.dropped().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(r.itemsIn(), r.instructions().size() + dropped);
        assertEquals(8, r.itemsIn());
    }
}
