package dev.autoif.export.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a kept (prompt, response) pair becomes one SFT line. The prompt is the constrained prompt the response answered
 * (instruction joined with the query by the query service's template), so every format carries exactly that text as
 * the user turn; Alpaca puts it in {@code instruction} with an empty {@code input}, because LLaMA-Factory would join
 * {@code instruction} and {@code input} with its own separator and change the text the response was sampled for.
 */
public enum SftFormat {
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

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SftFormat> fromParam(String s) {
        for (SftFormat f : values()) {
            if (f.param().equals(s)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
