package dev.autoif.contracts;

/** NLI of (instruction, back-translation of one function): the label and the three probabilities. */
public record NliJudgement(String functionId, String backTranslation, NliLabel label, double entailment,
        double neutral, double contradiction) {
}
