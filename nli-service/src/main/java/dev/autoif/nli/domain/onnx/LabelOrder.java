package dev.autoif.nli.domain.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoif.contracts.NliLabel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which logit column means which label, read from the Hugging Face {@code config.json} ({@code id2label}). Models
 * disagree on the order (mDeBERTa-xnli: entailment, neutral, contradiction; roberta-large-mnli: contradiction,
 * neutral, entailment), so it is never assumed.
 */
public record LabelOrder(NliLabel[] byColumn, long padTokenId) {

    public int columns() {
        return byColumn.length;
    }

    public int column(NliLabel label) {
        for (int i = 0; i < byColumn.length; i++) {
            if (byColumn[i] == label) {
                return i;
            }
        }
        throw new IllegalStateException("no column for " + label);
    }

    public static LabelOrder read(Path configJson) {
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(configJson.toFile());
        } catch (IOException e) {
            throw new NliModelException(configJson, "config.json is not readable JSON: " + e.getMessage(), e);
        }
        JsonNode id2label = config == null ? null : config.get("id2label");
        if (id2label == null || !id2label.isObject() || id2label.size() != 3) {
            throw new NliModelException(configJson, "config.json needs an id2label object with exactly 3 labels");
        }
        NliLabel[] byColumn = new NliLabel[3];
        for (var it = id2label.fields(); it.hasNext();) {
            var e = it.next();
            int column;
            try {
                column = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                throw new NliModelException(configJson, "id2label key '" + e.getKey() + "' is not a column index");
            }
            if (column < 0 || column > 2) {
                throw new NliModelException(configJson, "id2label column " + column + " is out of 0..2");
            }
            byColumn[column] = label(configJson, e.getValue().asText());
        }
        if (Arrays.stream(byColumn).distinct().count() != 3 || Arrays.asList(byColumn).contains(null)) {
            throw new NliModelException(configJson, "id2label must name entailment, neutral and contradiction once each"
                    + ", got " + id2label);
        }
        return new LabelOrder(byColumn, config.path("pad_token_id").asLong(0));
    }

    private static NliLabel label(Path configJson, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("entail")) {
            return NliLabel.ENTAILMENT;
        }
        if (n.startsWith("neutral")) {
            return NliLabel.NEUTRAL;
        }
        if (n.startsWith("contradict")) {
            return NliLabel.CONTRADICTION;
        }
        throw new NliModelException(configJson, "id2label has an unknown label '" + name + "'");
    }
}
