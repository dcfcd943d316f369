package dev.autoif.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything the services dead-lettered, by DLQ topic: "reason | value". A run without injected faults must leave
 * every {@code *.dlq} topic empty; when a run hangs, this says where its records went.
 */
final class DeadLetters {

    private DeadLetters() {
    }

    static Map<String, List<String>> read(String bootstrap) {
        Map<String, List<String>> found = new TreeMap<>();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<String> dlqs;
        try (Admin a = Admin.create(admin)) {
            dlqs = a.listTopics().names().get().stream().filter(t -> t.endsWith(".dlq")).sorted().toList();
        } catch (Exception e) {
            return Map.of("(broker)", List.of("could not list topics: " + e));
        }
        if (dlqs.isEmpty()) {
            return found;
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-dlq-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(dlqs);
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    var reason = r.headers().lastHeader("dead-letter-reason");
                    String value = r.value() == null ? "" : r.value();
                    found.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(
                            (reason == null ? "?" : new String(reason.value(), StandardCharsets.UTF_8)) + " | "
                                    + value.substring(0, Math.min(300, value.length())));
                }
            }
        }
        return found;
    }
}
