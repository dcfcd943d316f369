package dev.autoif.judge.ai;

import dev.autoif.judge.domain.JudgeAnswer;
import dev.autoif.llm.LlmUsage;
import java.util.List;

/**
 * The judge's final samples for one response and what asking cost.
 *
 * @param answers one per sample asked for, after the retry
 * @param retried samples that were unreadable on the first try and asked again
 * @param usage requests and tokens of both attempts (zero calls when everything came from the cache)
 */
public record JudgeRun(List<JudgeAnswer> answers, int retried, LlmUsage usage) {

    public JudgeRun {
        answers = List.copyOf(answers);
    }
}
