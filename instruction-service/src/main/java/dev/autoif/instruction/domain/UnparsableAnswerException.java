package dev.autoif.instruction.domain;

/** An LLM answer that cannot be turned into a typed record; the message says why (no LLM text in it). */
public class UnparsableAnswerException extends Exception {

    public UnparsableAnswerException(String reason) {
        super(reason, null, false, false);
    }
}
