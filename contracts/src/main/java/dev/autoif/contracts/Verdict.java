package dev.autoif.contracts;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of running one verification function on one response. */
public enum Verdict {
    PASS("pass"),
    FAIL("fail"),
    ERROR("error"),
    TIMEOUT("timeout"),
    FORBIDDEN("forbidden"),
    RESOURCE_EXHAUSTED("resource-exhausted"),
    INVALID("invalid");

    private final String wire;

    Verdict(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Verdict fromWire(String s) {
        for (Verdict v : values()) {
            if (v.wire.equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict: " + s);
    }
}
