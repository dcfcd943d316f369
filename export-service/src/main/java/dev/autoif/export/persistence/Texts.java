package dev.autoif.export.persistence;

/** Column sizes for free text. */
final class Texts {

    /** Long enough for any prompt or response we sample; portable between H2 and PostgreSQL (varchar). */
    static final int MAX = 1_000_000;

    private Texts() {
    }
}
