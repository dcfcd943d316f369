package dev.autoif.instruction.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the instructions out of one self-instruct answer. The prompt asks for one instruction per line starting with
 * "- "; other list markers and numbering are tolerated. Lines without a marker are the model's chatter ("Here are 10
 * instructions:") and are skipped, unless the answer has no list line at all, in which case every line is taken as
 * an instruction. A taken line that is not a plausible instruction is counted as unparsable.
 */
public final class InstructionLines {

    /** Fewer words than this is a fragment, not an instruction ("- Format:"). */
    public static final int MIN_WORDS = 3;
    /** Same bound the run spec puts on a seed instruction. */
    public static final int MAX_LENGTH = 2_000;

    /**
     * @param instructions the cleaned instructions, in answer order (duplicates included)
     * @param unparsable lines that looked like list items but hold no usable instruction
     */
    public record Parsed(List<String> instructions, int unparsable) {
    }

    private InstructionLines() {
    }

    public static Parsed parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return new Parsed(List.of(), 0);
        }
        List<String> lines = answer.lines().filter(l -> !l.isBlank()).toList();
        List<String> taken = lines.stream().filter(InstructionText::isListItem).toList();
        if (taken.isEmpty()) {
            taken = lines;
        }
        List<String> instructions = new ArrayList<>();
        int unparsable = 0;
        for (String line : taken) {
            String text = InstructionText.clean(line);
            if (plausible(text)) {
                instructions.add(text);
            } else {
                unparsable++;
            }
        }
        return new Parsed(List.copyOf(instructions), unparsable);
    }

    /** Enough words, some letters, not a heading, not a code fence, not absurdly long. */
    static boolean plausible(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH || text.endsWith(":") || text.startsWith("```")) {
            return false;
        }
        if (text.chars().noneMatch(Character::isLetter)) {
            return false;
        }
        return text.split("\\s+").length >= MIN_WORDS;
    }
}
