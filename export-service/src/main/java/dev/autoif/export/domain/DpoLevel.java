package dev.autoif.export.domain;

/** Which preference pairs a DPO export holds (paper 3.4): query level, instruction level, or both, in that order. */
public enum DpoLevel implements ExportParam {
    QUERY,
    INSTRUCTION,
    ALL;

    public boolean includesQuery() {
        return this != INSTRUCTION;
    }

    public boolean includesInstruction() {
        return this != QUERY;
    }
}
