package dev.autoif.verifier.api;

import dev.autoif.contracts.Violation;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.verifier.config.VerifierConfig;
import dev.autoif.verifier.domain.ResponseScorer;
import dev.autoif.verifier.persistence.VerifiedInstructions;
import dev.autoif.verifier.sandbox.FunctionSandbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * The reward endpoint for online DPO / RL: scores responses with verification functions, synchronously, without
 * Kafka. A trainer calls it for every batch of samples, so it runs straight on the shared sandbox threads.
 */
@Path("/verify")
public class VerifyResource {

    private final FunctionSandbox sandbox;
    private final VerifiedInstructions instructions;
    private final VerifierConfig config;

    public VerifyResource(FunctionSandbox sandbox, VerifiedInstructions instructions, VerifierConfig config) {
        this.sandbox = sandbox;
        this.instructions = instructions;
        this.config = config;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public VerifyResponse verify(VerifyRequest request) {
        List<String> functions = functions(request);
        List<String> responses = request.responses();
        List<VerifyResponse.Result> results = ResponseScorer.score(responses, sandbox.evaluate(functions, responses))
                .stream().map(r -> new VerifyResponse.Result(r.passRate(), r.verdicts())).toList();
        return new VerifyResponse(results);
    }

    private List<String> functions(VerifyRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("a JSON body with functions or instructionId and responses is needed");
        }
        List<Violation> errors = new ArrayList<>();
        boolean byId = request.instructionId() != null;
        if (byId == (request.functions() != null)) {
            errors.add(new Violation("functions", "give exactly one of functions and instructionId"));
        }
        if (request.functions() != null) {
            if (request.functions().isEmpty() || request.functions().size() > config.maxFunctions()) {
                errors.add(new Violation("functions", "must hold 1 to " + config.maxFunctions() + " functions"));
            }
            for (int i = 0; i < request.functions().size(); i++) {
                String f = request.functions().get(i);
                if (f == null || f.isBlank()) {
                    errors.add(new Violation("functions[" + i + "]", "must not be blank"));
                } else if (f.length() > sandbox.limits().maxCodeChars()) {
                    errors.add(new Violation("functions[" + i + "]", "longer than "
                            + sandbox.limits().maxCodeChars() + " characters"));
                }
            }
        }
        if (byId && request.instructionId().isBlank()) {
            errors.add(new Violation("instructionId", "must not be blank"));
        }
        List<String> responses = request.responses();
        if (responses == null || responses.isEmpty() || responses.size() > config.maxResponses()) {
            errors.add(new Violation("responses", "must hold 1 to " + config.maxResponses() + " responses"));
        } else {
            for (int i = 0; i < responses.size(); i++) {
                if (responses.get(i) == null) {
                    errors.add(new Violation("responses[" + i + "]", "must not be null"));
                } else if (responses.get(i).length() > sandbox.limits().maxInputChars()) {
                    errors.add(new Violation("responses[" + i + "]", "longer than "
                            + sandbox.limits().maxInputChars() + " characters"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!byId) {
            return request.functions();
        }
        return instructions.keptFunctions(request.instructionId())
                .orElseThrow(() -> ProblemException.notFound("verified instruction", request.instructionId()));
    }
}
