package dev.autoif.nli.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Hugging Face {@code tokenizer.json}: lower-casing, whitespace/punctuation split, a word-level vocabulary
 * and the BERT pair template {@code [CLS] A [SEP] B [SEP]} (type ids 0 for A, 1 for B). Ids 0..3 are
 * [PAD] [UNK] [CLS] [SEP]; the words follow in the given order.
 */
public final class TinyTokenizer {

    public static final int PAD = 0;
    public static final int UNK = 1;
    public static final int CLS = 2;
    public static final int SEP = 3;
    public static final List<String> SPECIALS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]");

    private TinyTokenizer() {
    }

    public static void write(Path file, List<String> words) throws IOException {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (String s : SPECIALS) {
            vocab.put(s, vocab.size());
        }
        for (String w : words) {
            vocab.putIfAbsent(w, vocab.size());
        }
        List<Map<String, Object>> added = new ArrayList<>();
        for (String s : SPECIALS) {
            added.add(Map.of("id", vocab.get(s), "content", s, "single_word", false, "lstrip", false,
                    "rstrip", false, "normalized", false, "special", true));
        }
        Map<String, Object> tokenizer = new LinkedHashMap<>();
        tokenizer.put("version", "1.0");
        tokenizer.put("truncation", null);
        tokenizer.put("padding", null);
        tokenizer.put("added_tokens", added);
        tokenizer.put("normalizer", Map.of("type", "Lowercase"));
        tokenizer.put("pre_tokenizer", Map.of("type", "Whitespace"));
        tokenizer.put("post_processor", Map.of("type", "TemplateProcessing",
                "single", List.of(special("[CLS]", 0), seq("A", 0), special("[SEP]", 0)),
                "pair", List.of(special("[CLS]", 0), seq("A", 0), special("[SEP]", 0), seq("B", 1),
                        special("[SEP]", 1)),
                "special_tokens", Map.of(
                        "[CLS]", Map.of("id", "[CLS]", "ids", List.of(CLS), "tokens", List.of("[CLS]")),
                        "[SEP]", Map.of("id", "[SEP]", "ids", List.of(SEP), "tokens", List.of("[SEP]")))));
        tokenizer.put("decoder", null);
        tokenizer.put("model", Map.of("type", "WordLevel", "vocab", vocab, "unk_token", "[UNK]"));
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), tokenizer);
    }

    private static Map<String, Object> special(String token, int typeId) {
        return Map.of("SpecialToken", Map.of("id", token, "type_id", typeId));
    }

    private static Map<String, Object> seq(String id, int typeId) {
        return Map.of("Sequence", Map.of("id", id, "type_id", typeId));
    }
}
