package dev.autoif.llmsim;

import dev.autoif.llmsim.prompt.PromptKind;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every fault the simulator can inject, each with its own rate (0 by default). HTTP faults apply to any request;
 * the others change the content of one choice of one prompt kind.
 */
public enum Fault {
    // verification-function answers
    UNPARSABLE_JSON("unparsable-json", Scope.FUNCTION),
    MISSING_KEYS("missing-keys", Scope.FUNCTION),
    WRONG_FUNCTION_NAME("wrong-function-name", Scope.FUNCTION),
    SYNTAX_ERROR("syntax-error", Scope.FUNCTION),
    DISAGREEING_CASES("disagreeing-cases", Scope.FUNCTION),
    ALWAYS_TRUE("always-true", Scope.FUNCTION),
    ALWAYS_FALSE("always-false", Scope.FUNCTION),
    HOSTILE_FILE_READ("hostile-file-read", Scope.FUNCTION),
    HOSTILE_SOCKET("hostile-socket", Scope.FUNCTION),
    HOSTILE_SUBPROCESS("hostile-subprocess", Scope.FUNCTION),
    HOSTILE_JAVA_HOST("hostile-java-host", Scope.FUNCTION),
    HOSTILE_INFINITE_LOOP("hostile-infinite-loop", Scope.FUNCTION),
    HOSTILE_MEMORY_BOMB("hostile-memory-bomb", Scope.FUNCTION),
    HOSTILE_RECURSION("hostile-recursion", Scope.FUNCTION),
    HOSTILE_BIG_PRINT("hostile-big-print", Scope.FUNCTION),
    // judge answers
    JUDGE_NO_SCORE("judge-no-score", Scope.JUDGE),
    JUDGE_OUT_OF_RANGE("judge-out-of-range", Scope.JUDGE),
    // transport, any prompt
    HTTP_429("http-429", Scope.HTTP),
    HTTP_500("http-500", Scope.HTTP),
    HTTP_503("http-503", Scope.HTTP),
    SLOW("slow", Scope.HTTP),
    CONNECTION_RESET("connection-reset", Scope.HTTP);

    /** Where a fault acts. */
    public enum Scope { FUNCTION, JUDGE, HTTP }

    private final String wireName;
    private final Scope scope;

    Fault(String wireName, Scope scope) {
        this.wireName = wireName;
        this.scope = scope;
    }

    public String wireName() {
        return wireName;
    }

    public Scope scope() {
        return scope;
    }

    /** Whether this content fault can change an answer to a prompt of this kind. */
    public boolean appliesTo(PromptKind kind) {
        return switch (scope) {
            case FUNCTION -> kind == PromptKind.VERIFICATION_FUNCTION;
            case JUDGE -> kind == PromptKind.JUDGE;
            case HTTP -> true;
        };
    }

    public static Optional<Fault> byWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
