package dev.autoif.llm;

import java.util.List;

/** The parsed samples of one request, in index order, with the raw result they came from. */
public record TypedResult<T>(List<Parsed<T>> items, LlmResult raw) {

    public TypedResult {
        items = List.copyOf(items);
    }

    public List<T> values() {
        return items.stream().<T>mapMulti((p, sink) -> {
            if (p instanceof Parsed.Value<T> v) {
                sink.accept(v.value());
            }
        }).toList();
    }

    public List<Parsed.Failure<T>> failures() {
        return items.stream().<Parsed.Failure<T>>mapMulti((p, sink) -> {
            if (p instanceof Parsed.Failure<T> f) {
                sink.accept(f);
            }
        }).toList();
    }

    /** Samples the LLM answered but whose text did not parse. */
    public long parseFailures() {
        return failures().stream().filter(Parsed.Failure::parseFailure).count();
    }

    public LlmUsage usage() {
        return raw.usage();
    }
}
