package dev.autoif.export.domain;

/** The Hugging Face Hub's {@code size_categories} value for a number of rows. */
public final class SizeCategory {

    private static final String[] NAMES = {"1K", "10K", "100K", "1M", "10M", "100M", "1B", "10B", "100B", "1T"};

    private SizeCategory() {
    }

    public static String of(long rows) {
        if (rows < 1_000) {
            return "n<1K";
        }
        long bound = 1_000;
        for (int i = 0; i < NAMES.length - 1; i++) {
            if (rows < bound * 10) {
                return NAMES[i] + "<n<" + NAMES[i + 1];
            }
            bound *= 10;
        }
        return "n>1T";
    }
}
