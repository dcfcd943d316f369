package dev.autoif.export.domain;

import java.time.Instant;

/**
 * One online DPO round as the round list, the funnel and the card show it.
 *
 * @param status {@code sampling} until every prompt came back verified, then {@code done}
 * @param promptsWithPairs prompts with at least one chosen and one rejected response by {@link PairRule}
 * @param llm the policy's requests for the prompts verified so far, their tokens and dollars (at query-service's
 *     price table; the policy's model may have no price there)
 */
public record RoundSummary(int round, String status, String baseUrl, String model, int k, double temperature,
        String promptForm, int prompts, int promptsVerified, int responses, long promptsWithPairs,
        Instant requestedAt, FunnelReport.Usage llm) {

    public static final String SAMPLING = "sampling";
    public static final String DONE = "done";

    public static String status(int prompts, int promptsVerified) {
        return promptsVerified >= prompts ? DONE : SAMPLING;
    }

    /** One line of the funnel's text table. */
    public String text() {
        return String.format("round %d (%s): %s at %s, k %d, temperature %s: %d/%d prompts verified, %d responses,"
                + " %d prompts with pairs; policy: %d calls, %d+%d tokens, %s", round, status, model, baseUrl, k,
                temperature, promptsVerified, prompts, responses, promptsWithPairs, llm.calls(), llm.promptTokens(),
                llm.completionTokens(), llm.dollars());
    }

    /** The funnel's text lines for the rounds (nothing without rounds). */
    public static String textLines(java.util.List<RoundSummary> rounds) {
        StringBuilder b = new StringBuilder();
        if (!rounds.isEmpty()) {
            b.append("\nonline DPO rounds:\n");
            rounds.forEach(r -> b.append(r.text()).append('\n'));
        }
        return b.toString();
    }

    /** The dataset card's section on the rounds (nothing without rounds). */
    public static String markdown(java.util.List<RoundSummary> rounds) {
        if (rounds.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n## Online DPO rounds\n\n");
        b.append("Each round sampled K responses per kept SFT prompt from the policy, verified them with the prompt's")
                .append(" kept functions and paired them by pass rate (paper 3.4). Files: `GET /runs/{id}/rounds/{n}/")
                .append("export/dpo`.\n\n");
        b.append("| round | status | policy | K | temperature | prompts verified | responses | prompts with pairs"
                + " | policy calls | policy cost |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (RoundSummary r : rounds) {
            b.append(String.format("| %d | %s | `%s` | %d | %s | %d/%d | %d | %d | %d | %s |%n", r.round(),
                    r.status(), r.model().replace("|", "\\|").replace("`", "'"), r.k(), r.temperature(),
                    r.promptsVerified(), r.prompts(), r.responses(), r.promptsWithPairs(), r.llm().calls(),
                    r.llm().dollars()));
        }
        return b.toString();
    }
}
