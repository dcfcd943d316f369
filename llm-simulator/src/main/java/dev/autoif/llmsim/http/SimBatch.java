package dev.autoif.llmsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One batch and its provider status; every change goes through its lock, so a GET sees a consistent object. */
final class SimBatch {

    /** The provider's statuses, in wire spelling. */
    enum Status {
        VALIDATING, FAILED, IN_PROGRESS, FINALIZING, COMPLETED, EXPIRED, CANCELLING, CANCELLED;

        String wire() {
            return name().toLowerCase();
        }

        boolean terminal() {
            return this == FAILED || this == COMPLETED || this == EXPIRED || this == CANCELLED;
        }
    }

    static final long WINDOW_SECONDS = 24 * 3600;

    final String id;
    final String inputFileId;
    final String endpoint;
    final String authorization;
    private final JsonNode metadata;
    private final long createdAt = Instant.now().getEpochSecond();
    private final Map<Status, Long> at = new LinkedHashMap<>();
    private Status status = Status.VALIDATING;
    private int total;
    private int completed;
    private int failed;
    private String outputFileId;
    private String errorFileId;
    private ArrayNode errors;
    private boolean cancelRequested;

    SimBatch(String id, String inputFileId, String endpoint, String authorization, JsonNode metadata) {
        this.id = id;
        this.inputFileId = inputFileId;
        this.endpoint = endpoint;
        this.authorization = authorization;
        this.metadata = metadata;
    }

    synchronized Status status() {
        return status;
    }

    synchronized void moveTo(Status next) {
        status = next;
        at.put(next, Instant.now().getEpochSecond());
    }

    synchronized void failValidation(ArrayNode errorList) {
        errors = errorList;
        moveTo(Status.FAILED);
    }

    synchronized void total(int lines) {
        total = lines;
    }

    /** Ends the batch with its counts and files (null when a file would be empty, as the provider does). */
    synchronized void finish(Status end, int ok, int bad, String output, String error) {
        completed = ok;
        failed = bad;
        outputFileId = output;
        errorFileId = error;
        moveTo(end);
    }

    /** @return false when the batch is already over (the provider answers 400 then) */
    synchronized boolean requestCancel() {
        if (status.terminal() || status == Status.CANCELLING) {
            return status == Status.CANCELLING;
        }
        cancelRequested = true;
        moveTo(Status.CANCELLING);
        return true;
    }

    synchronized boolean cancelRequested() {
        return cancelRequested;
    }

    synchronized ObjectNode toJson() {
        ObjectNode o = Http.JSON.createObjectNode();
        o.put("id", id);
        o.put("object", "batch");
        o.put("endpoint", endpoint);
        if (errors == null) {
            o.putNull("errors");
        } else {
            o.putObject("errors").put("object", "list").set("data", errors);
        }
        o.put("input_file_id", inputFileId);
        o.put("completion_window", "24h");
        o.put("status", status.wire());
        putNullable(o, "output_file_id", outputFileId);
        putNullable(o, "error_file_id", errorFileId);
        o.put("created_at", createdAt);
        putTime(o, "in_progress_at", Status.IN_PROGRESS);
        o.put("expires_at", createdAt + WINDOW_SECONDS);
        putTime(o, "finalizing_at", Status.FINALIZING);
        putTime(o, "completed_at", Status.COMPLETED);
        putTime(o, "failed_at", Status.FAILED);
        putTime(o, "expired_at", Status.EXPIRED);
        putTime(o, "cancelling_at", Status.CANCELLING);
        putTime(o, "cancelled_at", Status.CANCELLED);
        ObjectNode counts = o.putObject("request_counts");
        counts.put("total", total);
        counts.put("completed", completed);
        counts.put("failed", failed);
        if (metadata == null || metadata.isNull()) {
            o.putNull("metadata");
        } else {
            o.set("metadata", metadata);
        }
        return o;
    }

    private void putTime(ObjectNode o, String field, Status s) {
        Long t = at.get(s);
        if (t == null) {
            o.putNull(field);
        } else {
            o.put(field, t);
        }
    }

    private static void putNullable(ObjectNode o, String field, String value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }
}
