package dev.autoif.export.domain;

import java.util.Locale;

/** An enum constant chosen by a query parameter: its name in lower case with dashes ({@code TRL_CONVERSATIONAL} is {@code trl-conversational}). */
public interface ExportParam {

    String name();

    default String param() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
