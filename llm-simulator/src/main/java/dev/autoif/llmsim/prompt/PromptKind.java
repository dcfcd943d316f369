package dev.autoif.llmsim.prompt;

/** The AutoIF prompts the simulator recognises. The wire name is used in /stats. */
public enum PromptKind {
    SELF_INSTRUCT("self-instruct"),
    VERIFICATION_FUNCTION("verification-function"),
    BACK_TRANSLATION("back-translation"),
    NLI_CLASSIFY("nli-classify"),
    RESPONSE("response"),
    JUDGE("judge"),
    UNKNOWN("unknown");

    private final String wireName;

    PromptKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
