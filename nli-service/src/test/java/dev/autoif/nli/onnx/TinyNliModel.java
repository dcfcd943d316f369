package dev.autoif.nli.onnx;

import static dev.autoif.nli.onnx.OnnxGraph.FLOAT;
import static dev.autoif.nli.onnx.OnnxGraph.INT64;
import static dev.autoif.nli.onnx.OnnxGraph.INT8;
import static dev.autoif.nli.onnx.OnnxGraph.intAttr;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoif.contracts.NliLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny NLI "model" with the signature of a real exported classifier ({@code input_ids}, {@code attention_mask}
 * [, {@code token_type_ids}] to {@code logits[batch, 3]}) whose answer is known in advance:
 * <pre>
 *   logits = bias + | sum over real tokens t of sign(t) * table[id(t)] |
 * </pre>
 * where sign is +1 in the hypothesis and -1 in the premise, so a word in both cancels out. A hypothesis with a
 * different number of negation words ({@link #CONTRADICTION_WORDS}) than the premise is a contradiction (a flipped
 * polarity, either way); a different number of hedge words ({@link #NEUTRAL_WORDS}) makes it neutral; anything else
 * is entailment (the bias). The [PAD] row is poisoned (100 in the contradiction column): if padding were not masked
 * out, every padded pair would turn into a contradiction. The segment is found from the [SEP] tokens (a CumSum), or
 * from token_type_ids in the variant that declares them.
 */
public final class TinyNliModel {

    public static final List<String> CONTRADICTION_WORDS = List.of("not", "never", "avoid", "no");
    public static final List<String> NEUTRAL_WORDS = List.of("maybe", "possibly", "optionally");
    public static final List<String> PLAIN_WORDS = List.of("write", "answer", "in", "the", "response", "use",
            "all", "lowercase", "letters", "words", "at", "least", "commas", "must", "be", "a", "of", "and",
            "end", "with", "question", "mark", "json", "format", "checks", "that", "text", "contains");

    /** How the graph is written. */
    public enum Variant {
        /** float weights, segments from [SEP] */
        FLOAT,
        /** int8 weights (DequantizeLinear) and a dynamically quantised MatMulInteger head, as optimum emits */
        INT8,
        /** declares token_type_ids and takes the segments from it */
        TOKEN_TYPES
    }

    private TinyNliModel() {
    }

    /** The label order of mDeBERTa-xnli, used unless a test asks for another. */
    public static Path write(Path dir, Variant variant) throws IOException {
        return write(dir, variant, List.of(NliLabel.ENTAILMENT, NliLabel.NEUTRAL, NliLabel.CONTRADICTION));
    }

    public static Path write(Path dir, Variant variant, List<NliLabel> columns) throws IOException {
        Files.createDirectories(dir);
        List<String> words = new ArrayList<>(CONTRADICTION_WORDS);
        words.addAll(NEUTRAL_WORDS);
        words.addAll(PLAIN_WORDS);
        TinyTokenizer.write(dir.resolve("tokenizer.json"), words);
        writeConfig(dir.resolve("config.json"), columns);
        Files.write(dir.resolve("model.onnx"), graph(variant, columns, words));
        return dir;
    }

    private static void writeConfig(Path file, List<NliLabel> columns) throws IOException {
        Map<String, String> id2label = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            id2label.put(Integer.toString(i), columns.get(i).name().toLowerCase(java.util.Locale.ROOT));
        }
        new ObjectMapper().writeValue(file.toFile(), Map.of("model_type", "tiny-nli", "id2label", id2label,
                "pad_token_id", TinyTokenizer.PAD));
    }

    private static float[] row(List<NliLabel> columns, float entailment, float neutral, float contradiction) {
        float[] r = new float[3];
        r[columns.indexOf(NliLabel.ENTAILMENT)] = entailment;
        r[columns.indexOf(NliLabel.NEUTRAL)] = neutral;
        r[columns.indexOf(NliLabel.CONTRADICTION)] = contradiction;
        return r;
    }

    static byte[] graph(Variant variant, List<NliLabel> columns, List<String> words) throws IOException {
        int vocab = TinyTokenizer.SPECIALS.size() + words.size();
        float[] table = new float[vocab * 3];
        System.arraycopy(row(columns, 0, 0, 100), 0, table, TinyTokenizer.PAD * 3, 3);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            float[] r = CONTRADICTION_WORDS.contains(w) ? row(columns, 0, 0, 4)
                    : NEUTRAL_WORDS.contains(w) ? row(columns, 0, 3, 0) : new float[3];
            System.arraycopy(r, 0, table, (TinyTokenizer.SPECIALS.size() + i) * 3, 3);
        }
        OnnxGraph g = new OnnxGraph()
                .input("input_ids", INT64, "batch", "sequence")
                .input("attention_mask", INT64, "batch", "sequence");
        long[] scalar = {};
        g.floats("one", scalar, 1f).floats("two", scalar, 2f)
                .floats("bias", new long[] {3}, row(columns, 1, 0, 0))
                .longs("axes1", new long[] {1}, 1L).longs("axes2", new long[] {1}, 2L);
        if (variant == Variant.TOKEN_TYPES) {
            g.input("token_type_ids", INT64, "batch", "sequence")
                    .node("Cast", "token_type_ids", "segment", intAttr("to", FLOAT));
        } else {
            g.longs("sep_id", scalar, TinyTokenizer.SEP).longs("axis1", scalar, 1L)
                    .node("Equal", "input_ids", "sep_id", "is_sep")
                    .node("Cast", "is_sep", "is_sep_f", intAttr("to", FLOAT))
                    .node("CumSum", "is_sep_f", "axis1", "seps_before")
                    .node("Min", "seps_before", "one", "segment");
        }
        g.node("Mul", "segment", "two", "segment2").node("Sub", "segment2", "one", "sign")
                .node("Cast", "attention_mask", "mask_f", intAttr("to", FLOAT))
                .node("Mul", "sign", "mask_f", "weight")
                .node("Unsqueeze", "weight", "axes2", "weight3");
        if (variant == Variant.INT8) {
            byte[] q = new byte[table.length];
            for (int i = 0; i < table.length; i++) {
                q[i] = (byte) Math.round(table[i]);
            }
            g.initializer("table_q", INT8, new long[] {vocab, 3}, q)
                    .floats("table_scale", scalar, 1f)
                    .initializer("table_zero", INT8, scalar, new byte[] {0})
                    .node("DequantizeLinear", new String[] {"table_q", "table_scale", "table_zero"},
                            new String[] {"table"});
        } else {
            g.floats("table", new long[] {vocab, 3}, table);
        }
        g.node("Gather", "table", "input_ids", "embedded")
                .node("Mul", "embedded", "weight3", "weighted")
                .node("ReduceSum", new String[] {"weighted", "axes1"}, new String[] {"summed"},
                        intAttr("keepdims", 0))
                .node("Abs", "summed", "magnitude");
        if (variant == Variant.INT8) {
            // The head as dynamic quantisation writes it: quantise activations at run time, integer matmul, rescale.
            byte[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
            g.node("Add", "magnitude", "bias", "pre_logits")
                    .node("DynamicQuantizeLinear", new String[] {"pre_logits"},
                            new String[] {"pre_q", "pre_scale", "pre_zero"})
                    .initializer("head_q", INT8, new long[] {3, 3}, identity)
                    .node("MatMulInteger", new String[] {"pre_q", "head_q", "pre_zero"}, new String[] {"head_i"})
                    .node("Cast", "head_i", "head_f", intAttr("to", FLOAT))
                    .node("Mul", "head_f", "pre_scale", "logits");
        } else {
            g.node("Add", "magnitude", "bias", "logits");
        }
        g.output("logits", FLOAT, "batch", 3L);
        return g.model(17);
    }
}
