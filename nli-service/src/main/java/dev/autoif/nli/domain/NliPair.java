package dev.autoif.nli.domain;

import java.util.Objects;

/** One NLI question: does {@code hypothesis} follow from, stay neutral to, or contradict {@code premise}? */
public record NliPair(String premise, String hypothesis) {

    public NliPair {
        Objects.requireNonNull(premise, "premise");
        Objects.requireNonNull(hypothesis, "hypothesis");
    }
}
