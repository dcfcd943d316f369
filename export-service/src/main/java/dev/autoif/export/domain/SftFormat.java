package dev.autoif.export.domain;

import java.util.List;

/**
 * How a kept (prompt, response) pair becomes one SFT line; every format carries the same user turn. Alpaca puts it in
 * {@code instruction} with an empty {@code input}, because LLaMA-Factory would join {@code instruction} and
 * {@code input} with its own separator and change the text.
 */
public enum SftFormat implements ExportParam {
    ALPACA {
        @Override
        public Object line(String prompt, String response) {
            return new Lines.Alpaca(prompt, "", response);
        }
    },
    MESSAGES {
        @Override
        public Object line(String prompt, String response) {
            return new Lines.Messages(List.of(new Lines.Message("user", prompt),
                    new Lines.Message("assistant", response)));
        }
    },
    SHAREGPT {
        @Override
        public Object line(String prompt, String response) {
            return new Lines.ShareGpt(List.of(new Lines.Turn("human", prompt), new Lines.Turn("gpt", response)));
        }
    };

    public abstract Object line(String prompt, String response);
}
