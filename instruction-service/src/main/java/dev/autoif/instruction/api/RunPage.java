package dev.autoif.instruction.api;

import java.util.List;

/** One page of runs, newest first. */
public record RunPage(List<RunSummary> items, int page, int size, long total) {
}
