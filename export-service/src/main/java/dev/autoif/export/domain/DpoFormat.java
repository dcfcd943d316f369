package dev.autoif.export.domain;

/** How a preference pair becomes one line, per trainer. */
public enum DpoFormat implements ExportParam {
    /** TRL's standard format: {@code prompt}, {@code chosen}, {@code rejected} as strings. */
    TRL {
        @Override
        public Object line(Lines.Preference p) {
            return p;
        }
    },
    /** TRL's conversational format: message lists, so TRL applies the model's chat template. */
    TRL_CONVERSATIONAL {
        @Override
        public Object line(Lines.Preference p) {
            return new Lines.ConversationalPreference(Lines.Message.user(p.prompt()),
                    Lines.Message.assistant(p.chosen()), Lines.Message.assistant(p.rejected()));
        }
    },
    /** LLaMA-Factory's pairwise Alpaca format ({@code ranking: true} in dataset_info.json). */
    LLAMA_FACTORY {
        @Override
        public Object line(Lines.Preference p) {
            return new Lines.Pairwise(p.prompt(), "", p.chosen(), p.rejected());
        }
    };

    public abstract Object line(Lines.Preference p);
}
