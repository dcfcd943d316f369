package dev.autoif.contracts;

/** Payload types, the topic each one travels on, and the schema version producers write. */
public enum MessageType {
    RunSpec(Topics.RUNS, RunSpec.class, 1),
    InstructionCandidate(Topics.INSTRUCTIONS_CANDIDATES, InstructionCandidate.class, 1),
    InstructionVerified(Topics.INSTRUCTIONS_VERIFIED, InstructionVerified.class, 1),
    InstructionAccepted(Topics.INSTRUCTIONS_ACCEPTED, InstructionAccepted.class, 1),
    ResponseSampled(Topics.RESPONSES_SAMPLED, ResponseSampled.class, 1),
    ResponseVerified(Topics.RESPONSES_VERIFIED, ResponseVerified.class, 1),
    ResponseAccepted(Topics.RESPONSES_ACCEPTED, ResponseAccepted.class, 1),
    ResponseJudged(Topics.RESPONSES_JUDGED, ResponseJudged.class, 1),
    StageProgress(Topics.RUNS_PROGRESS, StageProgress.class, 1),
    CorpusAnnounced(Topics.CORPORA, CorpusAnnounced.class, 1),
    RoundRequested(Topics.ROUNDS, RoundRequested.class, 1),
    RoundPrompt(Topics.ROUNDS_PROMPTS, RoundPrompt.class, 1);

    private final String topic;
    private final Class<?> payloadClass;
    private final int schemaVersion;

    MessageType(String topic, Class<?> payloadClass, int schemaVersion) {
        this.topic = topic;
        this.payloadClass = payloadClass;
        this.schemaVersion = schemaVersion;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payloadClass() {
        return payloadClass;
    }

    /** The version producers write now; consumers accept 1..schemaVersion. */
    public int schemaVersion() {
        return schemaVersion;
    }
}
