package dev.autoif.export.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Export settings; every one has a safe default. */
@ConfigMapping(prefix = "autoif.export")
public interface ExportConfig {

    /** Rows read per database round trip while streaming; bounds the memory an export holds. */
    @WithDefault("500")
    int pageSize();

    /** Query-level preference pairs per prompt when the request does not say (the original code's 2 x 2). */
    @WithDefault("4")
    int pairsPerPrompt();
}
