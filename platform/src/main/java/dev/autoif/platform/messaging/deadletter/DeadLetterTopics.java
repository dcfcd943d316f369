package dev.autoif.platform.messaging.deadletter;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This service's dead-letter topics, each with the topic its records came from, read from the channels'
 * configuration: {@code mp.messaging.incoming.<channel>.dead-letter-queue.topic} names the dead-letter topic and
 * {@code mp.messaging.incoming.<channel>.topic} (default: the channel's name) the source.
 */
public final class DeadLetterTopics {

    private static final Pattern DLQ_PROPERTY = Pattern.compile(
            "mp\\.messaging\\.incoming\\.(\"[^\"]+\"|[^.]+)\\.dead-letter-queue\\.topic");

    private final Map<String, String> sourceByDlq;

    private DeadLetterTopics(Map<String, String> sourceByDlq) {
        this.sourceByDlq = Map.copyOf(sourceByDlq);
    }

    /**
     * @param names  every configuration property name
     * @param lookup a property's value, if set
     */
    public static DeadLetterTopics from(Iterable<String> names, Function<String, Optional<String>> lookup) {
        Map<String, String> found = new TreeMap<>();
        for (String name : names) {
            Matcher m = DLQ_PROPERTY.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String channel = m.group(1);
            Optional<String> dlq = lookup.apply(name).map(String::trim).filter(s -> !s.isEmpty());
            if (dlq.isEmpty()) {
                continue;
            }
            String source = lookup.apply("mp.messaging.incoming." + channel + ".topic").map(String::trim)
                    .filter(s -> !s.isEmpty()).orElse(channel.replace("\"", ""));
            found.put(dlq.get(), source);
        }
        return new DeadLetterTopics(found);
    }

    /** Dead-letter topic -> the topic its records were consumed from, in name order. */
    public Map<String, String> sourceByDlq() {
        return new TreeMap<>(sourceByDlq);
    }

    public Optional<String> source(String dlq) {
        return Optional.ofNullable(sourceByDlq.get(dlq));
    }
}
