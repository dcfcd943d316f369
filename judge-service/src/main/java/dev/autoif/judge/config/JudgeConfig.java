package dev.autoif.judge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code autoif.judge.*}: how the judge is asked. What is judged and kept comes from each run's spec. */
@ConfigMapping(prefix = "autoif.judge")
public interface JudgeConfig {

    /** The judge prompt on the classpath; placeholders {{instruction}}, {{query}}, {{response}}. */
    @WithDefault("prompts/judge/judge.txt")
    String prompt();

    /** Sampling temperature sent to the judge; the endpoint's default when unset. */
    Optional<Double> temperature();

    /** Completion token limit for one judge answer; the endpoint's default when unset. */
    Optional<Integer> maxTokens();
}
