package dev.autoif.export.domain;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.JudgeStatus;
import dev.autoif.contracts.ResponseJudged;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.VerifiedResponse;
import java.util.HashSet;
import java.util.Set;

/**
 * What export needs from a record before it stores it. A record that fails goes to the dead-letter topic with the
 * reason instead of landing as a half-empty row in a dataset.
 */
public final class RecordChecks {

    private RecordChecks() {
    }

    public static ResponseJudged judged(Envelope<ResponseJudged> e) {
        ResponseJudged j = e.payload();
        sameRun(e, j.runId());
        required("responseId", j.responseId());
        required("instructionId", j.instructionId());
        required("queryId", j.queryId());
        required("prompt", j.prompt());
        required("response", j.response());
        rate("passRate", j.passRate());
        if (j.status() == null) {
            throw new InvalidMessageException("missing status");
        }
        if (j.score() != null && !(j.score() >= 0 && j.score() <= 10)) {
            throw new InvalidMessageException("score " + j.score() + " is outside 0..10");
        }
        if (j.status() == JudgeStatus.SCORED && j.score() == null) {
            throw new InvalidMessageException("a SCORED judgement needs a score");
        }
        if (j.kept() && j.status() != JudgeStatus.SCORED) {
            throw new InvalidMessageException("an unscored response cannot be kept");
        }
        return j;
    }

    public static ResponseVerified verified(Envelope<ResponseVerified> e) {
        ResponseVerified v = e.payload();
        sameRun(e, v.runId());
        required("sampleId", v.sampleId());
        required("instructionId", v.instructionId());
        required("queryId", v.queryId());
        required("prompt", v.prompt());
        if (v.responses() == null) {
            throw new InvalidMessageException("missing responses");
        }
        if (v.attempt() < 0) {
            throw new InvalidMessageException("attempt " + v.attempt() + " is negative");
        }
        Set<Integer> indexes = new HashSet<>();
        for (VerifiedResponse r : v.responses()) {
            if (r == null) {
                throw new InvalidMessageException("null response");
            }
            if (r.text() == null) {
                throw new InvalidMessageException("response " + r.index() + " has no text");
            }
            rate("responses[" + r.index() + "].passRate", r.passRate());
            if (!indexes.add(r.index())) {
                throw new InvalidMessageException("response index " + r.index() + " appears twice");
            }
        }
        return v;
    }

    public static InstructionVerified instruction(Envelope<InstructionVerified> e) {
        InstructionVerified i = e.payload();
        sameRun(e, i.runId());
        required("instructionId", i.instructionId());
        required("text", i.text());
        if (i.casePairs() != null) {
            for (var p : i.casePairs()) {
                if (p == null || p.chosen() == null || p.rejected() == null) {
                    throw new InvalidMessageException("a case pair lacks its chosen or rejected text");
                }
            }
        }
        return i;
    }

    private static void sameRun(Envelope<?> e, String payloadRunId) {
        required("runId", payloadRunId);
        if (e.runId() != null && !e.runId().equals(payloadRunId)) {
            throw new InvalidMessageException("envelope run " + e.runId() + " differs from payload run "
                    + payloadRunId);
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidMessageException("missing " + field);
        }
    }

    private static void rate(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidMessageException(field + " " + value + " is outside 0..1");
        }
    }
}
