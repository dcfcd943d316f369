package dev.autoif.nli.domain.onnx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups items of similar length: sorted by length, then cut into batches, so each batch is padded only to its own
 * longest item and short pairs do not pay for long ones.
 */
public final class BatchPlan {

    private BatchPlan() {
    }

    /** Index lists into {@code lengths}, each at most {@code batchSize} long, shortest items first. */
    public static List<int[]> of(int[] lengths, int batchSize) {
        int[] order = IntStream.range(0, lengths.length).boxed()
                .sorted(Comparator.comparingInt(i -> lengths[i]))
                .mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            int[] batch = new int[to - from];
            System.arraycopy(order, from, batch, 0, batch.length);
            batches.add(batch);
        }
        return batches;
    }
}
