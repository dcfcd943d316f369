package dev.autoif.platform.messaging.step;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sends committed {@link OutboxRecord}s to Kafka and deletes each once the broker acknowledged it. Committed rows
 * come in two ways: straight from the consumer that committed them (the fast path, no database read), and from a
 * periodic sweep of rows older than {@code sweep-min-age} (left by a crash, a broker outage, or a replica that
 * died). One thread sends in commit order; a send that fails stops the fast path until a sweep has re-read every
 * pending row in id order, so records of one key keep their order. A row may be sent twice (crash after the send,
 * before the delete; two replicas sweeping): message ids are deterministic and every consumer drops duplicates.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** A committed row as the relay needs it. */
    public record Pending(long id, String topic, String key, String messageId, String payload) {
        static Pending of(OutboxRecord r) {
            return new Pending(r.id, r.topic, r.key, r.messageId, r.payload);
        }
    }

    private final MessagingConfig.Outbox config;
    private final Map<String, Object> kafkaConfig;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Long> acked = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sendFailed = new AtomicBoolean();
    private final Counter sent;
    private final Counter failures;
    private volatile boolean running;
    private Producer<String, String> producer;
    private Thread thread;

    public OutboxRelay(MessagingConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry meters) {
        this.config = config.outbox();
        this.kafkaConfig = kafkaConfig;
        this.sent = meters.counter("autoif.outbox.sent");
        this.failures = meters.counter("autoif.outbox.send.failures");
        meters.gauge("autoif.outbox.in.flight", inFlight, Set::size);
    }

    void onStart(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(producerConfig(kafkaConfig));
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            deleteAcked();
        }
    }

    /** Hands committed rows to the relay; call after the transaction that wrote them committed. */
    public void relay(List<Pending> committed) {
        if (!sendFailed.get()) {
            for (Pending p : committed) {
                if (inFlight.add(p.id())) {
                    queue.add(p);
                }
            }
        }
    }

    /** Rows written but not yet acknowledged, as this process knows them (for tests and metrics). */
    public int inFlight() {
        return inFlight.size();
    }

    /**
     * Sweeps now: queues every pending row older than {@code minAge}, in id order, a page at a time, until the queue
     * holds ten pages (the rest waits for the next sweep, so a long broker outage does not fill the heap). Tests use
     * it to replay a crash.
     */
    public int sweep(java.time.Duration minAge) {
        Instant before = Instant.now().minus(minAge);
        long after = -1;
        int n = 0;
        while (queue.size() < 10 * config.batchSize()) {
            long from = after;
            List<OutboxRecord> rows = QuarkusTransaction.requiringNew().call(() -> OutboxRecord
                    .find("createdAt < ?1 and id > ?2 order by id", before, from)
                    .page(0, config.batchSize()).list());
            for (OutboxRecord r : rows) {
                if (inFlight.add(r.id)) {
                    queue.add(Pending.of(r));
                    n++;
                }
                after = r.id;
            }
            if (rows.size() < config.batchSize()) {
                break;
            }
        }
        return n;
    }

    private void loop() {
        long nextSweep = 0;
        while (running) {
            try {
                if (sendFailed.get()) {
                    recover();
                }
                Pending p = queue.poll(100, TimeUnit.MILLISECONDS);
                while (p != null && !sendFailed.get()) {
                    send(p);
                    p = queue.poll();
                }
                deleteAcked();
                if (System.nanoTime() >= nextSweep) {
                    sweep(config.sweepMinAge());
                    nextSweep = System.nanoTime() + config.sweepInterval().toNanos();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database or the broker is away: the rows stay, and are re-read in order once it is back
                LOG.warnf("outbox relay: %s; retrying in %s", e.toString(), config.retryBackoff());
                sendFailed.set(true);
                sleep(config.retryBackoff());
            }
        }
    }

    private void send(Pending p) {
        ProducerRecord<String, String> record = new ProducerRecord<>(p.topic(), p.key(), p.payload());
        record.headers().add("autoif-message-id", p.messageId().getBytes(StandardCharsets.UTF_8));
        producer.send(record, (meta, error) -> {
            if (error == null) {
                acked.add(p.id());
                sent.increment();
            } else {
                failures.increment();
                LOG.warnf("outbox record %s (%s) was not sent: %s", p.messageId(), p.topic(), error.toString());
                sendFailed.set(true);
            }
        });
    }

    /** After a failed send: wait for what is outstanding, forget the queue, and re-read every pending row in order. */
    private void recover() throws InterruptedException {
        producer.flush();
        deleteAcked();
        sleep(config.retryBackoff());
        queue.clear();
        inFlight.clear();
        sendFailed.set(false);
        sweep(java.time.Duration.ZERO);
    }

    private void deleteAcked() {
        List<Long> ids = new ArrayList<>();
        Long id;
        while ((id = acked.poll()) != null) {
            ids.add(id);
        }
        for (int from = 0; from < ids.size(); from += config.batchSize()) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + config.batchSize()));
            QuarkusTransaction.requiringNew().run(() -> OutboxRecord.delete("id in ?1", chunk));
            chunk.forEach(inFlight::remove);
        }
    }

    private static Map<String, Object> producerConfig(Map<String, Object> kafka) {
        Map<String, Object> p = new HashMap<>();
        // connection and security settings of the service's kafka.* configuration; producer settings are ours
        for (String k : List.of("bootstrap.servers", "security.protocol", "sasl.mechanism", "sasl.jaas.config",
                "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type",
                "ssl.keystore.location", "ssl.keystore.password", "ssl.keystore.type", "client.dns.lookup")) {
            if (kafka.containsKey(k)) {
                p.put(k, kafka.get(k));
            }
        }
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return p;
    }

    private static void sleep(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
