package dev.autoif.export.persistence;

import java.util.List;

/**
 * The HQL condition "row comes after the cursor" for keyset paging over several sort columns, written out with
 * and/or so it runs on every database (no row-value comparison needed). Parameters are named {@code :k0, :k1, ...}
 * in column order. The redundant leading {@code c0 >= :k0} lets the database start its index scan at the cursor instead
 * of filtering the run's rows from the first one on every page (which made paging quadratic).
 */
public final class Keyset {

    private Keyset() {
    }

    public static String after(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no sort columns");
        }
        String first = columns.getFirst() + " >= :k0";
        return columns.size() == 1 ? after(columns, 0) : first + " and " + after(columns, 0);
    }

    private static String after(List<String> columns, int i) {
        String c = columns.get(i);
        String greater = c + " > :k" + i;
        if (i == columns.size() - 1) {
            return greater;
        }
        return "(" + greater + " or (" + c + " = :k" + i + " and " + after(columns, i + 1) + "))";
    }
}
