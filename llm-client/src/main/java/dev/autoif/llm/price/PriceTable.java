package dev.autoif.llm.price;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per model. A model the table does not hold has an unknown price: callers count its calls apart and never
 * treat them as free. A dated snapshot name ({@code gpt-4o-mini-2024-07-18}) takes the price of the longest listed
 * name it starts with followed by '-', so {@code gpt-4o-mini-2024-07-18} is priced as {@code gpt-4o-mini}, not as
 * {@code gpt-4o}.
 */
public final class PriceTable {

    /**
     * OpenAI's published list prices (standard tier, $ per million tokens: input, cached input, output), as of
     * 2025-08 (platform.openai.com/docs/pricing). The Batch API takes 50% off. Override or add models with
     * {@code autoif.llm.prices."<model>".*}; check the provider's page before trusting a dollar figure.
     */
    private static final Map<String, ModelPrice> OPENAI_2025_08 = Map.ofEntries(
            Map.entry("gpt-4o", new ModelPrice(2.50, 1.25, 10.00, 0.5)),
            Map.entry("gpt-4o-mini", new ModelPrice(0.15, 0.075, 0.60, 0.5)),
            Map.entry("gpt-4.1", new ModelPrice(2.00, 0.50, 8.00, 0.5)),
            Map.entry("gpt-4.1-mini", new ModelPrice(0.40, 0.10, 1.60, 0.5)),
            Map.entry("gpt-4.1-nano", new ModelPrice(0.10, 0.025, 0.40, 0.5)),
            Map.entry("gpt-5", new ModelPrice(1.25, 0.125, 10.00, 0.5)),
            Map.entry("gpt-5-mini", new ModelPrice(0.25, 0.025, 2.00, 0.5)),
            Map.entry("gpt-5-nano", new ModelPrice(0.05, 0.005, 0.40, 0.5)),
            Map.entry("o1", new ModelPrice(15.00, 7.50, 60.00, 0.5)),
            Map.entry("o3", new ModelPrice(2.00, 0.50, 8.00, 0.5)),
            Map.entry("o3-mini", new ModelPrice(1.10, 0.55, 4.40, 0.5)),
            Map.entry("o4-mini", new ModelPrice(1.10, 0.275, 4.40, 0.5)),
            Map.entry("gpt-4-turbo", new ModelPrice(10.00, 10.00, 30.00, 0.5)),
            Map.entry("gpt-3.5-turbo", new ModelPrice(0.50, 0.50, 1.50, 0.5)));

    /** A snapshot's date suffix: {@code -2024-07-18} or {@code -0613}. */
    private static final String SNAPSHOT_DATE = "-(\\d{4}-\\d{2}-\\d{2}|\\d{4})$";

    private final Map<String, ModelPrice> prices;

    public PriceTable(Map<String, ModelPrice> prices) {
        Map<String, ModelPrice> m = new HashMap<>();
        prices.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        this.prices = Map.copyOf(m);
    }

    /** The published OpenAI prices above. */
    public static PriceTable defaults() {
        return new PriceTable(OPENAI_2025_08);
    }

    /** These defaults with {@code overrides} added or replacing a default model's price. */
    public static PriceTable defaultsWith(Map<String, ModelPrice> overrides) {
        Map<String, ModelPrice> m = new HashMap<>(OPENAI_2025_08);
        overrides.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        return new PriceTable(m);
    }

    /** An empty table: every model's price is unknown. */
    public static PriceTable none() {
        return new PriceTable(Map.of());
    }

    public Optional<ModelPrice> price(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String m = model.toLowerCase(Locale.ROOT);
        ModelPrice exact = prices.get(m);
        if (exact != null) {
            return Optional.of(exact);
        }
        String undated = m.replaceFirst(SNAPSHOT_DATE, "");
        return undated.equals(m) ? Optional.empty() : Optional.ofNullable(prices.get(undated));
    }

    public Map<String, ModelPrice> all() {
        return prices;
    }
}
