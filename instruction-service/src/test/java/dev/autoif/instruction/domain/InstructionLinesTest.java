package dev.autoif.instruction.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstructionLinesTest {

    @Test
    void takesListLinesAndSkipsChatter() {
        InstructionLines.Parsed p = InstructionLines.parse("""
                Here are 3 new instructions:

                - Answer in exactly 3 sentences.
                * Wrap your entire response in double quotes.
                2. "Do not use the letter e."
                Hope this helps!
                """);
        assertEquals(List.of("Answer in exactly 3 sentences.", "Wrap your entire response in double quotes.",
                "Do not use the letter e."), p.instructions());
        assertEquals(0, p.unparsable());
    }

    @Test
    void countsFragmentsAndHeadingsAsUnparsable() {
        InstructionLines.Parsed p = InstructionLines.parse("""
                - Format:
                - ok
                - ***
                - End your response with a question.
                - ```
                """);
        assertEquals(List.of("End your response with a question."), p.instructions());
        assertEquals(4, p.unparsable());
    }

    @Test
    void takesEveryLineWhenTheAnswerHasNoListAtAll() {
        InstructionLines.Parsed p = InstructionLines.parse("Use at most 50 words.\nNo.\nEnd with a question mark.");
        assertEquals(List.of("Use at most 50 words.", "End with a question mark."), p.instructions());
        assertEquals(1, p.unparsable());
    }

    @Test
    void emptyAnswerYieldsNothing() {
        assertEquals(0, InstructionLines.parse("").instructions().size());
        assertEquals(0, InstructionLines.parse(null).unparsable());
    }
}
