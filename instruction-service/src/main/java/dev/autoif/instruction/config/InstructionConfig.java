package dev.autoif.instruction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code autoif.instruction.*}: how this service works, as opposed to what a run asks for (its RunSpec). */
@ConfigMapping(prefix = "autoif.instruction")
public interface InstructionConfig {

    /** Classpath resource with the default seed instructions, one per line ('#' lines are comments). */
    @WithDefault("seeds/default-seeds.txt")
    String defaultSeeds();

    /**
     * How long a send may wait for the broker's acknowledgement; past it {@code POST /runs} and cancel answer 503.
     * The producer's own delivery timeout on the runs-out channel is set from it too, so a record given up on here
     * is never delivered later.
     */
    @WithDefault("5s")
    Duration publishTimeout();

    /**
     * How long a pipeline record (an instruction's candidate, a progress delta) may wait for the broker's
     * acknowledgement before the run fails. Longer than {@link #publishTimeout()}: no client waits on these, the
     * producer keeps trying for its own delivery timeout (2 minutes), and a broker starved on a loaded machine acks
     * late (a paper-size run on two cores failed on a 5 s wait); a re-publish carries the same message id.
     */
    @WithDefault("2m")
    Duration pipelinePublishTimeout();

    SelfInstruct selfInstruct();

    Functions functions();

    Worker worker();

    Lease lease();

    interface SelfInstruct {
        @WithDefault("prompts/instruction/self-instruct.txt")
        String prompt();

        /** New instructions asked for per round (the prompt's {{count}}). */
        @WithDefault("10")
        int count();

        /**
         * Seeds shown as examples in one prompt. A larger seed set is sampled (deterministically per request, from
         * the run's seed), so a user's 10 000 seeds do not make a 10 000-line prompt.
         */
        @WithDefault("60")
        int maxExamples();

        /** Rounds asked for in one request (as n samples); the LLM client falls back to one request per sample. */
        @WithDefault("16")
        int roundsPerRequest();

        @WithDefault("1.0")
        double temperature();

        Optional<Integer> maxTokens();

        /** Token-set Jaccard similarity from which two instructions with equal guards are one. */
        @WithDefault("0.7")
        double nearDuplicateThreshold();
    }

    interface Functions {
        @WithDefault("prompts/instruction/verification-function.txt")
        String prompt();

        @WithDefault("0.8")
        double temperature();

        Optional<Integer> maxTokens();
    }

    interface Worker {
        /** Runs worked on at the same time. */
        @WithDefault("2")
        int runs();

        /**
         * Instructions of one run between their budget check and their LLM answer at the same time (the LLM client's
         * limits apply on top). Four times the client's default concurrency: an instruction's run read, cache lookup
         * and cache store are outside the client's slots, and on a loaded machine they took 0.5-2.2 s an instruction
         * (autoif.instruction.generation, autoif.llm.phase), which twice the slots did not cover.
         */
        @WithDefault("32")
        int instructionsInFlight();
    }

    /**
     * Each run is worked on by one replica, the holder of its lease; another replica takes the run over once the
     * lease expires (see domain/LeasePolicy).
     */
    interface Lease {
        /** How long a lease holds without renewal: how long a dead replica's runs wait before another takes them. */
        @WithDefault("30s")
        Duration ttl();

        /** How often leases are renewed and runs without a live lease are looked for; at most half the TTL. */
        @WithDefault("10s")
        Duration renewInterval();
    }
}
