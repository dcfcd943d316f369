package dev.autoif.judge.domain;

import dev.autoif.contracts.JudgeStatus;

/**
 * The judge's verdict on one response.
 *
 * @param score mean of the scored samples, null when no sample could be scored
 * @param analysis the judge's reasoning (or why there is no score), for export to show why a sample was dropped
 * @param dropReason null when kept, else {@link JudgePolicy#BELOW_JUDGE_THRESHOLD} or {@link JudgePolicy#UNSCORED}
 * @param samples judge samples asked for
 * @param scoredSamples samples that gave a readable score (after the retry)
 */
public record Judgement(Double score, String analysis, JudgeStatus status, boolean kept, String dropReason,
        int samples, int scoredSamples) {
}
