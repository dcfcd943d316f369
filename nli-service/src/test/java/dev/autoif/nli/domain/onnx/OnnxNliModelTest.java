package dev.autoif.nli.domain.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autoif.contracts.NliLabel;
import dev.autoif.nli.domain.NliPair;
import dev.autoif.nli.domain.NliScores;
import dev.autoif.nli.onnx.TinyNliModel;
import dev.autoif.nli.onnx.TinyNliModel.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OnnxNliModelTest {

    private static final String LOWERCASE = "Answer in lowercase letters only.";

    /** Pairs of very different lengths, so one batch holds heavily padded rows. */
    private static final List<NliPair> PAIRS = List.of(
            new NliPair(LOWERCASE, "The response must be in lowercase letters."),
            new NliPair(LOWERCASE, "Checks that the response does not use lowercase letters."),
            new NliPair("Write at least 300 words.", "Maybe write words."),
            new NliPair("Never use commas.", "Checks that the text contains no commas."),
            new NliPair("End your answer with a question mark and use json format in the response text, with all "
                    + "words in lowercase letters and at least the words of the question.", "JSON format."),
            new NliPair("Use commas.", "Avoid commas."),
            new NliPair("Do not use commas.", "Use commas in the response."));
    private static final List<NliLabel> EXPECTED = List.of(NliLabel.ENTAILMENT, NliLabel.CONTRADICTION,
            NliLabel.NEUTRAL, NliLabel.ENTAILMENT, NliLabel.ENTAILMENT, NliLabel.CONTRADICTION, NliLabel.CONTRADICTION);

    @TempDir
    Path dir;

    private static OnnxSettings batchOf(int size) {
        return new OnnxSettings(1, 1, size, 128);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void labelsEveryPairAsTheFixtureDictatesInOneDynamicallyPaddedBatch(Variant variant) throws IOException {
        try (OnnxNliModel model = OnnxNliModel.load(TinyNliModel.write(dir, variant), batchOf(32))) {
            List<NliScores> scores = model.classify(PAIRS);

            assertThat(scores).extracting(NliScores::label).containsExactlyElementsOf(EXPECTED);
            assertThat(model.feedsTokenTypes()).isEqualTo(variant == Variant.TOKEN_TYPES);
            assertThat(scores).allSatisfy(s -> assertThat(s.entailment() + s.neutral() + s.contradiction())
                    .isCloseTo(1.0, within(1e-6)));
        }
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheLogits() throws IOException {
        try (OnnxNliModel model = OnnxNliModel.load(TinyNliModel.write(dir, Variant.FLOAT), batchOf(8))) {
            List<NliScores> scores = model.classify(PAIRS.subList(0, 2));
            // logits [1, 0, 0] for the plain pair and [1, 0, 4] for the one adding "not"
            double e = Math.E;
            assertThat(scores.get(0).entailment()).isCloseTo(e / (e + 2), within(1e-6));
            assertThat(scores.get(0).neutral()).isCloseTo(1 / (e + 2), within(1e-6));
            double sum = e + 1 + Math.exp(4);
            assertThat(scores.get(1).contradiction()).isCloseTo(Math.exp(4) / sum, within(1e-6));
            assertThat(scores.get(1).entailment()).isCloseTo(e / sum, within(1e-6));
        }
    }

    @Test
    void batchSizeAndOrderDoNotChangeAnyScore() throws IOException {
        Path modelDir = TinyNliModel.write(dir, Variant.FLOAT);
        List<NliPair> many = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            many.addAll(PAIRS);
        }
        try (OnnxNliModel one = OnnxNliModel.load(modelDir, batchOf(1));
                OnnxNliModel five = OnnxNliModel.load(modelDir, batchOf(5))) {
            List<NliScores> single = one.classify(many);
            List<NliScores> batched = five.classify(many);
            for (int i = 0; i < many.size(); i++) {
                assertThat(batched.get(i).label()).isEqualTo(EXPECTED.get(i % EXPECTED.size()));
                assertThat(batched.get(i).contradiction()).isCloseTo(single.get(i).contradiction(), within(1e-6));
            }
        }
    }

    @Test
    void theLabelOrderComesFromConfigJson() throws IOException {
        Path modelDir = TinyNliModel.write(dir, Variant.FLOAT,
                List.of(NliLabel.CONTRADICTION, NliLabel.NEUTRAL, NliLabel.ENTAILMENT));
        try (OnnxNliModel model = OnnxNliModel.load(modelDir, batchOf(4))) {
            assertThat(model.classify(PAIRS)).extracting(NliScores::label).containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void anEmptyListNeedsNoInference() throws IOException {
        try (OnnxNliModel model = OnnxNliModel.load(TinyNliModel.write(dir, Variant.FLOAT), batchOf(4))) {
            assertThat(model.classify(List.of())).isEmpty();
        }
    }

    @Test
    void aMissingDirectoryNamesThePath() {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> OnnxNliModel.load(missing, batchOf(4)))
                .isInstanceOf(NliModelException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("not a directory");
    }

    @Test
    void aMissingModelFileNamesTheFile() throws IOException {
        Path modelDir = TinyNliModel.write(dir, Variant.FLOAT);
        Files.delete(modelDir.resolve("model.onnx"));
        assertThatThrownBy(() -> OnnxNliModel.load(modelDir, batchOf(4)))
                .isInstanceOf(NliModelException.class)
                .hasMessageContaining(modelDir.resolve("model.onnx").toString()).hasMessageContaining("missing");
    }

    @Test
    void aCorruptedModelFileIsAClearError() throws IOException {
        Path modelDir = TinyNliModel.write(dir, Variant.FLOAT);
        Path model = modelDir.resolve("model.onnx");
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> OnnxNliModel.load(modelDir, batchOf(4)))
                .isInstanceOf(NliModelException.class)
                .hasMessageContaining(model.toString()).hasMessageContaining("ONNX Runtime cannot load it");
    }

    @Test
    void aConfigWithoutTheThreeLabelsIsRejected() throws IOException {
        Path modelDir = TinyNliModel.write(dir, Variant.FLOAT);
        Files.writeString(modelDir.resolve("config.json"), "{\"id2label\": {\"0\": \"positive\", \"1\": \"negative\","
                + " \"2\": \"neutral\"}}");
        assertThatThrownBy(() -> OnnxNliModel.load(modelDir, batchOf(4)))
                .isInstanceOf(NliModelException.class).hasMessageContaining("unknown label 'positive'");
    }

    @Test
    void aBrokenTokenizerIsRejected() throws IOException {
        Path modelDir = TinyNliModel.write(dir, Variant.FLOAT);
        Files.writeString(modelDir.resolve("tokenizer.json"), "{not json");
        assertThatThrownBy(() -> OnnxNliModel.load(modelDir, batchOf(4)))
                .isInstanceOf(NliModelException.class)
                .hasMessageContaining("tokenizer.json").hasMessageContaining("tokenizer cannot be read");
    }
}
