package dev.autoif.verifier.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item per request item, in order. */
public record VerifyBatchResponse(List<Item> items) {

    /**
     * @param results one per response, in order, each with one verdict per function (empty when unscored)
     * @param error why the item could not be scored (unknown instruction), or null
     */
    public record Item(String instructionId, List<VerifyResponse.Result> results,
            @Schema(description = "Why the item was not scored (e.g. unknown-instruction), or null.") String error) {
    }
}
