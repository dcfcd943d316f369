package dev.autoif.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the whole-pipeline test and its scenarios read back from export-service for a run. */
final class ExportReads {

    private ExportReads() {
    }

    /**
     * Export's funnel once export has folded every delta (the last answer after 60 s): instruction-service and
     * export-service each read runs.progress on their own, so one may see the run done a moment before the other.
     */
    static Api.Reply funnelOnceComplete(Api api, Stack stack, String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Api.Reply r = api.get(stack.url(Service.EXPORT) + "/runs/" + runId + "/funnel");
            if ("true".equals(r.header("X-Autoif-Run-Complete")) || Instant.now().isAfter(deadline)) {
                return r;
            }
            Stack.sleep(500);
        }
    }

    /** An export's lines, sorted: rows are ordered by ids, and ids include the run id. */
    static List<String> lines(Api api, Stack stack, String runId, String path) {
        Api.Reply r = api.download(stack.url(Service.EXPORT) + "/runs/" + runId + "/export/" + path);
        assertThat(r.status()).as("export %s of %s", path, runId).isEqualTo(200);
        return r.body().lines().filter(l -> !l.isBlank()).sorted().toList();
    }
}
