package dev.autoif.verifier;

import static io.restassured.RestAssured.given;

import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.ScoredFunction;
import dev.autoif.verifier.persistence.VerifiedInstructions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Verified instructions stored for reward tests, and the pass rates POST /verify gives (the other way to score). */
final class RewardFixtures {

    static final String LOWER = "def evaluate(response):\n    return response == response.lower()\n";
    static final String SHORT = "def evaluate(response):\n    return len(response.split()) <= 2\n";
    static final String NO_DIGITS = "import re\ndef evaluate(response):\n    return not re.search(r'\\d', response)\n";

    private RewardFixtures() {
    }

    /** A stored verified instruction with these kept functions; its id is the RLVR export's label. */
    static String instruction(String... functions) {
        String id = "ins-" + UUID.randomUUID().toString().replace("-", "");
        List<ScoredFunction> kept = new ArrayList<>();
        for (int i = 0; i < functions.length; i++) {
            kept.add(new ScoredFunction("f" + i, functions[i], 1.0, false));
        }
        VerifiedInstructions store = CDI.current().select(VerifiedInstructions.class).get();
        QuarkusTransaction.requiringNew().run(() -> store.save(new InstructionVerified(id, "run-r", "text",
                InstructionOrigin.SEED, kept, List.of(), kept.stream().map(ScoredFunction::functionId).toList(),
                List.of(), List.of(), List.of())));
        return id;
    }

    /** Pass rate of each response for one response per /verify call with the instruction's kept functions. */
    static List<Float> passRates(List<String> labels, List<String> responses) {
        List<Float> rates = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            rates.add(given().contentType("application/json")
                    .body(Map.of("instructionId", labels.get(i), "responses", List.of(responses.get(i))))
                    .when().post("/verify").then().statusCode(200).extract().jsonPath()
                    .<Float>getList("results.passRate").getFirst());
        }
        return rates;
    }
}
