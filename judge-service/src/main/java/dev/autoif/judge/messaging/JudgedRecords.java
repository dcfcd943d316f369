package dev.autoif.judge.messaging;

import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.ResponseAccepted;
import dev.autoif.contracts.ResponseJudged;
import dev.autoif.judge.domain.Judgement;
import java.util.ArrayList;
import java.util.List;

/** Checks what arrives and shapes what leaves: the wire records around a {@link Judgement}. */
final class JudgedRecords {

    private JudgedRecords() {
    }

    /** A record the judge cannot work on is an invalid message (dead-lettered with this reason). */
    static ResponseAccepted requireComplete(ResponseAccepted r) {
        List<String> missing = new ArrayList<>();
        blank(r.responseId(), "responseId", missing);
        blank(r.runId(), "runId", missing);
        blank(r.instructionId(), "instructionId", missing);
        blank(r.instruction(), "instruction", missing);
        blank(r.response(), "response", missing);
        if (r.query() == null) {
            missing.add("query");
        }
        if (!missing.isEmpty()) {
            throw new InvalidMessageException("ResponseAccepted without " + String.join(", ", missing));
        }
        return r;
    }

    private static void blank(String value, String name, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }

    static ResponseJudged judged(ResponseAccepted r, Judgement j) {
        return new ResponseJudged(r.responseId(), r.sampleId(), r.runId(), r.instructionId(), r.instruction(),
                r.queryId(), r.query(), r.prompt(), r.response(), r.passRate(), j.score(), j.analysis(), j.status(),
                j.kept());
    }

    /** Derived from the response, not from the delivery, so any re-publish carries the same id. */
    static String judgedMessageId(ResponseAccepted r) {
        return "judge:" + r.runId() + ":" + r.responseId();
    }

    static String progressMessageId(ResponseAccepted r) {
        return "judge-progress:" + r.runId() + ":" + r.responseId();
    }
}
