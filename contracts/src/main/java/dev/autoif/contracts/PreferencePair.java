package dev.autoif.contracts;

/** A chosen and a rejected text for the same prompt (DPO). */
public record PreferencePair(String chosen, String rejected) {
}
