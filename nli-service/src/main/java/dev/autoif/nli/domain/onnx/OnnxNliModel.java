package dev.autoif.nli.domain.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.util.PairList;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.autoif.nli.domain.NliPair;
import dev.autoif.nli.domain.NliScores;
import dev.autoif.contracts.NliLabel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Hugging Face sequence-classification model exported to ONNX ({@code model.onnx}, {@code tokenizer.json},
 * {@code config.json}). Pairs are tokenised together, sorted by length, batched and padded to the longest pair of
 * each batch; logits go through a softmax and the label order comes from {@code config.json}. Quantised exports are
 * just other ONNX graphs (QuantizeLinear/DequantizeLinear, MatMulInteger) and load the same way. Thread-safe.
 */
public final class OnnxNliModel implements AutoCloseable {

    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String CONFIG_FILE = "config.json";

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final Set<String> KNOWN_INPUTS = Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS);

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final LabelOrder labels;
    private final boolean feedsTokenTypes;
    private final String output;
    private final OnnxSettings settings;

    private OnnxNliModel(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, LabelOrder labels,
            boolean feedsTokenTypes, String output, OnnxSettings settings) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.labels = labels;
        this.feedsTokenTypes = feedsTokenTypes;
        this.output = output;
        this.settings = settings;
    }

    /** Loads and checks the model directory; every problem is an {@link NliModelException} naming the file. */
    public static OnnxNliModel load(Path dir, OnnxSettings settings) {
        if (!Files.isDirectory(dir)) {
            throw new NliModelException(dir, "not a directory (expected " + MODEL_FILE + ", " + TOKENIZER_FILE
                    + " and " + CONFIG_FILE + " in it)");
        }
        Path modelFile = requireFile(dir.resolve(MODEL_FILE));
        Path tokenizerFile = requireFile(dir.resolve(TOKENIZER_FILE));
        LabelOrder labels = LabelOrder.read(requireFile(dir.resolve(CONFIG_FILE)));
        HuggingFaceTokenizer tokenizer = tokenizer(tokenizerFile, settings);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(settings.interOpThreads());
            session = env.createSession(modelFile.toString(), options);
        } catch (OrtException | RuntimeException e) {
            tokenizer.close();
            throw new NliModelException(modelFile, "ONNX Runtime cannot load it: " + e.getMessage(), e);
        }
        try {
            boolean tokenTypes = checkInputs(modelFile, session);
            String output = checkOutput(modelFile, session);
            return new OnnxNliModel(env, session, tokenizer, labels, tokenTypes, output, settings);
        } catch (NliModelException e) {
            closeQuietly(session);
            tokenizer.close();
            throw e;
        }
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NliModelException(file, "file is missing");
        }
        if (!Files.isReadable(file)) {
            throw new NliModelException(file, "file is not readable");
        }
        return file;
    }

    private static HuggingFaceTokenizer tokenizer(Path file, OnnxSettings settings) {
        // Padding happens per batch here (dynamic padding), never in the tokenizer.
        Map<String, String> options = Map.of("padding", "false", "truncation", "true",
                "maxLength", String.valueOf(settings.maxLength()), "addSpecialTokens", "true");
        try {
            return HuggingFaceTokenizer.newInstance(file, options);
        } catch (IOException | RuntimeException e) {
            throw new NliModelException(file, "the tokenizer cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean checkInputs(Path modelFile, OrtSession session) {
        Map<String, NodeInfo> inputs;
        try {
            inputs = session.getInputInfo();
        } catch (OrtException e) {
            throw new NliModelException(modelFile, "cannot read the model inputs: " + e.getMessage(), e);
        }
        for (String required : List.of(INPUT_IDS, ATTENTION_MASK)) {
            if (!inputs.containsKey(required)) {
                throw new NliModelException(modelFile, "the model has no input '" + required + "' (inputs: "
                        + inputs.keySet() + ")");
            }
        }
        for (var e : inputs.entrySet()) {
            if (!KNOWN_INPUTS.contains(e.getKey())) {
                throw new NliModelException(modelFile, "unexpected model input '" + e.getKey() + "'; a sequence "
                        + "classifier takes " + KNOWN_INPUTS);
            }
            if (!(e.getValue().getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.INT64
                    || t.getShape().length != 2) {
                throw new NliModelException(modelFile, "input '" + e.getKey() + "' must be an int64 tensor "
                        + "[batch, sequence], is " + e.getValue().getInfo());
            }
        }
        return inputs.containsKey(TOKEN_TYPE_IDS);
    }

    private static String checkOutput(Path modelFile, OrtSession session) {
        Map<String, NodeInfo> outputs;
        try {
            outputs = session.getOutputInfo();
        } catch (OrtException e) {
            throw new NliModelException(modelFile, "cannot read the model outputs: " + e.getMessage(), e);
        }
        String name = outputs.containsKey("logits") ? "logits" : outputs.keySet().iterator().next();
        if (!(outputs.get(name).getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT
                || t.getShape().length != 2 || (t.getShape()[1] > 0 && t.getShape()[1] != 3)) {
            throw new NliModelException(modelFile, "output '" + name + "' must be float logits [batch, 3], is "
                    + outputs.get(name).getInfo());
        }
        return name;
    }

    public boolean feedsTokenTypes() {
        return feedsTokenTypes;
    }

    /** Scores every pair; the result is in the order of {@code pairs}. */
    public List<NliScores> classify(List<NliPair> pairs) {
        if (pairs.isEmpty()) {
            return List.of();
        }
        Encoding[] encodings = encode(pairs);
        int[] lengths = new int[encodings.length];
        for (int i = 0; i < encodings.length; i++) {
            lengths[i] = encodings[i].getIds().length;
        }
        NliScores[] scores = new NliScores[pairs.size()];
        for (int[] batch : BatchPlan.of(lengths, settings.batchSize())) {
            float[][] logits = run(encodings, batch);
            for (int row = 0; row < batch.length; row++) {
                scores[batch[row]] = scores(logits[row]);
            }
        }
        return List.of(scores);
    }

    Encoding[] encode(List<NliPair> pairs) {
        List<String> premises = new ArrayList<>(pairs.size());
        List<String> hypotheses = new ArrayList<>(pairs.size());
        for (NliPair p : pairs) {
            premises.add(p.premise());
            hypotheses.add(p.hypothesis());
        }
        return tokenizer.batchEncode(new PairList<>(premises, hypotheses));
    }

    private float[][] run(Encoding[] encodings, int[] batch) {
        int width = 0;
        for (int i : batch) {
            width = Math.max(width, encodings[i].getIds().length);
        }
        long[] shape = {batch.length, width};
        LongBuffer ids = direct(batch.length * width);
        LongBuffer mask = direct(batch.length * width);
        LongBuffer types = feedsTokenTypes ? direct(batch.length * width) : null;
        for (int i : batch) {
            Encoding e = encodings[i];
            fillRow(ids, e.getIds(), width, labels.padTokenId());
            fillRow(mask, e.getAttentionMask(), width, 0);
            if (types != null) {
                fillRow(types, e.getTypeIds(), width, 0);
            }
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(env, ids.rewind(), shape));
            inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(env, mask.rewind(), shape));
            if (types != null) {
                inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(env, types.rewind(), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return (float[][]) result.get(output).orElseThrow().getValue();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("NLI inference failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static LongBuffer direct(int longs) {
        // Direct buffers in native order are handed to ONNX Runtime without another copy.
        return ByteBuffer.allocateDirect(longs * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    private static void fillRow(LongBuffer buffer, long[] row, int width, long pad) {
        buffer.put(row);
        for (int i = row.length; i < width; i++) {
            buffer.put(pad);
        }
    }

    NliScores scores(float[] logits) {
        double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
        double[] p = new double[3];
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        int best = 0;
        for (int i = 0; i < 3; i++) {
            p[i] /= sum;
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return new NliScores(labels.byColumn()[best], p[labels.column(NliLabel.ENTAILMENT)],
                p[labels.column(NliLabel.NEUTRAL)], p[labels.column(NliLabel.CONTRADICTION)]);
    }

    @Override
    public void close() {
        closeQuietly(session);
        tokenizer.close();
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // closing at shutdown: nothing left to do with the error
        }
    }
}
