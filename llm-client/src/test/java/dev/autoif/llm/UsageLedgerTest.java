package dev.autoif.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.Stage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class UsageLedgerTest {

    @Test
    void concurrentAddsAreAllCountedAndDrainedOnce() throws Exception {
        UsageLedger ledger = new UsageLedger();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 1000; i++) {
                pool.submit(() -> ledger.add("r", Stage.JUDGE, new LlmUsage(1, 10, 2, 1)));
            }
        }
        assertThat(ledger.peek("r", Stage.JUDGE)).isEqualTo(new LlmUsage(1000, 10_000, 2000, 1000));
        assertThat(ledger.drain("r", Stage.JUDGE)).isEqualTo(new LlmUsage(1000, 10_000, 2000, 1000));
        assertThat(ledger.drain("r", Stage.JUDGE)).isEqualTo(LlmUsage.ZERO);
        assertThat(ledger.drain("r", Stage.QUERY_SAMPLING)).isEqualTo(LlmUsage.ZERO);
    }
}
