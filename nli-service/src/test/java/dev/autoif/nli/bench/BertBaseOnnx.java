package dev.autoif.nli.bench;

import static dev.autoif.nli.onnx.OnnxGraph.FLOAT;
import static dev.autoif.nli.onnx.OnnxGraph.INT64;
import static dev.autoif.nli.onnx.OnnxGraph.floatAttr;
import static dev.autoif.nli.onnx.OnnxGraph.intAttr;
import static dev.autoif.nli.onnx.OnnxGraph.intsAttr;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoif.nli.onnx.OnnxGraph;
import dev.autoif.nli.onnx.TinyTokenizer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic sequence classifier with BERT-base dimensions (12 layers, hidden 768, 12 heads, FFN 3072, vocab
 * 30522, 512 positions) and random weights: inference cost depends on the shapes, not on the values. Written as
 * plain ONNX ops (MatMul, Add, Softmax, LayerNormalization, Erf-GELU) at opset 17 with the weights in an external
 * data file, plus a word-level tokenizer over the same vocabulary and a config.json with the mDeBERTa label order.
 */
public final class BertBaseOnnx {

    static final int LAYERS = 12;
    static final int HIDDEN = 768;
    static final int HEADS = 12;
    static final int FFN = 3072;
    static final int VOCAB = 30522;
    static final int POSITIONS = 512;

    private final SplittableRandom random = new SplittableRandom(42);
    private final OnnxGraph g = new OnnxGraph();

    private BertBaseOnnx() {
    }

    /** The words of the vocabulary after the 4 special tokens: "w4" .. "w30521". */
    static String word(int id) {
        return "w" + id;
    }

    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> words = new ArrayList<>(VOCAB);
        for (int id = TinyTokenizer.SPECIALS.size(); id < VOCAB; id++) {
            words.add(word(id));
        }
        TinyTokenizer.write(dir.resolve("tokenizer.json"), words);
        new ObjectMapper().writeValue(dir.resolve("config.json").toFile(), Map.of("model_type", "synthetic-bert-base",
                "id2label", Map.of("0", "entailment", "1", "neutral", "2", "contradiction"), "pad_token_id", 0));
        BertBaseOnnx b = new BertBaseOnnx();
        b.g.externalData(dir.resolve("model.onnx.data"));
        Files.write(dir.resolve("model.onnx"), b.build());
    }

    private byte[] build() throws IOException {
        long[] scalar = {};
        g.input("input_ids", INT64, "batch", "sequence").input("attention_mask", INT64, "batch", "sequence")
                .output("logits", FLOAT, "batch", 3L)
                .longs("zero_i", scalar, 0L).longs("one_i", scalar, 1L)
                .floats("one_f", scalar, 1f).floats("half_f", scalar, 0.5f).floats("sqrt2_f", scalar, (float) Math.sqrt(2))
                .floats("mask_neg", scalar, -10000f).floats("att_scale", scalar, (float) (1 / Math.sqrt(HIDDEN / HEADS)))
                .longs("heads_shape", new long[] {4}, 0, 0, HEADS, HIDDEN / HEADS)
                .longs("hidden_shape", new long[] {3}, 0, 0, HIDDEN)
                .longs("mask_axes", new long[] {2}, 1, 2);
        // embeddings: word + position, then LayerNorm
        random("word_emb", VOCAB, HIDDEN);
        random("pos_emb", POSITIONS, HIDDEN);
        g.node("Gather", "word_emb", "input_ids", "we")
                .node("Shape", "input_ids", "ids_shape")
                .node("Gather", new String[] {"ids_shape", "one_i"}, new String[] {"seq_len"}, intAttr("axis", 0))
                .node("Range", new String[] {"zero_i", "seq_len", "one_i"}, new String[] {"positions"})
                .node("Gather", "pos_emb", "positions", "pe")
                .node("Add", "we", "pe", "emb");
        layerNorm("emb", "x0", "emb_ln");
        // additive attention mask [B, 1, 1, S]: 0 for tokens, -10000 for padding
        g.node("Cast", "attention_mask", "mask_f", intAttr("to", FLOAT))
                .node("Sub", "one_f", "mask_f", "mask_inv")
                .node("Mul", "mask_inv", "mask_neg", "mask_add")
                .node("Unsqueeze", "mask_add", "mask_axes", "mask4");
        String x = "x0";
        for (int l = 0; l < LAYERS; l++) {
            x = layer(l, x);
        }
        // [CLS] -> pooler (dense + tanh) -> classifier
        g.node("Gather", new String[] {x, "zero_i"}, new String[] {"cls"}, intAttr("axis", 1));
        dense("pooler", "cls", "pooled_lin", HIDDEN, HIDDEN);
        g.node("Tanh", "pooled_lin", "pooled");
        dense("classifier", "pooled", "logits", HIDDEN, 3);
        return g.model(17);
    }

    private String layer(int l, String x) throws IOException {
        String p = "l" + l + "_";
        dense(p + "q", x, p + "q", HIDDEN, HIDDEN);
        dense(p + "k", x, p + "k", HIDDEN, HIDDEN);
        dense(p + "v", x, p + "v", HIDDEN, HIDDEN);
        g.node("Reshape", p + "q", "heads_shape", p + "q4")
                .node("Transpose", p + "q4", p + "qt", intsAttr("perm", 0, 2, 1, 3))
                .node("Reshape", p + "k", "heads_shape", p + "k4")
                .node("Transpose", p + "k4", p + "kt", intsAttr("perm", 0, 2, 3, 1))
                .node("Reshape", p + "v", "heads_shape", p + "v4")
                .node("Transpose", p + "v4", p + "vt", intsAttr("perm", 0, 2, 1, 3))
                .node("MatMul", p + "qt", p + "kt", p + "scores")
                .node("Mul", p + "scores", "att_scale", p + "scaled")
                .node("Add", p + "scaled", "mask4", p + "masked")
                .node("Softmax", p + "masked", p + "probs", intAttr("axis", -1))
                .node("MatMul", p + "probs", p + "vt", p + "ctx4")
                .node("Transpose", p + "ctx4", p + "ctxt", intsAttr("perm", 0, 2, 1, 3))
                .node("Reshape", p + "ctxt", "hidden_shape", p + "ctx");
        dense(p + "o", p + "ctx", p + "att", HIDDEN, HIDDEN);
        g.node("Add", p + "att", x, p + "res1");
        layerNorm(p + "res1", p + "x1", p + "ln1");
        dense(p + "ffn1", p + "x1", p + "h", HIDDEN, FFN);
        // exact GELU: 0.5 * h * (1 + erf(h / sqrt 2))
        g.node("Div", p + "h", "sqrt2_f", p + "h_s")
                .node("Erf", p + "h_s", p + "h_erf")
                .node("Add", p + "h_erf", "one_f", p + "h_1")
                .node("Mul", p + "h", p + "h_1", p + "h_m")
                .node("Mul", p + "h_m", "half_f", p + "gelu");
        dense(p + "ffn2", p + "gelu", p + "ffn", FFN, HIDDEN);
        g.node("Add", p + "ffn", p + "x1", p + "res2");
        layerNorm(p + "res2", p + "out", p + "ln2");
        return p + "out";
    }

    private void dense(String name, String in, String out, int from, int to) throws IOException {
        random(name + "_w", from, to);
        random(name + "_b", to);
        g.node("MatMul", in, name + "_w", name + "_mm").node("Add", name + "_mm", name + "_b", out);
    }

    private void layerNorm(String in, String out, String name) throws IOException {
        float[] ones = new float[HIDDEN];
        java.util.Arrays.fill(ones, 1f);
        g.floats(name + "_g", new long[] {HIDDEN}, ones).floats(name + "_b", new long[] {HIDDEN}, new float[HIDDEN])
                .node("LayerNormalization", new String[] {in, name + "_g", name + "_b"}, new String[] {out},
                        intAttr("axis", -1), floatAttr("epsilon", 1e-12f));
    }

    private void random(String name, long... dims) throws IOException {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(n * 4)).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer floats = bytes.asFloatBuffer();
        for (long i = 0; i < n; i++) {
            floats.put((float) ((random.nextDouble() - 0.5) * 0.08));
        }
        g.initializer(name, FLOAT, dims, bytes.array());
    }
}
