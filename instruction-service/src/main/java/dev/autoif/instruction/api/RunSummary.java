package dev.autoif.instruction.api;

import java.time.Instant;

public record RunSummary(String runId, String name, String status, Instant createdAt, CostView cost) {
}
