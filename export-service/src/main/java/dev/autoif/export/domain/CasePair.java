package dev.autoif.export.domain;

/** A stored instruction-level case pair of an instruction that survived NLI. */
public record CasePair(String instructionId, int pairIndex, String instruction, String chosen, String rejected) {

    public Lines.Preference preference(PromptForm form) {
        return new Lines.Preference(form.ofInstruction(instruction), chosen, rejected);
    }
}
