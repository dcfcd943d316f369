package dev.autoif.platform.messaging.deadletter;

import dev.autoif.contracts.Violation;
import dev.autoif.platform.http.Problem;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.http.QueryParams;
import dev.autoif.platform.messaging.step.MessagingConfig;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * This service's dead-letter topics for operators: what each holds, what waits, and a replay that sends the waiting
 * records back to the topic they came from once their cause is mended (a bug fixed, a run spec published, a
 * database back). Every service has it, for the topics its own channels dead-letter to.
 */
@Path("/admin/dead-letters")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@ApplicationScoped
@Blocking
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);

    static final int MAX_LIST = 500;
    static final int MAX_REPLAY = 1_000_000;

    /** A dead-letter topic of this service: how many records it retains, how many wait for a replay. */
    public record Topic(String topic, String source, long retained, long waiting) {
    }

    /** A dead-letter topic with its first waiting records. */
    public record Listing(String topic, String source, long retained, long waiting, List<DeadLetters.Entry> entries) {
    }

    /** What a replay sent back to {@code source}, by dead-letter reason, and what still waits. */
    public record Replay(String topic, String source, int replayed, Map<String, Integer> reasons, long waiting) {
    }

    private final DeadLetterTopics topics;
    private final DeadLetters deadLetters;

    /** @param kafka the {@code kafka.*} settings every channel starts from (bootstrap servers, security) */
    public DeadLetterResource(Config config, MessagingConfig messaging,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.topics = DeadLetterTopics.from(config.getPropertyNames(),
                name -> config.getOptionalValue(name, String.class));
        this.deadLetters = new DeadLetters(kafka, messaging.deadLetterTimeout());
    }

    @GET
    @Operation(summary = "This service's dead-letter topics",
            description = "Each dead-letter topic this service's consumers write to, with the topic its records came"
                    + " from, how many records it retains and how many wait for a replay.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Topic[].class)))
    @APIResponse(responseCode = "503", description = "The broker did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Topic> topics() {
        List<Topic> out = new ArrayList<>();
        topics.sourceByDlq().forEach((dlq, source) -> {
            DeadLetters.Count c = broker(() -> deadLetters.count(dlq));
            out.add(new Topic(dlq, source, c.retained(), c.waiting()));
        });
        return out;
    }

    @GET
    @Path("/{topic}")
    @Operation(summary = "The records of one dead-letter topic that wait for a replay",
            description = "In partition then offset order, each with its dead-letter reason, the exception, where it"
                    + " was consumed from, and its value (the first " + DeadLetters.VALUE_PREVIEW + " characters).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Listing.class)))
    @APIResponse(responseCode = "400", description = "limit out of bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not one of this service's dead-letter topics",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Listing list(@PathParam("topic") String topic,
            @QueryParam("limit") @Parameter(description = "1 to " + MAX_LIST + ", default 50") String limit) {
        String source = source(topic);
        int size = limit("limit", limit, 50, MAX_LIST);
        DeadLetters.Waiting w = broker(() -> deadLetters.waiting(topic, size));
        return new Listing(topic, source, w.count().retained(), w.count().waiting(), w.entries());
    }

    @POST
    @Path("/{topic}/replay")
    @Operation(summary = "Send the waiting records back to the topic they came from",
            description = "Mend the cause first. Each waiting record goes back with its key, value and headers;"
                    + " the replay cursor moves past it once the broker has it. Safe to repeat: a record that already"
                    + " took effect takes effect once. One that fails again is dead-lettered again and waits.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Replay.class)))
    @APIResponse(responseCode = "400", description = "limit out of bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not one of this service's dead-letter topics",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The broker did not answer; what was sent stays sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Replay replay(@PathParam("topic") String topic,
            @QueryParam("limit") @Parameter(description = "the most records to replay, 1 to " + MAX_REPLAY
                    + ", default all") String limit) {
        String source = source(topic);
        int most = limit("limit", limit, MAX_REPLAY, MAX_REPLAY);
        DeadLetters.Replayed r = broker(() -> deadLetters.replay(topic, source, most));
        LOG.infof("replayed %d records of %s to their source (%s), %d still waiting; reasons %s", r.replayed(), topic,
                source, r.waiting(), r.reasons());
        return new Replay(topic, source, r.replayed(), r.reasons(), r.waiting());
    }

    private String source(String topic) {
        Optional<String> source = topics.source(topic);
        if (source.isEmpty()) {
            throw new ProblemException(404, "Not Found", "'" + abbreviate(topic) + "' is not a dead-letter topic of"
                    + " this service; its dead-letter topics: " + topics.sourceByDlq().keySet());
        }
        return source.get();
    }

    private static int limit(String name, String value, int dflt, int max) {
        List<Violation> errors = new ArrayList<>();
        int n = QueryParams.integer(name, value, dflt, 1, max, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return n;
    }

    private static <T> T broker(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (DeadLetters.BrokerUnavailable e) {
            LOG.warnf("dead-letter endpoint: %s", e.getMessage());
            throw new ProblemException(503, "Service Unavailable", e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
