package dev.autoif.instruction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.autoif.contracts.CorpusAnnounced;
import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.LlmMode;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.Topics;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The run request DTO: unknown fields refused, absent and 0 distinct, defaults filled once, corpus checked. */
@QuarkusTest
class RunRequestTest {

    private static final String SEEDS = "\"seedInstructions\": [\"Answer in lowercase letters only.\"]";

    @Test
    void unknownFieldsAreNamedWithTheClosestKnownNameAndNothingIsStored() {
        long before = total();
        given().contentType(ContentType.JSON).body("{\"name\": \"typo\", " + SEEDS
                + ", \"corpus\": \"sharegpt\", \"parameters\": {\"judgeTreshold\": {\"value\": 7}}}")
                .when().post("/runs").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("corpus", "parameters.judgeTreshold"))
                .body("errors.find { it.field == 'parameters.judgeTreshold' }.message",
                        equalTo("unknown field; did you mean 'judgeThreshold'?"))
                .body("detail", containsString("parameters.judgeTreshold"));
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void zeroIsAValueNotAbsence() {
        given().contentType(ContentType.JSON).body("{\"name\": \"zero rounds\", " + SEEDS
                + ", \"parameters\": {\"selfInstructRounds\": 0}}").when().post("/runs").then().statusCode(400)
                .body("errors.field", hasItem("parameters.selfInstructRounds"));
        String runId = RunApiTest.submit("{\"name\": \"seed zero\", " + SEEDS
                + ", \"parameters\": {\"selfInstructRounds\": 1, \"functionsPerInstruction\": 3, \"seed\": 0,"
                + " \"judgeThreshold\": {\"value\": 7}}}");
        RunSpec spec = published(runId);
        assertThat(spec.parameters().seed()).isZero();
        assertThat(spec.parameters().judgeThreshold().value()).isEqualTo(7.0);
        assertThat(spec.parameters().judgeThreshold().inclusive()).as("inclusive left out keeps the default's")
                .isTrue();
        given().post("/runs/" + runId + "/cancel").then().statusCode(200);
    }

    @Test
    void theSpecOnTheTopicCarriesEveryDefaultExplicitly() {
        String runId = RunApiTest.submit("{\"name\": \"defaults\", " + SEEDS
                + ", \"parameters\": {\"selfInstructRounds\": 1, \"functionsPerInstruction\": 3}}");
        RunSpec spec = published(runId);
        RunParameters d = RunParameters.defaults();
        assertThat(spec.parameters()).isEqualTo(new RunParameters(1, 3, d.functionAccuracy(), d.caseAccuracy(),
                d.minFunctions(), d.minCases(), d.backTranslationsPerInstruction(), d.nliPolicy(),
                d.queriesPerInstruction(), d.responsesPerQuery(), d.responsePassRate(), d.resampleBudget(),
                d.judgeThreshold(), d.judgeSamples(), d.models(), d.seed(), d.keepConstantFunctions()));
        assertThat(spec.corpusId()).isEqualTo("sample");
        given().post("/runs/" + runId + "/cancel").then().statusCode(200);
    }

    @Test
    void llmModesArePerStageOnlineByDefaultAndBatchOnlyWhereAllowed() {
        String runId = RunApiTest.submit("{\"name\": \"batch\", " + SEEDS
                + ", \"parameters\": {\"selfInstructRounds\": 1, \"functionsPerInstruction\": 3,"
                + " \"llmModes\": {\"QUERY_SAMPLING\": \"batch\", \"JUDGE\": \"batch\"}}}");
        RunSpec spec = published(runId);
        assertThat(spec.parameters().llmMode(Stage.QUERY_SAMPLING)).isEqualTo(LlmMode.BATCH);
        assertThat(spec.parameters().llmMode(Stage.JUDGE)).isEqualTo(LlmMode.BATCH);
        assertThat(spec.parameters().llmMode(Stage.FUNCTION_GENERATION)).isEqualTo(LlmMode.ONLINE);
        given().post("/runs/" + runId + "/cancel").then().statusCode(200);

        given().contentType(ContentType.JSON).body("{\"name\": \"r\", " + SEEDS
                + ", \"parameters\": {\"llmModes\": {\"SELF_INSTRUCT\": \"batch\"}}}")
                .when().post("/runs").then().statusCode(400)
                .body("errors.field", hasItem("parameters.llmModes.SELF_INSTRUCT"));
        given().contentType(ContentType.JSON).body("{\"name\": \"r\", " + SEEDS
                + ", \"parameters\": {\"llmModes\": {\"JUDGE\": \"overnight\"}}}")
                .when().post("/runs").then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body("{\"name\": \"r\", " + SEEDS
                + ", \"parameters\": {\"llmModes\": {\"JUDGING\": \"batch\"}}}")
                .when().post("/runs").then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void outOfRangeAndMistypedParametersNameTheirField() {
        given().contentType(ContentType.JSON).body("{\"name\": \"r\", \"parameters\": {\"judgeSamples\": 11,"
                + " \"functionAccuracy\": {\"value\": -0.1}, \"models\": {\"judge\": \"\"}, \"responsesPerQuery\": 0}}")
                .when().post("/runs").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("parameters.judgeSamples",
                        "parameters.functionAccuracy.value", "parameters.models.judge",
                        "parameters.responsesPerQuery"));
        given().contentType(ContentType.JSON).body("{\"name\": \"r\", \"parameters\": {\"seed\": \"42\"}}")
                .when().post("/runs").then().statusCode(400).body("errors.field", hasItem("parameters.seed"));
        given().contentType(ContentType.JSON).body("{\"name\": \"r\", \"parameters\": {\"nliPolicy\": \"SOME\"}}")
                .when().post("/runs").then().statusCode(400).body("errors.field", hasItem("parameters.nliPolicy"));
        given().contentType(ContentType.JSON).body("{\"name\": \"r\", \"parameters\": {\"minFunctions\": 5,"
                + " \"functionsPerInstruction\": 4}}").when().post("/runs").then().statusCode(400)
                .body("errors.field", hasItem("parameters.minFunctions"));
    }

    @Test
    void anUnknownCorpusIsRefusedAndAnAnnouncedOneAccepted() {
        String corpus = "announced-" + Long.toHexString(System.nanoTime());
        long before = total();
        given().contentType(ContentType.JSON).body("{\"name\": \"c\", " + SEEDS + ", \"corpusId\": \"" + corpus
                + "\"}").when().post("/runs").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString(corpus)).body("errors.field", hasItem("corpusId"));
        assertThat(total()).isEqualTo(before);

        TopicProbe.send(Topics.CORPORA, corpus, EnvelopeCodec.encode(Envelope.of("corpus:" + corpus, corpus,
                MessageType.CorpusAnnounced, new CorpusAnnounced(corpus, 12, Instant.now()))));
        String body = "{\"name\": \"c\", " + SEEDS + ", \"parameters\": {\"selfInstructRounds\": 1,"
                + " \"functionsPerInstruction\": 3}, \"corpusId\": \"" + corpus + "\"}";
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().contentType(ContentType.JSON)
                .body(body).when().post("/runs").then().extract().statusCode() == 201);
    }

    @Test
    void malformedIdsAre400BeforeAnyQuery() {
        given().when().get("/runs/" + "x".repeat(200)).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("id"));
        given().urlEncodingEnabled(false).when().post("/runs/a%27b/cancel").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    private static RunSpec published(String runId) {
        List<ConsumerRecord<String, String>> records = TopicProbe.read(Topics.RUNS, 1, r -> runId.equals(r.key()),
                Duration.ofSeconds(30));
        return EnvelopeCodec.<RunSpec>decode(records.getFirst().value(), MessageType.RunSpec).payload();
    }

    private static long total() {
        return ((Number) given().when().get("/runs").then().statusCode(200).extract().path("total")).longValue();
    }
}
