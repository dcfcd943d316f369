package dev.autoif.llm;

/** Whether to ask for several samples in one request ({@code n}). */
public enum NSupport {
    /** Try {@code n}; if the endpoint rejects it or returns fewer choices, remember that and send one per sample. */
    AUTO,
    /** Always send {@code n} (missing choices are still fetched one by one). */
    TRUE,
    /** Never send {@code n}: one request per sample, seeds derived from the sample index. */
    FALSE
}
