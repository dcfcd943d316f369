package dev.autoif.export.domain;

import java.util.Locale;
import java.util.Optional;

/** Which preference pairs a DPO export holds (paper 3.4): query level, instruction level, or both, in that order. */
public enum DpoLevel {
    QUERY,
    INSTRUCTION,
    ALL;

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includesQuery() {
        return this != INSTRUCTION;
    }

    public boolean includesInstruction() {
        return this != QUERY;
    }

    public static Optional<DpoLevel> fromParam(String s) {
        for (DpoLevel l : values()) {
            if (l.param().equals(s)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
