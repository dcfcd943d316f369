package dev.autoif.contracts;

/** Pipeline stages in order, as reported on {@link Topics#RUNS_PROGRESS}. */
public enum Stage {
    SELF_INSTRUCT,
    FUNCTION_GENERATION,
    CROSS_VALIDATION,
    BACK_TRANSLATION,
    QUERY_SAMPLING,
    RESPONSE_VERIFICATION,
    REJECTION,
    JUDGE,
    EXPORT
}
