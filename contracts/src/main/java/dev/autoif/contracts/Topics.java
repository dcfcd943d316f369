package dev.autoif.contracts;

import java.util.List;

/** Kafka topic names. A SmallRye channel is always named after its topic. */
public final class Topics {
    /** Compacted, keyed by run id: the full {@link RunSpec}. */
    public static final String RUNS = "runs";
    /** Keyed by instruction id: {@link InstructionCandidate}. */
    public static final String INSTRUCTIONS_CANDIDATES = "instructions.candidates";
    /** Keyed by instruction id: {@link InstructionVerified}. */
    public static final String INSTRUCTIONS_VERIFIED = "instructions.verified";
    /** Keyed by instruction id: {@link InstructionAccepted}. */
    public static final String INSTRUCTIONS_ACCEPTED = "instructions.accepted";
    /** Keyed by instruction id: {@link ResponseSampled}. */
    public static final String RESPONSES_SAMPLED = "responses.sampled";
    /** Keyed by instruction id: {@link ResponseVerified}. */
    public static final String RESPONSES_VERIFIED = "responses.verified";
    /** Keyed by instruction id: {@link ResponseAccepted}. */
    public static final String RESPONSES_ACCEPTED = "responses.accepted";
    /** Keyed by instruction id: {@link ResponseJudged}. */
    public static final String RESPONSES_JUDGED = "responses.judged";
    /** Keyed by run id: {@link StageProgress} deltas. */
    public static final String RUNS_PROGRESS = "runs.progress";
    /** Compacted, keyed by corpus id: {@link CorpusAnnounced}, one per corpus the query service holds. */
    public static final String CORPORA = "corpora";
    /** Keyed by run id: {@link RoundRequested}, one per online DPO round. */
    public static final String ROUNDS = "rounds";
    /** Keyed by instruction id: {@link RoundPrompt}, one per prompt of a round. */
    public static final String ROUNDS_PROMPTS = "rounds.prompts";

    public static final String DLQ_SUFFIX = ".dlq";

    public static final List<String> ALL = List.of(RUNS, INSTRUCTIONS_CANDIDATES, INSTRUCTIONS_VERIFIED,
            INSTRUCTIONS_ACCEPTED, RESPONSES_SAMPLED, RESPONSES_VERIFIED, RESPONSES_ACCEPTED, RESPONSES_JUDGED,
            RUNS_PROGRESS, CORPORA, ROUNDS, ROUNDS_PROMPTS);

    private Topics() {
    }

    /** The dead-letter topic of a consumed topic. */
    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
