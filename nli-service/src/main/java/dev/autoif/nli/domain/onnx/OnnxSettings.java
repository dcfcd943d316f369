package dev.autoif.nli.domain.onnx;

/**
 * How the ONNX session runs.
 *
 * @param intraOpThreads threads inside one operator (0: ONNX Runtime's default, one per physical core)
 * @param interOpThreads threads across independent operators (0: default)
 * @param batchSize pairs per {@code OrtSession.run}
 * @param maxLength token limit per pair; longer pairs are truncated (longest sequence first)
 */
public record OnnxSettings(int intraOpThreads, int interOpThreads, int batchSize, int maxLength) {

    public OnnxSettings {
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0");
        }
        if (batchSize < 1 || maxLength < 4) {
            throw new IllegalArgumentException("batchSize must be >= 1 and maxLength >= 4");
        }
    }

    public static OnnxSettings defaults() {
        return new OnnxSettings(0, 0, 32, 512);
    }
}
