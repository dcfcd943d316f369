package dev.autoif.export.domain;

/**
 * Which text a dataset's user turn holds. The paper's released data (its {@code 9_sft_data_construction.py}) trains
 * on what a user would write: the query, then the instruction as a sentence. Our stored {@code prompt} is the
 * template that asked the LLM for a response, with {@code <instruction>}/{@code <query>} tags; a model trained on it
 * would learn tag-wrapped prompts, so it is only an option.
 */
public enum PromptForm implements ExportParam {
    /** The query, then the capitalised instruction, joined with a space (or ". " after unpunctuated text). */
    NATURAL,
    /** The stored generation prompt, as the response was sampled for. */
    TEMPLATE;

    /**
     * The user turn for one instruction x query. Rows stored before instruction and query texts were kept have only
     * the template prompt, which then stands in either form.
     */
    public String of(String instruction, String query, String templatePrompt) {
        if (this == TEMPLATE || instruction == null || instruction.isBlank() || query == null || query.isBlank()) {
            return templatePrompt;
        }
        return natural(query, instruction);
    }

    /** The user turn for an instruction on its own (instruction-level pairs). */
    public String ofInstruction(String instruction) {
        return this == NATURAL ? sentence(instruction) : instruction;
    }

    /** The query, then the instruction as a sentence of its own. */
    public static String natural(String query, String instruction) {
        String q = query.strip();
        String joint = endsWithPunctuation(q) ? " " : ". ";
        return q + joint + sentence(instruction);
    }

    /** Capitalises the first letter only: "use JSON" becomes "Use JSON", not "Use json". */
    static String sentence(String instruction) {
        String s = instruction.strip();
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                .append(s, Character.charCount(first), s.length()).toString();
    }

    private static boolean endsWithPunctuation(String s) {
        if (s.isEmpty()) {
            return true;
        }
        int last = s.codePointBefore(s.length());
        return switch (Character.getType(last)) {
            case Character.OTHER_PUNCTUATION, Character.END_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.DASH_PUNCTUATION -> true;
            default -> false;
        };
    }
}
