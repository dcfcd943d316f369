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
    EXPORT;

    /**
     * How many records this stage sent downstream, given its totals: its kept items, except for the judge, which
     * publishes every judgement (kept or dropped) so export can show why a sample went.
     */
    public long emitted(long itemsIn, long itemsOut) {
        return this == JUDGE ? itemsIn : itemsOut;
    }
}
