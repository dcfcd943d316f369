package dev.autoif.platform.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads a dead-letter topic and sends its records back to the topic they came from, with plain Kafka clients.
 * <p>
 * A replay cursor per dead-letter partition, the committed offsets of the consumer group {@link #CURSOR_GROUP}
 * (shared by every service: {@code runs.dlq} is written by all of them), separates what was replayed from what
 * waits. A replay sends each waiting record with its key, value and headers (less SmallRye's {@code dead-letter-*}
 * ones) to its source topic, waits for the broker's acknowledgements, then moves the cursor past it. A crash between
 * the two sends the records again on the next replay: the consumer step recognises a message it already took
 * effect for, so a record replayed twice still takes effect once. A record that fails again is dead-lettered again,
 * after the cursor, and waits for the next replay.
 */
public final class DeadLetters {

    /** The consumer group whose committed offsets are the replay cursors. */
    public static final String CURSOR_GROUP = "autoif-dead-letter-replay";

    static final String HEADER_PREFIX = "dead-letter-";

    /** Records read and sent between two cursor commits. */
    private static final int CHUNK = 500;

    /** The most characters of a record's value a listing shows. */
    static final int VALUE_PREVIEW = 2_000;

    private final Map<String, Object> clientConfig;
    private final Duration timeout;

    /**
     * @param clientConfig the Kafka clients' common settings ({@code bootstrap.servers}, security)
     * @param timeout      how long one broker round trip may take before the call fails
     */
    public DeadLetters(Map<String, Object> clientConfig, Duration timeout) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.timeout = timeout;
    }

    /** How many records a dead-letter topic holds (still retained) and how many of them wait for a replay. */
    public record Count(long retained, long waiting) {
    }

    /** One dead-lettered record as an operator reads it. */
    public record Entry(int partition, long offset, Instant deadLetteredAt, String key, String reason, String cause,
            String exception, String sourceTopic, Integer sourcePartition, Long sourceOffset, String value,
            boolean valueTruncated) {
    }

    /** What a replay sent, by reason, and what still waits. */
    public record Replayed(int replayed, Map<String, Integer> reasons, long waiting) {
    }

    /** The broker did not answer in time, or refused. */
    public static final class BrokerUnavailable extends RuntimeException {

        BrokerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Count count(String dlq) {
        return withConsumer(consumer -> {
            Cursor c = cursor(consumer, dlq);
            return new Count(c.retained(), c.waiting());
        });
    }

    /** The topic's count and its first {@code limit} waiting records, in partition then offset order. */
    public record Waiting(Count count, List<Entry> entries) {
    }

    public Waiting waiting(String dlq, int limit) {
        return withConsumer(consumer -> {
            Cursor cursor = cursor(consumer, dlq);
            List<Entry> out = new ArrayList<>();
            read(consumer, cursor, limit, r -> out.add(entry(r)));
            return new Waiting(new Count(cursor.retained(), cursor.waiting()), out);
        });
    }

    /** Sends up to {@code limit} waiting records back to their source topic and moves the cursor past them. */
    public synchronized Replayed replay(String dlq, String defaultSource, int limit) {
        return withConsumer(consumer -> {
            Map<String, Integer> reasons = new TreeMap<>();
            int sent = 0;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
                // only what waits now: a record that fails again is dead-lettered again past this end
                Cursor cursor = cursor(consumer, dlq);
                while (sent < limit && cursor.waiting() > 0) {
                    List<ConsumerRecord<byte[], byte[]>> chunk = new ArrayList<>();
                    read(consumer, cursor, Math.min(CHUNK, limit - sent), chunk::add);
                    if (chunk.isEmpty()) {
                        break;
                    }
                    List<Future<RecordMetadata>> acks = new ArrayList<>(chunk.size());
                    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                    for (ConsumerRecord<byte[], byte[]> r : chunk) {
                        String source = header(r.headers(), "dead-letter-topic");
                        acks.add(producer.send(new ProducerRecord<>(source == null ? defaultSource : source, null,
                                r.key(), r.value(), withoutDeadLetterHeaders(r.headers()))));
                        next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                        reasons.merge(String.valueOf(header(r.headers(), "dead-letter-reason")), 1, Integer::sum);
                    }
                    for (Future<RecordMetadata> ack : acks) {
                        await(ack);
                    }
                    consumer.commitSync(next, timeout);
                    sent += chunk.size();
                    cursor = cursor.movedTo(next);
                }
                return new Replayed(sent, reasons, cursor(consumer, dlq).waiting());
            }
        });
    }

    /** Where the replay stands in each partition: from the cursor (or the oldest retained record) to the end. */
    private record Cursor(Map<TopicPartition, Long> from, Map<TopicPartition, Long> end, long retained) {

        /** The same ends, from the offsets just committed: what a replay has left of what waited at its start. */
        Cursor movedTo(Map<TopicPartition, OffsetAndMetadata> committed) {
            Map<TopicPartition, Long> f = new HashMap<>(from);
            committed.forEach((tp, offset) -> f.put(tp, offset.offset()));
            return new Cursor(f, end, retained);
        }

        long waiting() {
            long n = 0;
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                n += Math.max(0, e.getValue() - from.get(e.getKey()));
            }
            return n;
        }
    }

    private Cursor cursor(KafkaConsumer<byte[], byte[]> consumer, String dlq) {
        List<PartitionInfo> infos = consumer.partitionsFor(dlq, timeout);
        List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            for (PartitionInfo p : infos) {
                partitions.add(new TopicPartition(dlq, p.partition()));
            }
        }
        if (partitions.isEmpty()) {
            return new Cursor(Map.of(), Map.of(), 0);
        }
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), timeout);
        Map<TopicPartition, Long> from = new HashMap<>();
        long retained = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            from.put(tp, Math.max(begin.get(tp), c == null ? 0 : c.offset()));
            retained += end.get(tp) - begin.get(tp);
        }
        return new Cursor(from, end, retained);
    }

    /** Hands {@code sink} up to {@code limit} records from the cursor to the end, partition by partition. */
    private void read(KafkaConsumer<byte[], byte[]> consumer, Cursor cursor, int limit,
            Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        int taken = 0;
        List<TopicPartition> partitions = new ArrayList<>(cursor.end().keySet());
        partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        for (TopicPartition tp : partitions) {
            long position = cursor.from().get(tp);
            long end = cursor.end().get(tp);
            if (position >= end || taken >= limit) {
                continue;
            }
            consumer.assign(List.of(tp));
            consumer.seek(tp, position);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (position < end && taken < limit) {
                if (System.nanoTime() > deadline) {
                    throw new BrokerUnavailable("reading " + tp + " from offset " + position + " timed out after "
                            + timeout, null);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() >= end || taken >= limit) {
                        break;
                    }
                    sink.accept(r);
                    taken++;
                    position = r.offset() + 1;
                }
                // a compacted or transactional topic can leave gaps: the consumer's position is the truth
                position = Math.max(position, Math.min(consumer.position(tp, timeout), end));
            }
        }
        consumer.assign(List.of());
    }

    private static Entry entry(ConsumerRecord<byte[], byte[]> r) {
        String value = r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
        boolean truncated = value != null && value.length() > VALUE_PREVIEW;
        return new Entry(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()),
                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                header(r.headers(), "dead-letter-reason"), header(r.headers(), "dead-letter-cause"),
                header(r.headers(), "dead-letter-exception-class-name"), header(r.headers(), "dead-letter-topic"),
                number(header(r.headers(), "dead-letter-partition"), Integer::valueOf),
                number(header(r.headers(), "dead-letter-offset"), Long::valueOf),
                truncated ? value.substring(0, VALUE_PREVIEW) : value, truncated);
    }

    static Headers withoutDeadLetterHeaders(Headers headers) {
        RecordHeaders kept = new RecordHeaders();
        for (Header h : headers) {
            if (!h.key().startsWith(HEADER_PREFIX)) {
                kept.add(h);
            }
        }
        return kept;
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static <T> T number(String text, java.util.function.Function<String, T> parse) {
        try {
            return text == null ? null : parse.apply(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void await(Future<RecordMetadata> ack) {
        try {
            ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailable("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new BrokerUnavailable("the broker refused a replayed record: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerUnavailable("the broker did not acknowledge a replayed record within " + timeout, e);
        }
    }

    private <T> T withConsumer(java.util.function.Function<KafkaConsumer<byte[], byte[]>, T> work) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            return work.apply(consumer);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new BrokerUnavailable("the broker did not answer within " + timeout + ": " + e.getMessage(), e);
        } catch (KafkaException e) {
            throw new BrokerUnavailable("the broker refused: " + e.getMessage(), e);
        }
    }

    private Properties consumerConfig() {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, CURSOR_GROUP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(CHUNK));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
