package dev.autoif.verifier.domain;

import java.util.List;
import java.util.Optional;

/**
 * The response inside what an RL trainer sends as {@code query}: prompt + response as it decoded them, chat template
 * and special tokens possibly still in. In order:
 * <ol>
 * <li>the prompt is given and empty: the query is the response alone (what a client that has the completion by
 * itself, such as TRL or verl, sends);</li>
 * <li>the prompt is given and occurs in the query: what follows its first occurrence (so a BOS token before it
 * does no harm);</li>
 * <li>else what follows the last assistant marker of a common chat template ({@link #ASSISTANT_MARKERS}: ChatML /
 * Qwen, Llama 3, Llama 2 / Mistral, Gemma, Phi-3, Zephyr-style);</li>
 * <li>else none: the sample cannot be scored.</li>
 * </ol>
 * End-of-turn tokens left at the end ({@link #END_TOKENS}) and surrounding whitespace are removed.
 */
public final class ResponseExtractor {

    /** Where an assistant turn starts, in the templates we recognise. */
    public static final List<String> ASSISTANT_MARKERS = List.of(
            "<|im_start|>assistant\n",
            "<|start_header_id|>assistant<|end_header_id|>",
            "[/INST]",
            "<start_of_turn>model\n",
            "<|assistant|>");

    /** Tokens that end a turn or a sequence, stripped from the end of the response (repeatedly). */
    public static final List<String> END_TOKENS = List.of("<|im_end|>", "<|eot_id|>", "<|end_of_text|>",
            "<|endoftext|>", "</s>", "<end_of_turn>", "<eos>", "<|end|>");

    private ResponseExtractor() {
    }

    public static Optional<String> extract(String query, String prompt) {
        if (query == null) {
            return Optional.empty();
        }
        if (prompt != null && prompt.isEmpty()) {
            return Optional.of(clean(query));
        }
        if (prompt != null) {
            int at = query.indexOf(prompt);
            if (at >= 0) {
                return Optional.of(clean(query.substring(at + prompt.length())));
            }
        }
        int best = -1;
        for (String marker : ASSISTANT_MARKERS) {
            int at = query.lastIndexOf(marker);
            if (at >= 0 && at + marker.length() > best) {
                best = at + marker.length();
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(clean(query.substring(best)));
    }

    private static String clean(String response) {
        String s = response.strip();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String end : END_TOKENS) {
                if (s.endsWith(end)) {
                    s = s.substring(0, s.length() - end.length()).strip();
                    stripped = true;
                }
            }
        }
        return s;
    }
}
