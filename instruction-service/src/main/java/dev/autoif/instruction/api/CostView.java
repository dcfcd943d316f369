package dev.autoif.instruction.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * LLM spend in US dollars at the LLM clients' price tables.
 *
 * @param usd what was spent; null when some calls went to a model without a price (then the total is unknown, and
 *     {@code pricedUsd} is only the priced part: never read an unknown price as 0)
 * @param pricedUsd the spend of the calls whose model has a price
 * @param savedUsd what the answers served from the LLM cache would have cost
 * @param unknownPriceCalls calls whose model is missing from the price table
 */
@Schema(description = "LLM spend in US dollars; usd is null when some calls' model has no price")
public record CostView(Double usd, double pricedUsd, double savedUsd, long unknownPriceCalls) {

    static CostView of(long costMicroUsd, long savedMicroUsd, long unknownPriceCalls) {
        double priced = costMicroUsd / 1e6;
        return new CostView(unknownPriceCalls > 0 ? null : priced, priced, savedMicroUsd / 1e6, unknownPriceCalls);
    }
}
