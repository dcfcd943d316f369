package dev.autoif.verifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static dev.autoif.verifier.RewardFixtures.LOWER;
import static dev.autoif.verifier.RewardFixtures.NO_DIGITS;
import static dev.autoif.verifier.RewardFixtures.SHORT;
import static dev.autoif.verifier.RewardFixtures.instruction;
import static dev.autoif.verifier.RewardFixtures.passRates;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /reward in OpenRLHF's exact shape and POST /verify/batch: rewards equal the pass rates POST /verify computes,
 * per-sample errors instead of failed batches, order kept, repeatable, and clear 400s for malformed bodies.
 */
@QuarkusTest
class RewardEndpointTest {

    @Test
    void openRlhfBatchGetsThePassRatesOfEachLabelsFunctionsInOrder() {
        String a = instruction(LOWER, SHORT, NO_DIGITS);
        String b = instruction(SHORT, NO_DIGITS);
        String chatml = "<|im_start|>user\nAnswer briefly.<|im_end|>\n<|im_start|>assistant\n";
        String llama3 = "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n";
        List<String> responses = List.of("two words", "Three Long Words 7", "ok", "a b c d 1", "fine");
        List<String> labels = List.of(a, a, b, b, a);
        List<String> prompts = List.of(chatml, chatml, llama3, llama3, "Q: ");
        List<String> queries = List.of(chatml + responses.get(0) + "<|im_end|>", chatml + responses.get(1),
                llama3 + responses.get(2) + "<|eot_id|>", llama3 + responses.get(3) + "<|eot_id|><|end_of_text|>",
                "Q: " + responses.get(4));

        JsonPath answer = given().contentType("application/json")
                .body(Map.of("query", queries, "prompts", prompts, "labels", labels))
                .when().post("/reward").then().statusCode(200).extract().jsonPath();

        List<Float> expected = passRates(labels, responses);
        assertThat(answer.getList("rewards", Float.class)).containsExactlyElementsOf(expected);
        assertThat(answer.getList("scores", Float.class)).containsExactlyElementsOf(expected);
        // a: "two words" passes all 3; "Three Long Words 7" none; "fine" all 3. b: "ok" 2/2; "a b c d 1" 0/2
        assertThat(expected).containsExactly(1.0f, 0.0f, 1.0f, 0.0f, 1.0f);
        assertThat(answer.getList("extra_logs.verdict_pass", Float.class)).containsExactly(3f, 0f, 2f, 0f, 3f);
        assertThat(answer.getList("extra_logs.verdict_fail", Float.class)).containsExactly(0f, 3f, 0f, 2f, 0f);
        assertThat(answer.getList("extra_logs.functions", Float.class)).containsExactly(3f, 3f, 2f, 2f, 3f);
        assertThat(answer.getList("extra_logs.unscored", Float.class)).containsExactly(0f, 0f, 0f, 0f, 0f);
        assertThat(answer.getList("errors")).containsOnlyNulls().hasSize(5);

        // OpenRLHF retries: the same request gets the same answer
        JsonPath again = given().contentType("application/json")
                .body(Map.of("query", queries, "prompts", prompts, "labels", labels))
                .when().post("/reward").then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("rewards", Float.class)).isEqualTo(answer.getList("rewards", Float.class));
    }

    @Test
    void anUnknownLabelOrAResponseThatCannotBeFoundIsThatSamplesErrorNotTheBatchs() {
        String a = instruction(LOWER);
        List<String> queries = List.of("<|im_start|>assistant\nfine", "no template here", "<|im_start|>assistant\nok",
                "[INST] hi [/INST] yes</s>");
        List<String> labels = List.of(a, a, "ins-unknown", a);

        JsonPath answer = given().contentType("application/json")
                .body(Map.of("query", queries, "labels", labels))
                .when().post("/reward").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("rewards", Float.class)).containsExactly(1.0f, 0.0f, 0.0f, 1.0f);
        assertThat(answer.getList("extra_logs.unscored", Float.class)).containsExactly(0f, 1f, 1f, 0f);
        assertThat(answer.getString("errors[0]")).isNull();
        assertThat(answer.getString("errors[1]")).startsWith("no-response");
        assertThat(answer.getString("errors[2]")).startsWith("unknown-instruction").contains("ins-unknown");
    }

    @Test
    void emptyBatchesAndMalformedBodies() {
        given().contentType("application/json").body(Map.of("query", List.of(), "prompts", List.of(),
                "labels", List.of())).when().post("/reward")
                .then().statusCode(200).body("rewards", hasSize(0)).body("scores", hasSize(0));
        given().contentType("application/json").body(Map.of("query", List.of("a", "b"), "labels", List.of("x")))
                .when().post("/reward")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("labels"));
        given().contentType("application/json").body(Map.of("query", List.of("a"))).when().post("/reward")
                .then().statusCode(400).body("errors.field", hasItem("labels"));
        given().contentType("application/json")
                .body(Map.of("query", List.of("a"), "labels", List.of("x"), "reward_mode", "fast"))
                .when().post("/reward")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("reward_mode")).body("detail", containsString("reward_mode"));
    }

    @Test
    void batchScoresManyInstructionsWithPerFunctionVerdicts() {
        String a = instruction(LOWER, SHORT);
        given().contentType("application/json")
                .body(Map.of("items", List.of(
                        Map.of("instructionId", a, "responses", List.of("two words", "Not Two Words")),
                        Map.of("functions", List.of(NO_DIGITS), "responses", List.of("x1")),
                        Map.of("instructionId", "ins-missing", "responses", List.of("x")))))
                .when().post("/verify/batch")
                .then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].results.passRate", contains(1.0f, 0.0f))
                .body("items[0].results[1].verdicts", contains("fail", "fail"))
                .body("items[0].error", nullValue())
                .body("items[1].results[0].verdicts", contains("fail"))
                .body("items[2].error", containsString("unknown-instruction"))
                .body("items[2].results[0].passRate", org.hamcrest.Matchers.equalTo(0.0f));
        given().contentType("application/json")
                .body(Map.of("items", List.of(Map.of("functions", List.of(LOWER), "instructionId", a,
                        "responses", List.of("x")), Map.of("functions", List.of(LOWER)))))
                .when().post("/verify/batch")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("items[1].responses"));
        given().contentType("application/json")
                .body(Map.of("items", List.of(Map.of("functions", List.of(LOWER), "instructionId", a,
                        "responses", List.of("x")))))
                .when().post("/verify/batch")
                .then().statusCode(400).body("errors.field", hasItem("items[0].functions"));
    }
}
