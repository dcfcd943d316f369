package dev.autoif.contracts;

/** The model name used at each stage that calls an LLM. */
public record Models(String selfInstruct, String functions, String backTranslation, String nli, String responses,
        String judge) {

    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    public static Models defaults() {
        return all(DEFAULT_MODEL);
    }

    public static Models all(String model) {
        return new Models(model, model, model, model, model, model);
    }

    /** Missing entries take the default model. */
    public Models withDefaults() {
        return new Models(or(selfInstruct), or(functions), or(backTranslation), or(nli), or(responses), or(judge));
    }

    private static String or(String m) {
        return m == null || m.isBlank() ? DEFAULT_MODEL : m;
    }
}
