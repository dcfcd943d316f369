package dev.autoif.platform.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadLetterTopicsTest {

    @Test
    void eachDeadLetterTopicIsMappedToTheTopicItsChannelConsumes() {
        Map<String, String> config = Map.of(
                "mp.messaging.incoming.\"responses.judged\".dead-letter-queue.topic", "responses.judged.dlq",
                "mp.messaging.incoming.\"responses.judged\".topic", "responses.judged",
                "mp.messaging.incoming.runs.dead-letter-queue.topic", "runs.dlq",
                "mp.messaging.incoming.renamed.dead-letter-queue.topic", "other.dlq",
                "mp.messaging.incoming.renamed.topic", "instructions.accepted",
                "mp.messaging.incoming.blank.dead-letter-queue.topic", " ",
                "mp.messaging.outgoing.out.dead-letter-queue.topic", "not.incoming.dlq",
                "mp.messaging.incoming.runs.topic.dead-letter-queue.topic", "not.a.channel.dlq");
        DeadLetterTopics topics = DeadLetterTopics.from(config.keySet(), k -> Optional.ofNullable(config.get(k)));

        assertThat(topics.sourceByDlq()).containsExactly(
                Map.entry("other.dlq", "instructions.accepted"),
                Map.entry("responses.judged.dlq", "responses.judged"),
                Map.entry("runs.dlq", "runs"));
        assertThat(topics.source("runs.dlq")).contains("runs");
        assertThat(topics.source("runs")).isEmpty();
    }
}
