package dev.autoif.instruction.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InstructionTextTest {

    @Test
    void stripsListMarkersOfEveryKind() {
        for (String line : new String[] {"- Use no commas.", "* Use no commas.", "• Use no commas.",
                "1. Use no commas.", "12) Use no commas.", "(3) Use no commas.", "  -   Use   no commas."}) {
            assertEquals("Use no commas.", InstructionText.clean(line), line);
            assertTrue(InstructionText.isListItem(line), line);
        }
        assertFalse(InstructionText.isListItem("Here are ten instructions:"));
        assertFalse(InstructionText.isListItem("-5 is not a marker without a space"));
    }

    @Test
    void removesWrappingAndStrayQuotesButKeepsQuotedPhrases() {
        assertEquals("Use no commas.", InstructionText.clean("- \"Use no commas.\""));
        assertEquals("Use no commas.", InstructionText.clean("- “Use no commas.”"));
        assertEquals("Use no commas.", InstructionText.clean("- \"Use no commas."));
        assertEquals("Use no commas.", InstructionText.clean("- Use no commas.\""));
        assertEquals("End your response with \"Bye\".", InstructionText.clean("- End your response with \"Bye\"."));
        assertEquals("\"Bye\" or \"Ciao\" must be the last word.",
                InstructionText.clean("- \"Bye\" or \"Ciao\" must be the last word."));
        assertEquals("End with \"Bye\"", InstructionText.clean("- \"End with \"Bye\"\""));
        assertEquals("Don't use commas", InstructionText.clean("- 'Don't use commas'"));
    }

    @Test
    void comparisonKeyIgnoresCaseSpacingAndTrailingPunctuation() {
        assertEquals(InstructionText.comparisonKey("Use no commas."), InstructionText.comparisonKey("use  NO commas"));
        assertEquals(InstructionText.comparisonKey("Use no commas!"), InstructionText.comparisonKey("- Use no commas"));
        assertNotEquals(InstructionText.comparisonKey("Use no commas"), InstructionText.comparisonKey("Use commas"));
    }

    @Test
    void idsAreStablePerRunAndNormalisedText() {
        assertEquals(InstructionIds.of("r1", "Use no commas."), InstructionIds.of("r1", "use no commas"));
        assertNotEquals(InstructionIds.of("r1", "Use no commas."), InstructionIds.of("r2", "Use no commas."));
        assertTrue(InstructionIds.of("r1", "x").matches("ins-[0-9a-f]{32}"));
    }
}
